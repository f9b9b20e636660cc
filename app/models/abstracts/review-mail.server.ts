// The mail that tells a reviewer they have abstracts to review. Blind by
// construction: it takes a count and the meeting, never an abstract, so no
// author's name or institution can reach it.
import { type Prisma } from "~/generated/prisma/client";
import { absoluteUrl } from "~/utils/href.server";
import { href } from "~/utils/href";
import { queueMail } from "~/utils/mail.server";

export async function queueAssignmentMail(tx: Prisma.TransactionClient, meeting: { id: string; slug: string; name: string }, reviewer: { name: string; email: string }, added: number) {
  const what = added === 1 ? "a new abstract" : `${added} new abstracts`;
  await queueMail(tx, {
    kind: "review-assignment",
    meetingId: meeting.id,
    to: reviewer.email,
    subject: `You have ${what} to review for ${meeting.name}`,
    text: [
      `Dear ${reviewer.name},`,
      "",
      `The program committee of ${meeting.name} has assigned you ${what} to review.`,
      "Review is blind: you see each abstract's title, topic and text, not its authors.",
      "",
      "Your reviews:",
      absoluteUrl(href.reviews(meeting.slug)),
      "",
      "If you find you know whose work an abstract is, or have any other conflict, declare it on the abstract's page and it will leave your list.",
    ].join("\n"),
  });
}
