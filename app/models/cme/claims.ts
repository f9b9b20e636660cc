// What a learner may claim, from their evidence: per accredited session the
// smaller of its designated credit and the minutes attended, in whole quarter
// hours (rounded down, so a claim never exceeds the evidence); minutes spent in
// two overlapping sessions earn credit once (AMA: simultaneous sessions count
// once), given to the session that started first; and the total no more than
// the meeting's designated maximum. Self-reported sessions (no evidence, where
// the meeting allows them) count the whole session as attended, but only the
// time no session with evidence holds: recorded attendance comes first.
//
// Also the claim form's rules, shared by the browser and the server: who the
// certificate names, the physician's or the participant's credit, and the
// learner details ACCME's PARS asks for, collected only with consent.
import { z } from "zod";
import { MINUTES_PER_QUARTER, mergeSpans, parseCredits, spanMinutes, spansWithin, type Interval, type Span } from "./credit";

export type ClaimSession = {
  slug: string;
  startsAt: Date;
  endsAt: Date;
  designatedQuarters: number;
  /** The person's time in the session: live-page intervals and time in the room, overlapping or not. */
  evidence: Interval[];
  /** Claimed without evidence: its minutes come after every session with evidence has taken its own. */
  selfReported?: boolean;
};

export type ClaimableSession = { slug: string; minutes: number; quarters: number };
export type Claimable = { sessions: ClaimableSession[]; totalQuarters: number; capped: boolean };

/** `spans` with every moment of `taken` removed. Both merged. */
function without(spans: Span[], taken: Span[]): Span[] {
  const left: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    for (const cut of taken) {
      if (cut.end <= start || cut.start >= span.end) continue;
      if (cut.start > start) left.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
    }
    if (start < span.end) left.push({ start, end: span.end });
  }
  return left;
}

export function claimableCredit(sessions: ClaimSession[], maxQuarters: number): Claimable {
  let taken: Span[] = [];
  const result: ClaimableSession[] = [];
  const byStart = (a: ClaimSession, b: ClaimSession) => a.startsAt.getTime() - b.startsAt.getTime() || a.slug.localeCompare(b.slug);
  const ordered = [...sessions].sort((a, b) => Number(a.selfReported ?? false) - Number(b.selfReported ?? false) || byStart(a, b));
  for (const session of ordered) {
    const inside = mergeSpans(spansWithin(session.evidence, { start: session.startsAt, end: session.endsAt }));
    const own = without(inside, taken);
    const minutes = spanMinutes(own);
    result.push({ slug: session.slug, minutes, quarters: Math.min(session.designatedQuarters, Math.floor(minutes / MINUTES_PER_QUARTER)) });
    taken = mergeSpans([...taken, ...own]);
  }
  const total = result.reduce((sum, session) => sum + session.quarters, 0);
  const position = new Map([...sessions].sort(byStart).map((session, index) => [session.slug, index]));
  result.sort((a, b) => position.get(a.slug)! - position.get(b.slug)!);
  return { sessions: result, totalQuarters: Math.min(total, maxQuarters), capped: total > maxQuarters };
}

/** ACCME's words for the learner's attestation, as the claim form shows them. */
export const ATTESTATION = "I claim only the credit commensurate with the extent of my participation in the activity.";

export const CREDIT_TYPE_CHOICES = {
  AMA_PRA: { label: "Physician (MD, DO or equivalent)", credit: "AMA PRA Category 1 Credit™" },
  PARTICIPATION: { label: "Other health professional", credit: "Certificate of participation" },
} as const;
export type ClaimCreditType = keyof typeof CREDIT_TYPE_CHOICES;

/** The credit types a meeting offers, in the order the form lists them. */
export function offeredCreditTypes(designation: { offersAmaPra: boolean; offersParticipation: boolean }): ClaimCreditType[] {
  return (["AMA_PRA", "PARTICIPATION"] as const).filter((type) => (type === "AMA_PRA" ? designation.offersAmaPra : designation.offersParticipation));
}

// Degrees that make a physician for AMA PRA credit: MD, DO, and the equivalents abroad.
const PHYSICIAN_DEGREE = /^(M\.?D|D\.?O|M\.?B\.?B\.?S|M\.?B\.?Ch\.?B|M\.?B|MBBCh|Dr\.?\s?med)\.?$/i;

/** The credit type to offer first: a physician's degree suggests AMA PRA, anything else participation (the learner decides). */
export function suggestedCreditType(degree: string, offered: ClaimCreditType[]): ClaimCreditType | undefined {
  // Nothing known yet: the learner chooses, unless there is only one choice.
  if (!degree.trim()) return offered.length === 1 ? offered[0] : undefined;
  const physician = degree.split(/[,/\s]+/).some((part) => PHYSICIAN_DEGREE.test(part.trim()));
  return offered.includes(physician ? "AMA_PRA" : "PARTICIPATION") ? (physician ? "AMA_PRA" : "PARTICIPATION") : offered[0];
}

/** An account's one name field split for the certificate: the last word is the last name ("Sam Patel" → Sam, Patel). */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstName: words[0] ?? "", lastName: "" };
  return { firstName: words.slice(0, -1).join(" "), lastName: words.at(-1)! };
}

/**
 * Whether a National Provider Identifier is well formed: ten digits, the last
 * a Luhn check digit over "80840" (the NPI's issuer prefix) and the first nine,
 * as CMS specifies; a typo in one digit or two swapped fails it.
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const payload = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  for (let index = 0; index < payload.length; index++) {
    // From the right, every other digit (starting with the rightmost) is doubled: the check digit will sit after it.
    let digit = Number(payload[payload.length - 1 - index]);
    if (index % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

/** The US states, DC and territories whose medical boards license physicians, by their postal codes. */
export const LICENSE_STATES = [
  "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS",
  "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY",
] as const; // prettier-ignore

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

