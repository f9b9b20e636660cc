// The meeting's outgoing mail: messages that failed for good after more than a
// day of retries (with the server's last answer and "Send again"), and
// messages still waiting for a retry. Delivered mail is only counted.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge, ConsolePage, ItemList, RowButton, Section, OutcomeBanner } from "~/components/console";
import { countMeetingMail, listMeetingMail, sendMailAgain } from "~/models/meetings/outgoing-mail.server";
import { readFormData } from "~/utils/form-data.server";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalMessage } from "~/server/refusal.server";
import { formatMoment } from "~/utils/time";
import { consoleMeta } from "~/components/console-meta";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("Outgoing mail");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const [counts, failed, queued] = await Promise.all([
    countMeetingMail(meeting.id),
    listMeetingMail(meeting.id, "FAILED"),
    listMeetingMail(meeting.id, "QUEUED"),
  ]);
  const zone = meeting.timeZone;
  const when = (at: Date) => formatMoment(at, zone);
  const view = (mail: (typeof failed)[number]) => ({
    id: mail.id,
    to: mail.to,
    subject: mail.subject,
    kind: mail.kind,
    attempts: mail.attempts,
    lastError: mail.lastError,
    queuedAt: when(mail.createdAt),
    failedAt: mail.failedAt ? when(mail.failedAt) : null,
  });
  return { counts, failed: failed.map(view), queued: queued.map(view) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const result = await sendMailAgain(meeting.id, String(formData.get("mailId") ?? "").slice(0, 64), user);
  if (!result.ok) return refusalMessage(result);
  return { ok: true as const, message: `Queued again for ${result.to}; it goes out within a minute if the mail server takes it.`, field: null };
}

const attemptsText = (n: number) => counted(n, "attempt");

/** A message's subject, recipient, when, and the mail server's last answer (if any). */
function MessageLines({ mail, badge, when, answer }: { mail: { subject: string; to: string; lastError: string | null }; badge?: ReactNode; when: string; answer: ReactNode }) {
  return (
    <div className="min-w-0 flex-1">
      <p className="font-semibold break-words text-slate-900">
        {mail.subject} {badge}
      </p>
      <p className="break-words text-slate-700">To {mail.to}</p>
      <p className="mt-0.5 text-slate-600">{when}</p>
      {mail.lastError ? <p className="mt-1 font-mono text-xs break-words">{answer}</p> : null}
    </div>
  );
}

export default function OutgoingMailPage() {
  const { counts, failed, queued } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" ? navigation.formData?.get("mailId") : null;
  return (
    <ConsolePage
      title="Outgoing mail"
      intro="Receipts, confirmations, invitations and program changes go out through a queue that retries for more than a day while the mail server is unreachable. Messages that still did not go out are listed here."
    >
      <div className="max-w-4xl space-y-6">
        <OutcomeBanner outcome={actionData} />
        <p className="text-sm text-slate-700">
          {counts.SENT} delivered · {counts.QUEUED} waiting · {counts.FAILED} failed
        </p>
        <Section title="Failed" id="failed" description="Every retry failed. Fix the cause (the address, the mail server), then send the message again.">
          <ItemList empty="No failed messages.">
            {failed.map((mail) => (
              <li key={mail.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm">
                <MessageLines
                  mail={mail}
                  when={`Queued ${mail.queuedAt} · gave up ${mail.failedAt} after ${attemptsText(mail.attempts)}`}
                  answer={<span className="text-red-800">{mail.lastError}</span>}
                />
                <Form method="post">
                  <input type="hidden" name="mailId" value={mail.id} />
                  <RowButton aria-label={`Send “${mail.subject}” to ${mail.to} again`} disabled={sending === mail.id}>
                    {sending === mail.id ? "Queueing…" : "Send again"}
                  </RowButton>
                </Form>
              </li>
            ))}
          </ItemList>
        </Section>
        <Section title="Waiting" id="waiting" description="Not sent yet: new, or waiting for the next retry.">
          <ItemList empty="Nothing waiting.">
            {queued.map((mail) => (
              <li key={mail.id} className="px-4 py-3 text-sm">
                <MessageLines
                  mail={mail}
                  badge={mail.attempts ? <Badge tone="amber">{attemptsText(mail.attempts)}</Badge> : null}
                  when={`Queued ${mail.queuedAt}`}
                  answer={<span className="text-amber-900">Last answer: {mail.lastError}</span>}
                />
              </li>
            ))}
          </ItemList>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
