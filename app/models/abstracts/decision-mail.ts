// The e-mail that tells the authors the committee's decision: one text per
// decision, rendered the same for the chairs' preview and for the batch that
// is sent, so what they read is what the authors get. The reviewers' comments
// for the authors are passed on without the reviewers' names (review is blind
// both ways). Pure: links come in already absolute.
import type { AbstractDecision } from "~/generated/prisma/enums";
import { formatDate, formatMoment, formatTimeRange, zoneAbbreviation } from "~/utils/time";

export type DecisionMailInput = {
  meeting: { name: string; timeZone: string };
  abstract: { number: number; title: string; decision: AbstractDecision; decisionReason: string | null };
  /** The submitter's name, to greet. */
  greet: string;
  /** Where an oral is placed in the draft; null when not placed (sent anyway). */
  placement: { sessionTitle: string; startsAt: string; endsAt: string } | null;
  commentsToAuthors: string[];
  confirmBy: Date | null;
  confirmUrl: string;
  posterUrl: string;
};

const ACCEPTED_AS: Record<Exclude<AbstractDecision, "REJECT">, string> = { ORAL: "an oral presentation", POSTER: "a poster", EPOSTER: "an e-poster" };

function whenAndWhere(input: DecisionMailInput): string[] {
  const { placement, meeting } = input;
  if (!placement) return ["The session, day and time of your talk will follow in a separate message."];
  const start = new Date(placement.startsAt);
  return [
    `Session: ${placement.sessionTitle}`,
    `Day: ${formatDate(start, meeting.timeZone)}`,
    `Your talk: ${formatTimeRange(start, new Date(placement.endsAt), meeting.timeZone)} ${zoneAbbreviation(meeting.timeZone, start)}`,
  ];
}

function confirmation(input: DecisionMailInput): string[] {
  const deadline = input.confirmBy ? ` by ${formatMoment(input.confirmBy, input.meeting.timeZone)}` : "";
  return [`Please confirm that the presenting author will present${deadline}, or tell us if they cannot:`, input.confirmUrl];
}

function comments(input: DecisionMailInput): string[] {
  const given = input.commentsToAuthors.map((comment) => comment.trim()).filter(Boolean);
  if (!given.length) return [];
  return ["", "The reviewers' comments for the authors:", ...given.flatMap((comment, index) => ["", `Reviewer ${index + 1}:`, comment])];
}

export function decisionMail(input: DecisionMailInput): { subject: string; text: string } {
  const { meeting, abstract } = input;
  const cited = `abstract ${abstract.number}, “${abstract.title}”`;
  if (abstract.decision === "REJECT") {
    return {
      subject: `${meeting.name}: the decision on abstract ${abstract.number}`,
      text: [
        `Dear ${input.greet},`,
        "",
        `Thank you for submitting ${cited} to ${meeting.name}. We regret that the committee could not accept it.`,
        "",
        `The committee's reason: ${abstract.decisionReason ?? ""}`,
        ...comments(input),
      ].join("\n"),
    };
  }
  const body =
    abstract.decision === "ORAL"
      ? whenAndWhere(input)
      : ["Upload your poster file, and see its board and presenting hours, here:", input.posterUrl];
  return {
    subject: `${meeting.name}: abstract ${abstract.number} accepted as ${ACCEPTED_AS[abstract.decision]}`,
    text: [
      `Dear ${input.greet},`,
      "",
      `We are pleased to tell you that ${cited} has been accepted as ${ACCEPTED_AS[abstract.decision]} at ${meeting.name}.`,
      "",
      ...body,
      "",
      ...confirmation(input),
      ...comments(input),
    ].join("\n"),
  };
}
