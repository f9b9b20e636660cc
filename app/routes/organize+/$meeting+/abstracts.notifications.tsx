// Accept in bulk: what the authors would be told (per decision the count, and
// each kind's e-mail rendered for one real abstract), then "Send" queues the
// whole batch at once. Refused while an accepted oral is not placed in a
// session, unless the chair ticks "send anyway". Pressing twice sends nothing twice.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConsolePage, linkClass, Section, OutcomeBanner, StatusBanner } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { SubmitButton, useIsPending } from "~/components/forms";
import { DECISION_LABEL } from "~/models/abstracts/decision-labels";
import { notificationPreview, sendNotifications } from "~/models/abstracts/notifications.server";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalMessage } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";

export const meta = consoleMeta("Notifications");

const sendSchema = z.object({ intent: z.literal("send"), sendAnyway: z.literal("on").optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  return { meeting: { slug: meeting.slug }, ...(await notificationPreview(meeting)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const submission = parseWithZod(await readFormData(request), { schema: sendSchema });
  if (submission.status !== "success") return data({ ok: false as const, message: "This form could not be read. Reload the page and try again.", field: null }, { status: 400 });
  const result = await sendNotifications(meeting, user, { sendAnyway: submission.value.sendAnyway === "on" });
  if (!result.ok) return refusalMessage(result);
  return {
    ok: true as const,
    message: `Queued ${result.mails} e-mail${result.mails === 1 ? "" : "s"} telling the authors of ${result.abstracts} abstract${result.abstracts === 1 ? "" : "s"}. These decisions are now final.`,
    field: null,
  };
}

export default function Notifications() {
  const { meeting, kinds, total, unplaced, alreadyNotified } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const pending = useIsPending();
  return (
    <ConsolePage
      title="Notifications"
      intro={
        <>
          The authors of every decided abstract not yet told get one e-mail each (the submitter and the presenting author). Decide on{" "}
          <Link to={href.organize.abstractDecisions(meeting.slug)} className={linkClass}>
            Decisions
          </Link>
          .
        </>
      }
    >
      <div className="max-w-3xl space-y-6">
        <OutcomeBanner outcome={outcome} />
        <Section title="What would be sent" id="summary" description={alreadyNotified ? `${alreadyNotified} abstract${alreadyNotified === 1 ? " was" : "s were"} told before and will not be told again.` : undefined}>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {kinds.map((kind) => (
              <li key={kind.decision} className="rounded-lg border border-slate-200 bg-white p-3">
                <span className="block text-sm text-slate-600">{DECISION_LABEL[kind.decision]}</span>
                <span className="text-2xl font-semibold text-slate-900 tabular-nums">{kind.count}</span>
              </li>
            ))}
          </ul>
        </Section>
        {kinds
          .filter((kind) => kind.preview)
          .map((kind) => (
            <Section key={kind.decision} title={`${DECISION_LABEL[kind.decision]}: the e-mail`} id={`preview-${kind.decision.toLowerCase()}`} description={`As abstract ${kind.preview!.number}'s authors would get it.`}>
              <article className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-semibold text-slate-900">{kind.preview!.subject}</h3>
                <pre className="mt-2 font-sans text-sm break-words whitespace-pre-wrap text-slate-800">{kind.preview!.text}</pre>
              </article>
            </Section>
          ))}
        <Section title="Send" id="send">
          {total ? (
            <Form method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
              <input type="hidden" name="intent" value="send" />
              {unplaced.length ? (
                <>
                  <StatusBanner tone="warning">
                    Accepted as oral but not placed in a session: {unplaced.map((number) => `abstract ${number}`).join(", ")}. Their authors would be told that the time will follow.
                  </StatusBanner>
                  <label className="flex items-start gap-2 text-sm text-slate-800">
                    <input type="checkbox" name="sendAnyway" className="mt-1" />
                    Send anyway
                  </label>
                </>
              ) : null}
              <SubmitButton pending={pending} pendingLabel="Sending…">
                Send {total} notification{total === 1 ? "" : "s"}
              </SubmitButton>
            </Form>
          ) : (
            <p className="text-sm text-slate-600">Nothing to send: every decided abstract&apos;s authors have been told.</p>
          )}
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
