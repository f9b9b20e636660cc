// A meeting's CME credit designation, the pure part: ACCME's and the AMA's
// standard statements filled in from the provider and the maximum, the form's
// schema, the checks on a session's own credit, and the maximum the program
// supports. Pure, so the console's form validates with it in the browser too.
import { z } from "zod";
import { isDayKey } from "~/utils/time";
import { defaultCreditQuarters, designatedQuarters, formatCredits, parseCredits, sessionMinutes } from "./credit";

/** The AMA's trademark, exactly as the AMA asks for it to be written. */
export const AMA_PRA_CREDIT = "AMA PRA Category 1 Credit™";

/** The credit types a meeting can offer, as the console and the attendees' pages name them. */
export const CREDIT_TYPE_LABELS = {
  offersAmaPra: `${AMA_PRA_CREDIT}, for physicians`,
  offersParticipation: "Certificate of participation, for everyone else",
  offersSaCme: "ABR self-assessment CME (SA-CME), for sessions flagged SA-CME",
} as const;
export type CreditTypeField = keyof typeof CREDIT_TYPE_LABELS;

/** The most a meeting is designated for: far above any real meeting (SIR's is about 30), low enough to catch a typo. */
export const MAX_DESIGNATED_QUARTERS = 200 * 4;

// Names that begin with a common noun ("Society of …") read as "The Society of …" at the start of a sentence.
const NEEDS_ARTICLE = /^(Society|Association|College|Academy|Council|Institute|Foundation|Federation|Board|Alliance|Congress|Section)\b/;

/** The provider as the subject of a sentence: "Society of Interventional Radiology" → "The Society of Interventional Radiology". */
export function providerAsSubject(provider: string): string {
  const name = provider.trim();
  return NEEDS_ARTICLE.test(name) ? `The ${name}` : name;
}

/** ACCME's accreditation statement, word for word. */
export function standardAccreditationStatement(provider: string): string {
  return `${providerAsSubject(provider)} is accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide continuing medical education for physicians.`;
}

/** The AMA's designation statement for a live activity, word for word, with the maximum in 0.25 steps. */
export function standardDesignationStatement(provider: string, maxQuarters: number): string {
  return (
    `${providerAsSubject(provider)} designates this live activity for a maximum of ${formatCredits(maxQuarters)} AMA PRA Category 1 Credit(s)™. ` +
    "Physicians should claim only the credit commensurate with the extent of their participation in the activity."
  );
}

export type StatementInputs = { provider: string; maxCreditQuarters: number; accreditationStatement: string; designationStatement: string };

/**
 * The statements to store. A statement still in the standard wording for the
 * previous provider and maximum follows a change of either (the organizer
 * never edited it, so it should not go stale); an edited one is kept as typed.
 */
export function statementsFollowing(previous: Omit<StatementInputs, "accreditationStatement" | "designationStatement"> | null, next: StatementInputs) {
  const accreditationStatement =
    previous && next.accreditationStatement.trim() === standardAccreditationStatement(previous.provider) ? standardAccreditationStatement(next.provider) : next.accreditationStatement.trim();
  const designationStatement =
    previous && next.designationStatement.trim() === standardDesignationStatement(previous.provider, previous.maxCreditQuarters)
      ? standardDesignationStatement(next.provider, next.maxCreditQuarters)
      : next.designationStatement.trim();
  return { accreditationStatement, designationStatement };
}

/** "2023-07-01" after "2023-03-09": a claim deadline must fall after the meeting's last day, in its zone. */
export function deadlineProblem(deadline: string, lastDay: string): string | null {
  if (!isDayKey(deadline)) return "Enter the claim deadline as a date, such as 2023-06-30.";
  if (deadline <= lastDay) return "The claim deadline must be after the meeting's last day.";
  return null;
}

/** An identifier PARS gives (the provider's ACCME ID, an activity's ID): optional, letters and digits as PARS shows it. */
const parsIdentifier = (what: string) =>
  z
    .string()
    .trim()
    .max(20, `Enter ${what} as PARS shows it, at most 20 characters`)
    .regex(/^[A-Za-z0-9-]+$/, `Enter ${what} as PARS shows it: letters and digits only`)
    .optional();

/**
 * The designation form. `lastDay` is the meeting's last day ("YYYY-MM-DD"), so
 * a deadline on or before it is a field error in the browser and the server alike.
 */
