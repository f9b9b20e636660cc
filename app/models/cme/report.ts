// The provider's CME report as pure arithmetic over the current claims (each
// learner's latest version): who claimed what kind of credit, how much, how
// much of it self-reported or SA-CME, and each session's claimed credit and
// claimants. The database reads are in report.server.ts.
import { type Answer, type Answers, type Question } from "./evaluations";

export type ReportClaim = {
  creditType: "AMA_PRA" | "PARTICIPATION";
  totalQuarters: number;
  saCmeQuarters: number;
  sessions: { sessionId: string; quarters: number; selfReported: boolean }[];
};

export type ClaimFigures = {
  learners: number;
  physicians: number;
  others: number;
  totalQuarters: number;
  amaPraQuarters: number;
  participationQuarters: number;
  saCmeQuarters: number;
  /** Of the credit claimed session by session (before the meeting's cap), the quarters without recorded evidence. */
  selfReportedQuarters: number;
  sessionQuarters: number;
};

export function claimFigures(claims: readonly ReportClaim[]): ClaimFigures {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const physicians = claims.filter((claim) => claim.creditType === "AMA_PRA");
  const sessions = claims.flatMap((claim) => claim.sessions);
  return {
    learners: claims.length,
    physicians: physicians.length,
    others: claims.length - physicians.length,
    totalQuarters: sum(claims.map((claim) => claim.totalQuarters)),
    amaPraQuarters: sum(physicians.map((claim) => claim.totalQuarters)),
    participationQuarters: sum(claims.filter((claim) => claim.creditType !== "AMA_PRA").map((claim) => claim.totalQuarters)),
    saCmeQuarters: sum(claims.map((claim) => claim.saCmeQuarters)),
    selfReportedQuarters: sum(sessions.filter((session) => session.selfReported).map((session) => session.quarters)),
    sessionQuarters: sum(sessions.map((session) => session.quarters)),
  };
}

export type SessionClaims<S> = { session: S; quarters: number; claimants: number; selfReported: number };

/** Every accredited session, in the order given, with the credit claimed for it and by how many (self-reported among them). */
export function claimsPerSession<S extends { id: string }>(sessions: readonly S[], claims: readonly ReportClaim[]): SessionClaims<S>[] {
  return sessions.map((session) => {
    const rows = claims.flatMap((claim) => claim.sessions).filter((row) => row.sessionId === session.id);
    return { session, quarters: rows.reduce((total, row) => total + row.quarters, 0), claimants: rows.length, selfReported: rows.filter((row) => row.selfReported).length };
  });
}

/** "42%", or "–" when there is nothing to take a share of. */
export function percent(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : "–";
}

/** One answer as a spreadsheet cell: a rating's number, choices joined, the bias answer with what seemed biased. */
export function answerCell(answer: Answer | undefined): string {
  if (answer === undefined) return "";
  if (Array.isArray(answer)) return answer.join("; ");
  if (typeof answer === "object") return answer.free ? "Yes" : `No: ${answer.detail}`;
  return String(answer);
}

/**
 * One row per response, no names or ids: the session's title first (for a
 * session evaluation), then one cell per question. Rows are sorted by their
 * content, so their order says nothing about who answered when.
 */
export function responseRows(questions: readonly Question[], responses: readonly { session: string | null; answers: Answers }[]): string[][] {
  return responses
    .map((response) => [...(response.session === null ? [] : [response.session]), ...questions.map((question) => answerCell(response.answers[question.id]))])
    .sort((a, b) => a.join("\t").localeCompare(b.join("\t")));
}
