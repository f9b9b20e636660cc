// CME for the seeded meetings: both societies are ACCME-accredited providers
// and designate their annual meetings for AMA PRA Category 1 Credit™. The
// educational sessions are accredited; socials, award ceremonies and industry or
// exhibit-hall items are not (ACCME keeps promotion out of accredited time). A
// few sessions carry their own credit (time not spent on education taken
// off), and a couple of plenaries count as ABR self-assessment CME.
import { SessionKind } from "../../app/generated/prisma/enums";
import { defaultCreditQuarters, sessionMinutes } from "../../app/models/cme/credit";
import { standardAccreditationStatement, standardDesignationStatement, suggestedMaximumQuarters } from "../../app/models/cme/designation";
import type { MeetingSeed, SessionSeed } from "./schedule";

export type SessionCredit = { cmeAccredited: boolean; creditQuarters: number | null; saCme: boolean };

const NOT_EDUCATION = /industry|exhibit|sponsored|product theater|marketing|awards?\b|gold medal/i;

/** Sessions whose credit is set by hand: the part that is not education is taken off. */
const OWN_CREDIT: Record<string, (minutes: number) => number> = {
  // The presidential address (30 of the 90 minutes) is not accredited.
  "Opening Plenary and Presidential Address": () => 4,
  // Hands-on workshops lose a quarter hour to setting up the stations.
  "Hands-on": (minutes) => defaultCreditQuarters(minutes) - 1,
  "Virtual Simulation": (minutes) => defaultCreditQuarters(minutes) - 1,
};

const SA_CME = new Set([
  "Plenary: Late-Breaking Clinical Trials",
  "Plenary: Best Scientific Abstracts",
  "Plenary: Multidisciplinary Tumor Board Live",
  "Plenary: Late-Breaking Abstracts",
]);

export function sessionCredit(session: Pick<SessionSeed, "title" | "kind" | "startsAt" | "endsAt">): SessionCredit {
  const accredited = session.kind !== SessionKind.SOCIAL && !NOT_EDUCATION.test(session.title);
  if (!accredited) return { cmeAccredited: false, creditQuarters: null, saCme: false };
  const own = Object.entries(OWN_CREDIT).find(([start]) => session.title.startsWith(start))?.[1];
  return { cmeAccredited: true, creditQuarters: own ? Math.max(1, own(sessionMinutes(session))) : null, saCme: SA_CME.has(session.title) };
}

const PROVIDERS: Record<string, { provider: string; offersSaCme: boolean; claimDeadline: string }> = {
  // Claims close about four months after each meeting.
  "sir-2023": { provider: "Society of Interventional Radiology", offersSaCme: true, claimDeadline: "2023-07-10" },
  "sio-2023": { provider: "Society of Interventional Oncology", offersSaCme: true, claimDeadline: "2023-05-31" },
};

/** The meeting's designation: the maximum is what its program supports, simultaneous sessions counted once. */
export function creditDesignation(meeting: MeetingSeed) {
  const seed = PROVIDERS[meeting.slug];
  if (!seed) return null;
  const maxCreditQuarters = suggestedMaximumQuarters(meeting.sessions.map((session) => ({ ...session, ...sessionCredit(session) })));
  return {
    provider: seed.provider,
    accreditationStatement: standardAccreditationStatement(seed.provider),
    designationStatement: standardDesignationStatement(seed.provider, maxCreditQuarters),
    offersAmaPra: true,
    offersParticipation: true,
    offersSaCme: seed.offersSaCme,
    maxCreditQuarters,
    claimDeadline: new Date(`${seed.claimDeadline}T00:00:00Z`),
  };
}
