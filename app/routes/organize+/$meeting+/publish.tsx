// Compare the draft with what attendees see, then publish it as the next
// numbered release with an optional note. Clashes need a confirmation; the
// form carries the draft version it showed, so a draft changed meanwhile is
// reviewed again rather than published unseen. Also: the releases so far, and
// discarding the draft's unpublished changes. CME disclosure warnings are
// listed before publishing but do not need the confirmation clashes need:
// disclosures often arrive after the program is out, and the session page
// shows learners what is still pending.
import { getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge, ConsolePage, ItemList, linkClass, Section, StatusBanner } from "~/components/console";
import { CardForm, SubmitButton, TextareaField, useIsPending, useSchemaForm } from "~/components/forms";
import { compareDraftWithPublished, discardDraftChanges } from "~/models/program/draft.server";
import { countFollowers, isNotifiable, listReleases, publishAgenda } from "~/models/program/publish.server";
import { PublishFormSchema } from "~/models/program/forms";
import { describeClash, findClashes } from "~/models/program/clashes";
import { describeDisclosureWarning } from "~/models/cme/disclosures";
import { disclosureWarnings } from "~/models/cme/disclosure-views.server";
import { CHANGE_LABELS, countChanges, describeChange, groupBySession, isSessionChange } from "~/models/program/changes";
import { refuse } from "~/models/refusal";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalMessage, refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { formatMoment } from "~/utils/time";
import { consoleMeta } from "~/components/console-meta";
import { counted, plural } from "~/utils/plural";

