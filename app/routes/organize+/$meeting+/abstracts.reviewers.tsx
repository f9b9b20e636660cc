// The call's reviewers, for the chairs: invite by e-mail with a name, an
// institution and topics; the list with accepted or pending, topics, load and
// reviews done; edit institution and topics; resend a pending invitation.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage, ItemList, OutcomeBanner, RowButton, Section } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { ErrorList, PlainInput, SubmitButton } from "~/components/forms";
import { EditReviewerSchema, InviteReviewerSchema } from "~/models/abstracts/review-form";
import { inviteReviewer, listReviewers, resendReviewerInvitation, updateReviewer } from "~/models/abstracts/reviewers.server";
import { requireAbstractCall, requireOrganizer } from "~/server/organizer.server";
import { outcomeMessage, refusalMessage } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";

export const meta = consoleMeta("Reviewers");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const list = requireAbstractCall(await listReviewers(meeting.id));
  return { meeting: { slug: meeting.slug }, ...list };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "resend") {
    return outcomeMessage(await resendReviewerInvitation(meeting, user, String(formData.get("reviewerId") ?? "")), "A new invitation is on its way; the old link no longer works.");
  }
  const submission = parseWithZod(formData, { schema: intent === "edit" ? EditReviewerSchema : InviteReviewerSchema });
  if (submission.status !== "success") {
    const [field, messages] = Object.entries(submission.error ?? {}).find(([, list]) => list?.length) ?? ["", ["Check the form."]];
    return refusalMessage({ ok: false, code: "INVALID", message: messages?.[0] ?? "Check the form.", field });
  }
  const value = submission.value;
  if (value.intent === "edit") {
    return outcomeMessage(await updateReviewer(meeting, user, value.reviewerId, value), "Reviewer updated. The next plan uses the new topics and institution.");
  }
  return outcomeMessage(await inviteReviewer(meeting, user, value), `${value.name} is invited: an e-mail with the link is on its way.`);
}

type Topic = { id: string; name: string };

function TopicBoxes({ topics, chosen, idPrefix }: { topics: Topic[]; chosen: string[]; idPrefix: string }) {
  return (
    <fieldset>
      <legend className="font-medium text-slate-900">Topics</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {topics.map((topic) => (
          <label key={topic.id} htmlFor={`${idPrefix}-${topic.id}`} className="flex items-center gap-2 text-slate-800">
            <input id={`${idPrefix}-${topic.id}`} type="checkbox" name="topicIds" value={topic.id} defaultChecked={chosen.includes(topic.id)} className="h-4 w-4 accent-brand-700" />
            {topic.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default function Reviewers() {
  const { meeting, topics, reviewers } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const names = new Map(topics.map((topic) => [topic.id, topic.name]));
  const fieldError = (field: string) => (outcome && !outcome.ok && outcome.field === field ? [outcome.message] : null);
  return (
    <ConsolePage
      title="Reviewers"
      intro="Reviewers see abstracts of their topics, blind. Their institution keeps them off abstracts from their own institution."
      up={{ to: href.organize.abstracts(meeting.slug), label: "Back to the board" }}
    >
      <OutcomeBanner outcome={outcome} />
      <Section title="Invite a reviewer" id="invite">
        <Form method="post" className="max-w-xl space-y-3">
          {(
            [
              ["name", "Name", "text"],
              ["email", "E-mail", "email"],
              ["institution", "Institution", "text"],
            ] as const
          ).map(([name, label, type]) => (
            <PlainInput key={name} id={`invite-${name}`} name={name} type={type} label={label} required errors={fieldError(name)} />
          ))}
          <TopicBoxes topics={topics} chosen={[]} idPrefix="invite" />
          <ErrorList errors={fieldError("topicIds")} />
          <SubmitButton name="intent" value="invite" pendingLabel="Inviting…">
            Send the invitation
          </SubmitButton>
        </Form>
      </Section>
      <Section title="Reviewers" id="list" description={`${reviewers.length} in all, ${reviewers.filter((reviewer) => reviewer.acceptedAt).length} accepted.`}>
        <ItemList empty="No reviewers yet.">
            {reviewers.map((reviewer) => (
              <li key={reviewer.id} className="space-y-2 p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="min-w-0 font-semibold text-slate-900">
                    {reviewer.name} <span className="font-normal break-all text-slate-600">· {reviewer.email}</span>
                  </p>
                  {reviewer.acceptedAt ? <Badge tone="emerald">Accepted</Badge> : <Badge tone="amber">Pending</Badge>}
                </div>
                <p className="text-sm text-slate-700">
                  {reviewer.institution} · {reviewer.topicIds.map((id) => names.get(id)).join(", ") || "no topics"} · {reviewer.done} of {reviewer.load} reviewed
                </p>
                <div className="flex flex-wrap items-start gap-3">
                  <details className="min-w-0 flex-1">
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit institution and topics</summary>
                    <Form method="post" className="mt-2 max-w-xl space-y-3">
                      <input type="hidden" name="reviewerId" value={reviewer.id} />
                      <PlainInput id={`institution-${reviewer.id}`} name="institution" label="Institution" defaultValue={reviewer.institution} required />
                      <TopicBoxes topics={topics} chosen={reviewer.topicIds} idPrefix={reviewer.id} />
                      <SubmitButton name="intent" value="edit" variant="secondary" pendingLabel="Saving…">
                        Save
                      </SubmitButton>
                    </Form>
                  </details>
                  {reviewer.acceptedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="reviewerId" value={reviewer.id} />
                      <RowButton name="intent" value="resend" aria-label={`Resend the invitation to ${reviewer.name}`}>
                        Resend
                      </RowButton>
                    </Form>
                  )}
                </div>
              </li>
            ))}
        </ItemList>
      </Section>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
