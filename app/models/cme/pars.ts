// The learner-completion file for ACCME's PARS batch upload: one tab-delimited
// line per physician who claimed AMA PRA Category 1 Credit™ and agreed that
// their completion be reported. ACCME identifies a physician by first and last
// name, month and day of birth, and a state medical licence and/or certifying
// board ID (NPI optional); each line also carries the provider's ACCME ID, the
// activity's PARS ID, the completion date and the credits. The columns are
// declared once, here: the file, the console page and the README follow them.
import { formatCredits } from "./credit";

export type ParsLearner = {
  firstName: string;
  lastName: string;
  birthMonth: number | null;
  birthDay: number | null;
  npi: string | null;
  licenseState: string | null;
  licenseNumber: string | null;
  certifyingBoard: string | null;
  boardId: string | null;
  /** The day the learner completed the activity (claimed, after evaluating and attesting), "YYYY-MM-DD" in the meeting's zone. */
  completedOn: string;
  totalQuarters: number;
};

/** The two IDs that tie every line to the activity in PARS; null until the organizers enter them on the designation. */
export type ParsActivity = { providerId: string | null; activityId: string | null };

type Column = { name: string; value: (learner: ParsLearner, activity: ParsActivity) => string };

const text = (value: string | number | null) => (value === null ? "" : String(value));

/** "03/07/2023": PARS reads dates as MM/DD/YYYY. */
export function parsDate(day: string): string {
  const [year, month, date] = day.split("-");
  return `${month}/${date}/${year}`;
}

export const PARS_COLUMNS: readonly Column[] = [
  { name: "Provider ID", value: (_, activity) => text(activity.providerId) },
  { name: "Activity ID", value: (_, activity) => text(activity.activityId) },
  { name: "First name", value: (learner) => learner.firstName },
  { name: "Last name", value: (learner) => learner.lastName },
  { name: "Month of birth", value: (learner) => text(learner.birthMonth) },
  { name: "Day of birth", value: (learner) => text(learner.birthDay) },
  { name: "NPI", value: (learner) => text(learner.npi) },
  { name: "Licensing state", value: (learner) => text(learner.licenseState) },
  { name: "State medical license ID", value: (learner) => text(learner.licenseNumber) },
  { name: "Certifying board", value: (learner) => text(learner.certifyingBoard) },
  { name: "Board ID", value: (learner) => text(learner.boardId) },
  { name: "Completion date", value: (learner) => parsDate(learner.completedOn) },
  { name: "AMA PRA Category 1 Credits™", value: (learner) => formatCredits(learner.totalQuarters) },
];

/** Who goes in the file: physicians claiming AMA PRA credit who consented. Everyone else is counted, not reported. */
export function reportedToPars(claim: { creditType: "AMA_PRA" | "PARTICIPATION"; parsConsent: boolean }): boolean {
  return claim.creditType === "AMA_PRA" && claim.parsConsent;
}

/** A tab or line break inside a value would shift every later column of the line. */
const cell = (value: string) => value.replace(/[\t\r\n]+/g, " ").trim();

/**
 * The file as PARS takes it: no header line (the template's header row is
 * removed before upload), one learner per line, tab between cells, an empty
 * cell for a value not given, CRLF line ends as Excel writes them.
 */
export function parsFile(learners: readonly ParsLearner[], activity: ParsActivity): string {
  const lines = learners.map((learner) => PARS_COLUMNS.map((column) => cell(column.value(learner, activity))).join("\t"));
  return lines.map((line) => `${line}\r\n`).join("");
}