export const meta = consoleMeta("Publish");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const zone = meeting.timeZone;
  const [{ draft, changes }, releases] = await Promise.all([compareDraftWithPublished(meeting.id), listReleases(meeting.id)]);
  const warnings = await disclosureWarnings(meeting.id, draft.document);
  const notifiable = [...groupBySession(changes)].filter(([, list]) => list.some(isNotifiable)).map(([slug]) => slug);
  return {
    slug: meeting.slug,
    draftVersion: draft.version,
    changes: changes.map((change) => ({
      label: CHANGE_LABELS[change.type],
      title: isSessionChange(change) ? change.title : null,
      session: isSessionChange(change) && change.type !== "removed" ? change.session : null,
      text: describeChange(change, zone),
    })),
    counts: countChanges(changes),
    followers: await countFollowers(meeting.id, notifiable),
    clashes: findClashes(draft.document, meeting).map((clash) => describeClash(clash)),
    warnings: warnings.map(describeDisclosureWarning),
    releases: releases.map((release) => ({
      number: release.number,
      note: release.note,
      by: release.publishedByName,
      when: formatMoment(release.createdAt, zone),
      changes: release.changes.length,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  if (formData.get("intent") === "discard") {
    if (formData.get("confirmDiscard") !== "on") return refusalMessage(refuse("INVALID", "Tick the box to confirm that the unpublished changes should be thrown away."));
    const result = await discardDraftChanges(meeting.id, user);
    if (!result.ok) return refusalMessage(result);
    return redirect(href.organize.publish(meeting, { discarded: 1 }));
  }
  const submission = parseWithZod(formData, { schema: PublishFormSchema });
  if (submission.status !== "success") return data({ form: submission.reply() }, { status: 400 });
  const result = await publishAgenda(meeting.id, user, {
    note: submission.value.note,
    confirmClashes: submission.value.confirmClashes === true,
    expectedDraftVersion: submission.value.draftVersion,
  });
  // Unconfirmed clashes come back on the confirmation box (the refusal names it), anything else above the form.
  if (!result.ok) return data({ form: refusalReply(result, submission) }, { status: refusalStatus(result) });
  return redirect(href.organize.publish(meeting, { published: result.release.number, notified: result.notified }));
}

/**
 * A notice above the publish button (clashes, missing disclosures): what is
 * wrong, where to fix it, the first five, and what to confirm (`children`).
 */
function PublishNotice({ summary, fixAt, fixLabel, items, children }: { summary: string; fixAt: string; fixLabel: string; items: string[]; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">
        {summary}{" "}
        <Link to={fixAt} className="underline">
          {fixLabel}
        </Link>
      </p>
      <ul className="mt-1 list-disc pl-5">
        {items.slice(0, 5).map((item) => (
          <li key={item}>{item}</li>
        ))}
        {items.length > 5 ? <li>and {items.length - 5} more</li> : null}
      </ul>
      {children}
    </div>
  );
}

export default function Publish() {
  const { slug, draftVersion, changes, counts, followers, clashes, warnings, releases } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = useIsPending();
  const [form, fields] = useSchemaForm(PublishFormSchema, {
    id: `publish-${draftVersion}`,
    lastResult: actionData && "form" in actionData ? actionData.form : undefined,
    defaultValue: { note: "" },
  });
  const published = searchParams.get("published");
  const summary = [
    counts.added && `${counts.added} added`,
    counts.removed && `${counts.removed} removed`,
    counts.moved && `${counts.moved} moved`,
    counts.reRoomed && `${counts.reRoomed} re-roomed`,
    counts.cancelled && `${counts.cancelled} cancelled`,
    counts.speakers && `${counts.speakers} with speaker changes`,
    counts.other && `${counts.other} other changes`,
  ].filter(Boolean);

  return (
    <ConsolePage title="Publish" intro="What attendees will see change, compared with the program they see now.">
      <div className="max-w-4xl space-y-6">
        {published ? (
          <StatusBanner outcome tone="success">
            Release {published} is published.{" "}
            {Number(searchParams.get("notified")) > 0 ? `${counted(Number(searchParams.get("notified")), "schedule entry", "schedule entries")} ${plural(Number(searchParams.get("notified")), "was", "were")} touched; those people get a notice now and one e-mail shortly.` : "Nobody had a changed session in their schedule."}{" "}
            <Link to={href.changelog(slug)} className="font-semibold underline">
              See the public changelog
            </Link>
          </StatusBanner>
        ) : null}
        {searchParams.get("discarded") ? <StatusBanner outcome tone="success">The draft is back to the published program.</StatusBanner> : null}
        {actionData && "message" in actionData ? <StatusBanner key={actionData.message} outcome tone="error">{actionData.message}</StatusBanner> : null}

        <Section title={changes.length ? counted(changes.length, "unpublished change") : "No unpublished changes"} id="changes" description={summary.length ? summary.join(", ") : "The draft matches the published program. You can still publish a release with a note."}>
          {changes.length ? (
            <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
              {changes.map((change, index) => (
                <li key={index} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-4 py-2.5 text-sm">
                  <Badge tone={change.label === "Removed" || change.label === "Cancelled" ? "red" : change.label === "Added" ? "emerald" : "brand"}>{change.label}</Badge>
                  <span className="min-w-0 flex-1">
                    {change.title ? (
                      <span className="block font-semibold text-slate-900">
                        {change.session ? (
                          <Link to={href.organize.session(slug, change.session)} className="underline-offset-2 hover:underline">
                            {change.title}
                          </Link>
                        ) : (
                          change.title
                        )}
                      </span>
                    ) : null}
                    <span className="block text-slate-700">{change.text}</span>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-sm">
            <Link to={href.organize.preview(slug)} className={linkClass}>
              Preview the draft as attendees will see it
            </Link>
          </p>
        </Section>

        <Section title="Publish the next release" id="publish-form">
          <CardForm form={form} intent="publish">
            <input type="hidden" name="draftVersion" value={draftVersion} />
            <TextareaField meta={fields.note} label="Note for attendees (optional)" hint="Shown with the release in the public changelog, e.g. “Room changes for Tuesday afternoon.”" rows={3} />
            {clashes.length ? (
              <PublishNotice
                summary={`The draft has ${counted(clashes.length, "clash", "clashes")}.`}
                fixAt={href.organize.clashes(slug)}
                fixLabel="Review them"
                items={clashes}
              >
                <div className="mt-3 flex items-start gap-2">
                  <input {...getInputProps(fields.confirmClashes, { type: "checkbox" })} key={fields.confirmClashes.key} className="mt-1 h-4 w-4" />
                  <label htmlFor={fields.confirmClashes.id} className="font-medium">
                    I have looked at the clashes and want to publish anyway
                  </label>
                </div>
                {fields.confirmClashes.errors?.length ? (
                  <p id={fields.confirmClashes.errorId} className="mt-1 text-red-800">
                    {fields.confirmClashes.errors.join(" ")}
                  </p>
                ) : null}
              </PublishNotice>
            ) : null}
            {warnings.length ? (
              <PublishNotice
                summary={`Warning: ${counted(warnings.length, "accredited session")} without complete CME disclosures (this does not block publishing).`}
                fixAt={href.organize.disclosures(slug)}
                fixLabel="Open the disclosure board"
                items={warnings}
              />
            ) : null}
            <p className="text-sm text-slate-700">
              {followers ? `${counted(followers, "person has", "people have")} a changed session in their schedule and will be told.` : "Nobody has a changed session in their schedule."}
            </p>
            <SubmitButton pending={pending} pendingLabel="Publishing…">
              Publish release {releases.length ? releases[0]!.number + 1 : 1}
            </SubmitButton>
          </CardForm>
        </Section>

        <Section title="Releases" id="releases">
          <ItemList ordered empty="Nothing published from the console yet: attendees see the program as it was first set up.">
            {releases.map((release) => (
              <li key={release.number} className="px-4 py-2.5 text-sm">
                <span className="font-semibold text-slate-900">Release {release.number}</span>
                <span className="text-slate-600">
                  {" "}
                  · {release.when} · {release.by} · {counted(release.changes, "change")}
                </span>
                {release.note ? <span className="block text-slate-800">{release.note}</span> : null}
              </li>
            ))}
          </ItemList>
        </Section>

        {changes.length ? (
          <Section title="Discard unpublished changes" id="discard">
            <Form method="post" className="space-y-3 rounded-xl border border-red-200 bg-white p-4">
              <p className="text-sm text-slate-700">Throws away every change in the draft since the last publish. Attendees notice nothing.</p>
              <div className="flex items-center gap-2">
                <input id="confirm-discard" type="checkbox" name="confirmDiscard" className="h-4 w-4" />
                <label htmlFor="confirm-discard" className="text-sm font-medium text-slate-800">
                  Yes, throw away {counted(changes.length, "change")}
                </label>
              </div>
              <SubmitButton pending={false} pendingLabel="Discarding…" variant="danger" name="intent" value="discard">
                Discard changes
              </SubmitButton>
            </Form>
          </Section>
        ) : null}
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
