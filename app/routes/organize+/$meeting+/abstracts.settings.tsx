// The call for abstracts' settings, for organizers: "Open a call" (the
// defaults and a topic per track), then its dates (a day and a time in the
// meeting's zone), limits and guidelines; topics (from the tracks, or added,
// renamed, removed, reordered); the structured sections with their limits;
// the review rubric with each weight as a share of the total. Each form posts
// an `intent`; every change is audited.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { type ZodType } from "zod";
import { CallDatesForm, CriterionRow, OrderedItems, SectionRow, TopicRow } from "~/components/abstract-call-settings";
import { ConsolePage, OutcomeBanner, Section } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { callSettingsFrom, callSettingsSchema, criterionSchema, sectionSchema, topicSchema, weightPercents } from "~/models/abstracts/call-forms";
import { addTopicsFromTracks, callForOrganizers, moveItem, openCall, removeItem, saveCriterion, saveSection, saveTopic, updateCallSettings } from "~/models/abstracts/call.server";
import { type Outcome } from "~/models/refusal";
import { wallClock } from "~/models/program/document";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalMessage } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { zoneLabel } from "~/utils/time";

export const meta = consoleMeta("Call for abstracts: settings");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const { call, tracks } = await callForOrganizers(meeting.id);
  const zone = meeting.timeZone;
  const clock = (instant: Date | null) => (instant ? wallClock(instant, zone) : { day: "", time: "" });
  const linked = new Set(call?.topics.map((topic) => topic.trackId));
  return {
    meeting: { slug: meeting.slug, zone: zoneLabel(zone, new Date()) },
    unlinkedTracks: tracks.filter((track) => !linked.has(track.id)).length,
    call: call && {
      dates: {
        opens: clock(call.opensAt),
        closes: clock(call.closesAt),
        lateOpens: clock(call.lateBreakingOpensAt),
        lateCloses: clock(call.lateBreakingClosesAt),
        confirm: clock(call.confirmBy),
        totalCharacterLimit: call.totalCharacterLimit,
        maxAuthors: call.maxAuthors,
        reviewsPerAbstract: call.reviewsPerAbstract,
        guidelines: call.guidelines,
      },
      topics: call.topics.map((topic) => ({ id: topic.id, name: topic.name, abstracts: topic._count.abstracts })),
      sections: call.sections,
      criteria: call.criteria.map((criterion, index) => ({ ...criterion, percent: weightPercents(call.criteria.map((row) => row.weight))[index]! })),
    },
  };
}

type Reply = { ok: boolean; message: string; field?: string | null };

function parsed<T>(schema: ZodType<T>, formData: FormData): { ok: true; value: T } | { ok: false; reply: ReturnType<typeof data<Reply>> } {
  const result = schema.safeParse(Object.fromEntries(formData));
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, reply: data<Reply>({ ok: false, message: `${String(issue.path[0] ?? "")}: ${issue.message}`, field: String(issue.path[0] ?? "") }, { status: 400 }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const id = String(formData.get("id") ?? "") || null;
  const answer = (outcome: Outcome, message: string) => (outcome.ok ? data<Reply>({ ok: true, message }) : refusalMessage(outcome));
  const kind = String(formData.get("kind") ?? "");
  if (intent === "open") {
    const outcome = await openCall(user, meeting);
    return outcome.ok ? redirect(href.organize.abstractSettings(meeting.slug)) : refusalMessage(outcome);
  }
  if (intent === "settings") {
    const form = parsed(callSettingsSchema, formData);
    if (!form.ok) return form.reply;
    const settings = callSettingsFrom(form.value, meeting.timeZone);
    if (!settings.ok) return data<Reply>({ ok: false, message: settings.problems.map((problem) => problem.message).join(" "), field: settings.problems[0]!.field }, { status: 400 });
    return answer(await updateCallSettings(user, meeting, settings.settings), "The call's dates and limits are saved.");
  }
  if (intent === "topics-from-tracks") {
    const outcome = await addTopicsFromTracks(user, meeting);
    return outcome.ok ? data<Reply>({ ok: true, message: outcome.added ? `Added ${outcome.added} topics from the tracks.` : "Every track already has a topic." }) : refusalMessage(outcome);
  }
  if (intent === "topic") {
    const form = parsed(topicSchema, formData);
    return form.ok ? answer(await saveTopic(user, meeting, id, form.value.name), id ? "Topic renamed." : "Topic added.") : form.reply;
  }
  if (intent === "section") {
    const form = parsed(sectionSchema, formData);
    return form.ok ? answer(await saveSection(user, meeting, id, form.value), id ? "Section saved." : "Section added.") : form.reply;
  }
  if (intent === "criterion") {
    const form = parsed(criterionSchema, formData);
    return form.ok ? answer(await saveCriterion(user, meeting, id, form.value), id ? "Criterion saved." : "Criterion added.") : form.reply;
  }
  if ((intent === "up" || intent === "down" || intent === "remove") && id && (kind === "topic" || kind === "section" || kind === "criterion")) {
    return answer(intent === "remove" ? await removeItem(user, meeting, kind, id) : await moveItem(user, meeting, kind, id, intent), intent === "remove" ? "Removed." : "Moved.");
  }
  return data<Reply>({ ok: false, message: "That form is not one this page knows." }, { status: 400 });
}

export default function AbstractSettings() {
  const { meeting, call, unlinkedTracks } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  return (
    <ConsolePage title="Call for abstracts" intro={`Dates and times are in the meeting's zone (${meeting.zone}).`}>
      {reply ? (
        <div className="mb-4">
          <OutcomeBanner outcome={reply} />
        </div>
      ) : null}
      {!call ? (
        <form method="post" className="max-w-prose space-y-3">
          <p className="text-slate-700">This meeting has no call for abstracts. Opening one starts it with the structured sections (Purpose, Materials and Methods, Results, Conclusion), a scoring rubric and a topic for each track; change any of them here.</p>
          <button type="submit" name="intent" value="open" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Open a call
          </button>
        </form>
      ) : (
        <div>
          <CallDatesForm dates={call.dates} />
          <Section title="Topics" id="topics">
            <div className="space-y-3">
              {unlinkedTracks ? (
                <form method="post">
                  <button type="submit" name="intent" value="topics-from-tracks" className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-semibold text-slate-900 hover:bg-slate-50">
                    Add topics from tracks ({unlinkedTracks})
                  </button>
                </form>
              ) : null}
              <OrderedItems kind="topic" items={call.topics} nameOf={(topic) => topic.name} row={(topic) => <TopicRow topic={topic} />} />
            </div>
          </Section>
          <Section title="Sections and limits" id="sections">
            <OrderedItems kind="section" items={call.sections} nameOf={(section) => section.title} row={(section) => <SectionRow section={section} />} boxed />
          </Section>
          <Section title="Review rubric" id="rubric">
            <OrderedItems kind="criterion" items={call.criteria} nameOf={(criterion) => criterion.name} row={(criterion) => <CriterionRow criterion={criterion} />} boxed />
          </Section>
        </div>
      )}
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