export function creditDesignationSchema(lastDay: string) {
  return z
    .object({
      intent: z.enum(["save-designation", "use-standard-wording"]).default("save-designation"),
      provider: z.string({ error: "Enter the accredited provider" }).trim().min(1, "Enter the accredited provider").max(200, "A provider's name has at most 200 characters"),
      accreditationStatement: z.string({ error: "Enter the accreditation statement" }).trim().min(1, "Enter the accreditation statement").max(2000, "At most 2,000 characters"),
      designationStatement: z.string({ error: "Enter the designation statement" }).trim().min(1, "Enter the designation statement").max(2000, "At most 2,000 characters"),
      offersAmaPra: z.boolean().optional(),
      offersParticipation: z.boolean().optional(),
      offersSaCme: z.boolean().optional(),
      saCmePassingPercent: z
        .number({ error: "Enter the passing mark, a whole percent from 1 to 100" })
        .int("Enter the passing mark, a whole percent from 1 to 100")
        .min(1, "Enter the passing mark, a whole percent from 1 to 100")
        .max(100, "Enter the passing mark, a whole percent from 1 to 100"),
      evaluationRequired: z.boolean().optional(),
      allowSelfReported: z.boolean().optional(),
      accmeProviderId: parsIdentifier("the provider's ACCME ID"),
      parsActivityId: parsIdentifier("the activity's PARS ID"),
      maximum: z.string({ error: "Enter the maximum credit, such as 28.75" }).trim().max(10, "Enter the maximum credit, such as 28.75"),
      claimDeadline: z.string({ error: "Choose the claim deadline" }).trim(),
    })
    .superRefine((value, context) => {
      const parsed = parseCredits(value.maximum);
      if ("error" in parsed) context.addIssue({ code: "custom", path: ["maximum"], message: parsed.error });
      else if (parsed.quarters === 0) context.addIssue({ code: "custom", path: ["maximum"], message: "The maximum must be more than 0." });
      else if (parsed.quarters > MAX_DESIGNATED_QUARTERS) context.addIssue({ code: "custom", path: ["maximum"], message: `The maximum is at most ${MAX_DESIGNATED_QUARTERS / 4} credits.` });
      const deadline = deadlineProblem(value.claimDeadline, lastDay);
      if (deadline) context.addIssue({ code: "custom", path: ["claimDeadline"], message: deadline });
      if (!value.offersAmaPra && !value.offersParticipation && !value.offersSaCme) {
        context.addIssue({ code: "custom", path: ["offersAmaPra"], message: "Offer at least one credit type." });
      }
    });
}

export type CreditDesignationForm = z.infer<ReturnType<typeof creditDesignationSchema>>;

/** A session's own credit, checked against its length: null when fine, else what is wrong (the session form's field error). */
export function sessionCreditProblem(creditQuarters: number | null, minutes: number): string | null {
  if (creditQuarters === null) return null;
  if (creditQuarters < 0) return "Credit cannot be negative.";
  const most = defaultCreditQuarters(minutes);
  if (creditQuarters > most) return `A ${minutes}-minute session earns at most ${formatCredits(most)} credits; enter ${formatCredits(most)} or less, or leave it blank to follow the length.`;
  return null;
}

/** The credit field as typed in the session form ("" follows the length), checked against the session's minutes. */
export function readSessionCredit(text: string | undefined, minutes: number): { quarters: number | null } | { error: string } {
  if (!text?.trim()) return { quarters: null };
  const parsed = parseCredits(text);
  if ("error" in parsed) return parsed;
  const problem = sessionCreditProblem(parsed.quarters, minutes);
  return problem ? { error: problem } : parsed;
}

/** The first session of a program whose own credit is more than its length earns (a shorter new length can cause it), said for the organizer; null when none is. */
export function draftCreditProblem(program: { sessions: readonly { title: string; creditQuarters: number | null; startsAt: string; endsAt: string }[] }): string | null {
  for (const session of program.sessions) {
    const problem = sessionCreditProblem(session.creditQuarters, sessionMinutes(session));
    if (problem) return `“${session.title}”: ${problem}`;
  }
  return null;
}

export type CreditedSession = {
  slug: string;
  cmeAccredited: boolean;
  creditQuarters: number | null;
  startsAt: Date | string;
  endsAt: Date | string;
  status: "SCHEDULED" | "CANCELLED";
};

/**
 * The most credit one learner could earn from the program: the heaviest set
 * of accredited sessions that do not overlap (weighted interval scheduling).
 * AMA: simultaneous certified sessions count only once toward the designated
 * maximum, and one person attends one session at a time. Cancelled sessions
 * earn nothing.
 */
export function suggestedMaximumQuarters(sessions: readonly CreditedSession[]): number {
  const eligible = sessions
    .filter((session) => session.cmeAccredited && session.status !== "CANCELLED")
    .map((session) => ({ start: new Date(session.startsAt).getTime(), end: new Date(session.endsAt).getTime(), quarters: designatedQuarters(session) }))
    .filter((session) => session.end > session.start && session.quarters > 0)
    .sort((a, b) => a.end - b.end);
  // best[i]: the most credit from the first i sessions (by end time).
  const best = [0];
  for (let index = 0; index < eligible.length; index++) {
    const session = eligible[index]!;
    // The sessions that end by this one's start: binary search over the end times.
    let low = 0;
    let high = index;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (eligible[middle]!.end <= session.start) low = middle + 1;
      else high = middle;
    }
    best.push(Math.max(best[index]!, best[low]! + session.quarters));
  }
  return best[eligible.length]!;
}

/** One row of the console's table of accredited sessions. */
export function accreditedSessionRow(session: CreditedSession) {
  const minutes = sessionMinutes(session);
  return { quarters: designatedQuarters(session), minutes, followsLength: session.creditQuarters === null };
}
