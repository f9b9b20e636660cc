// The author's confirmation that an abstract was submitted: its number, title
// and a link back to it. Queued in the submitting transaction (queueMail), so
// no mail goes out for a submission that rolled back.
import { type Prisma } from "~/generated/prisma/client";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { formatMoment } from "~/utils/time";

type Meeting = { id: string; slug: string; name: string; timeZone: string };

export async function queueSubmittedMail(
  tx: Prisma.TransactionClient,
  meeting: Meeting,
  to: { name: string; email: string },
  abstract: { id: string; number: number; title: string; lateBreaking: boolean },
  closesAt: Date,
) {
  await queueMail(tx, {
    kind: "abstract-submitted",
    meetingId: meeting.id,
    to: to.email,
    subject: `${meeting.name}: abstract ${abstract.number} received`,
    text: [
      `Dear ${to.name},`,
      "",
      `Thank you: your ${abstract.lateBreaking ? "late-breaking " : ""}abstract was submitted to ${meeting.name} as number ${abstract.number}:`,
      "",
      `  ${abstract.number}. ${abstract.title}`,
      "",
      `You may still edit it until ${formatMoment(closesAt, meeting.timeZone)}, or withdraw it, here:`,
      absoluteUrl(href.abstract(meeting.slug, abstract.id)),
      "",
      "We will write again once the committee has decided.",
    ].join("\n"),
  });
}
