// The organizers' disclosure board: everyone who must disclose for the
// meeting's accredited education (faculty of accredited sessions, planners),
// who has and has not answered, each answer with its history, and the review
// of each relationship (relevant or not, and how a relevant one was mitigated).
// Requests and new links go out by e-mail through the job queue.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CmePages } from "~/components/cme-pages";
import { ConsolePage, FigureCards, Section, OutcomeBanner, secondaryLinkClass } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { DisclosurePerson } from "~/components/disclosure-person";
import { CardForm, Field, SubmitButton, useSchemaForm } from "~/components/forms";
import { listDisclosureBoard } from "~/models/cme/disclosure-views.server";
import { NATURE_LABELS, PlannerFormSchema, ReviewFormSchema, STATE_LABELS } from "~/models/cme/disclosures";
import { addPlanner, requestDisclosures, reviewRelationship, sendNewDisclosureLink } from "~/models/cme/disclosures.server";
import { refuse } from "~/models/refusal";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalMessage, refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { dayKeyOf, formatDay, formatMoment, formatTimeRange } from "~/utils/time";

export const meta = consoleMeta("Disclosures");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const zone = meeting.timeZone;
  const board = await listDisclosureBoard(meeting.id);
  const moment = (value: Date | null | undefined) => (value ? formatMoment(value, zone) : null);
  return {
    slug: meeting.slug,
    counts: board.counts,
    notAsked: board.people.filter((person) => !person.disclosure?.requestedAt).length,
    people: board.people.map((person) => ({
      key: person.key,
      id: person.disclosure?.id ?? null,
      role: person.role,
      name: person.name,
      email: person.email,
      speakerSlug: person.speakerSlug,
      state: person.state,
      stateLabel: STATE_LABELS[person.state],
      sessions: person.sessions.map((session) => ({
        slug: session.slug,
        title: session.title,
        when: `${formatDay(dayKeyOf(session.startsAt, zone), "short")}, ${formatTimeRange(session.startsAt, session.endsAt, zone)}`,
      })),
      requestedAt: moment(person.disclosure?.requestedAt),
      linkExpires: moment(person.disclosure?.tokenExpiresAt),
      reminders: person.disclosure?.reminders ?? 0,
      submittedAt: moment(person.disclosure?.submittedAt),
      noRelationships: person.disclosure?.noRelationships ?? false,
      relationships: (person.disclosure?.relationships ?? []).map((row) => ({
        id: row.id,
        company: row.company,
        nature: NATURE_LABELS[row.nature],
        ongoing: row.ongoing,
        relevant: row.relevant,
        mitigation: row.mitigation ?? "",
        reviewed: row.reviewedAt ? `${row.reviewedBy?.name ?? "An organizer"}, ${formatMoment(row.reviewedAt, zone)}` : null,
      })),
      versions: person.versions.map((version) => ({
        id: version.id,
        kind: version.kind,
        at: formatMoment(version.at, zone),
        by: version.byUser?.name ?? (version.kind === "submitted" ? person.name : "An organizer"),
        summary: version.snapshot.noRelationships
          ? "No financial relationships with ineligible companies"
          : version.snapshot.relationships
              .map((row) => `${row.company} (${NATURE_LABELS[row.nature as keyof typeof NATURE_LABELS] ?? row.nature}, ${row.ongoing ? "ongoing" : "ended"}${row.relevant === null ? "" : row.relevant ? `; relevant${row.mitigation ? `, mitigated: ${row.mitigation}` : ", not mitigated"}` : "; not relevant"})`)
              .join("; "),
      })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "request-all") {
    const result = await requestDisclosures(meeting, user);
    const missing = result.withoutEmail.length ? ` No e-mail address for ${result.withoutEmail.join(", ")}: add it on their speaker page, then send again.` : "";
    return { ok: true as const, message: `${result.asked ? `Asked ${counted(result.asked, "person", "people")} to disclose.` : "Everyone with an e-mail address has been asked already."}${missing}`, field: null };
  }
  if (intent === "new-link") {
    const result = await sendNewDisclosureLink(meeting, user, String(formData.get("disclosureId") ?? ""));
    if (!result.ok) return refusalMessage(result);
    return { ok: true as const, message: `A new link went to ${result.name}; the old one no longer works.`, field: null };
  }
  if (intent === "review") {
    const parsed = ReviewFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return refusalMessage(refuse("INVALID", parsed.error.issues[0]?.message ?? "Say whether the relationship is relevant."));
    const result = await reviewRelationship(meeting.id, user, parsed.data);
    if (!result.ok) return refusalMessage(result);
    return { ok: true as const, message: `Review of ${result.name}'s relationship saved.`, field: null };
  }
  const submission = parseWithZod(formData, { schema: PlannerFormSchema });
  if (submission.status !== "success") return data({ form: submission.reply() }, { status: 400 });
  const result = await addPlanner(meeting, user, submission.value);
  if (!result.ok) return data({ form: refusalReply(result, submission) }, { status: refusalStatus(result) });
  return { form: submission.reply({ resetForm: true }), ok: true as const, message: `${submission.value.name} was added as a planner and asked to disclose.`, field: null };
}

export default function DisclosureBoard() {
  const { slug, counts, notAsked, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Several forms post here: each button shows its own submission only.
  const navigation = useNavigation();
  const pending = (intent: string) => navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const [form, fields] = useSchemaForm(PlannerFormSchema, { id: "planner", lastResult: actionData && "form" in actionData ? actionData.form : undefined, shouldRevalidate: "onBlur" });
  const message = actionData && "message" in actionData ? actionData : null;
  return (
    <ConsolePage
      title="Faculty disclosures"
      intro="Everyone who controls the content of accredited education discloses all financial relationships with ineligible companies in the past 24 months. Decide which are relevant and record how each relevant one was mitigated, before the session."
      actions={
        <a href={href.organize.disclosuresCsv(slug)} className={secondaryLinkClass} download>
          Download CSV
        </a>
      }
    >
      <CmePages meeting={slug} />
      <div className="max-w-4xl space-y-6">
        <OutcomeBanner outcome={message} />
        <FigureCards
          figures={[
            ["Must disclose", counts.people],
            ["Disclosed", counts.disclosed],
            ["Not disclosed", counts.missing],
            ["To review", counts.unreviewed],
            ["Relevant", counts.relevant],
            ["Not mitigated", counts.unmitigated],
          ]}
        />
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <SubmitButton pending={pending("request-all")} pendingLabel="Sending…" name="intent" value="request-all" disabled={notAsked === 0}>
            Send requests to everyone not yet asked ({notAsked})
          </SubmitButton>
          <p className="text-sm text-slate-600">Unanswered people are reminded every 3 days, at most 3 times, until their session starts.</p>
        </Form>
        <Section title={`People (${people.length})`} id="disclosure-people">
          {people.length ? (
            <ul className="space-y-3">
              {people.map((person) => (
                <DisclosurePerson key={person.key} slug={slug} person={person} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">Nobody yet: mark sessions as accredited for CME, publish, and their speakers, moderators and panelists appear here.</p>
          )}
        </Section>
        <Section title="Add a planner" id="add-planner" description="Planners (the program committee) control content at the meeting level; they are asked at once.">
          <CardForm form={form} intent="add-planner">
            <div className="grid gap-4 sm:grid-cols-2">
              <Field meta={fields.name} label="Name" autoComplete="off" />
              <Field meta={fields.email} label="E-mail" type="email" autoComplete="off" inputMode="email" autoCapitalize="none" spellCheck={false} />
            </div>
            <SubmitButton pending={pending("add-planner")} pendingLabel="Adding…" variant="secondary">
              Add planner and ask
            </SubmitButton>
          </CardForm>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