// Days per month in a leap year: a birthday can be 29 February.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const text = (missing: string, most: number) => z.string({ error: missing }).trim().min(1, missing).max(most, `At most ${most} characters`);
const optionalText = (most: number) => z.string().trim().max(most, `At most ${most} characters`).optional();

/** One session row of the claim form: its slug, the credit claimed ("1.25"), and for a self-reported session whether it is claimed at all. */
const claimedSessionSchema = z.object({
  slug: z.string().trim().min(1).max(200),
  credit: z.string().trim().max(10, "Enter the credit as a number, such as 1.25.").optional(),
  claim: z.boolean().optional(),
});

/**
 * The claim form, for a meeting offering `offered` credit types. The session
 * rows are only checked as numbers here; whether the evidence supports them
 * is the server's to say. PARS fields are checked only with consent (and
 * dropped without it when the claim is stored).
 */
export function claimFormSchema(offered: ClaimCreditType[]) {
  return z
    .object({
      creditType: z.enum(["AMA_PRA", "PARTICIPATION"], { error: "Say whether you claim as a physician or as another health professional." }),
      firstName: text("Enter your first name as it should appear on the certificate.", 100),
      lastName: text("Enter your last name as it should appear on the certificate.", 100),
      degree: text("Enter your degree, such as MD, DO, PhD or RN.", 40),
      sessions: z.array(claimedSessionSchema).max(500).default([]),
      parsConsent: z.boolean().optional(),
      birthMonth: optionalText(2),
      birthDay: optionalText(2),
      npi: optionalText(20),
      licenseState: optionalText(2),
      licenseNumber: optionalText(30),
      certifyingBoard: optionalText(20),
      boardId: optionalText(30),
      attest: z.boolean().optional(),
    })
    .superRefine(
      (value, context) => {
        // Runs even when a field above is missing (so every problem shows at once): nothing in `value` is trusted to have its type.
        const problem = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path, message });
        const creditType = CREDIT_TYPE_CHOICES[value.creditType] ? value.creditType : null;
        if (creditType && !offered.includes(creditType)) problem(["creditType"], `This meeting does not offer ${CREDIT_TYPE_CHOICES[creditType].credit}.`);
        (Array.isArray(value.sessions) ? value.sessions : []).forEach((session, index) => {
          if (typeof session?.credit !== "string" || !session.credit) return;
          const parsed = parseCredits(session.credit);
          if ("error" in parsed) problem(["sessions", index, "credit"], parsed.error);
        });
        if (value.attest !== true) problem(["attest"], "Tick the attestation to claim credit: it is what ACCME asks of every learner.");
        if (value.parsConsent === true) parsProblems(value, problem);
      },
      { when: (payload) => typeof payload.value === "object" && payload.value !== null },
    );
}

type ParsFields = { birthMonth?: string; birthDay?: string; npi?: string; licenseState?: string; licenseNumber?: string; certifyingBoard?: string; boardId?: string };

/** What PARS needs to match a learner: month and day of birth, and an NPI, a state licence or a board ID. */
function parsProblems(fields: ParsFields, problem: (path: string[], message: string) => void) {
  const value = Object.fromEntries(Object.entries(fields).map(([name, text]) => [name, typeof text === "string" ? text : undefined])) as ParsFields;
  const month = Number(value.birthMonth);
  const day = Number(value.birthDay);
  if (!Number.isInteger(month) || month < 1 || month > 12) problem(["birthMonth"], "Choose the month you were born in.");
  else if (!Number.isInteger(day) || day < 1 || day > DAYS_IN_MONTH[month - 1]!) problem(["birthDay"], `Enter the day you were born, 1 to ${DAYS_IN_MONTH[month - 1]}.`);
  if (value.npi && !/^\d{10}$/.test(value.npi)) problem(["npi"], "An NPI is 10 digits.");
  else if (value.npi && !isValidNpi(value.npi)) problem(["npi"], "That is not a valid NPI: check the digits (the last one is a check digit).");
  if (value.licenseState && !(LICENSE_STATES as readonly string[]).includes(value.licenseState.toUpperCase())) problem(["licenseState"], "Choose the state that issued your licence.");
  if (value.licenseState && !value.licenseNumber) problem(["licenseNumber"], "Enter your licence number, or clear the state.");
  if (value.licenseNumber && !value.licenseState) problem(["licenseState"], "Choose the state that issued this licence.");
  if (value.certifyingBoard && !value.boardId) problem(["boardId"], "Enter your board ID, or clear the board.");
  if (value.boardId && !value.certifyingBoard) problem(["certifyingBoard"], "Enter the board that gave this ID, such as ABR.");
  if (!value.npi && !value.licenseNumber && !value.boardId) problem(["npi"], "To report to PARS, give your NPI, a state licence or a board ID, so ACCME can match your record.");
}

export type ClaimForm = z.output<ReturnType<typeof claimFormSchema>>;

/** The PARS details to store: every one with consent (normalized), none without. */
export function parsDetails(form: ClaimForm) {
  const consent = form.parsConsent ?? false;
  const kept = (value: string | undefined) => (consent && value ? value : null);
  return {
    parsConsent: consent,
    birthMonth: consent ? Number(form.birthMonth) : null,
    birthDay: consent ? Number(form.birthDay) : null,
    npi: kept(form.npi),
    licenseState: kept(form.licenseState?.toUpperCase()),
    licenseNumber: kept(form.licenseNumber),
    certifyingBoard: kept(form.certifyingBoard?.toUpperCase()),
    boardId: kept(form.boardId),
  };
}
