// CME credit as attendees see it: a badge in session lists, and a block on a
// session's page and its live page with the credit, SA-CME, and the
// accredited provider's statements (ACCME asks that learners see them).
import { AMA_PRA_CREDIT } from "~/models/cme/designation";
import { formatCredits } from "~/models/cme/credit";

/** "CME 1.50" in a list; a screen reader hears the credit in full. */
export function CmeBadge({ quarters }: { quarters: number }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-emerald-300 bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-900">
      <span aria-hidden="true">CME {formatCredits(quarters)}</span>
      <span className="sr-only">
        CME: {AMA_PRA_CREDIT} {formatCredits(quarters)}
      </span>
    </span>
  );
}

export type SessionCreditView = {
  quarters: number;
  saCme: boolean;
  designation: { accreditationStatement: string; designationStatement: string; offersParticipation: boolean; offersSaCme: boolean; claimDeadline: string } | null;
};

/** The session page's block: the credit, what else it counts for, and the statements, folded away. */
/**
 * On the live page, whether the viewer's time there counts as attendance:
 * "recording" once the sidecar says an interval is open, "sign-in" for a
 * signed-out viewer (nobody anonymous is recorded), nothing otherwise.
 */
export type LiveAttendance = { state: "recording" | "sign-in"; loginUrl: string } | null;

export function CmeCredit({ credit, compact = false, attendance = null }: { credit: SessionCreditView; compact?: boolean; attendance?: LiveAttendance }) {
  const { designation } = credit;
  const saCme = credit.saCme && (designation?.offersSaCme ?? true);
  return (
    <section aria-labelledby="cme-heading" className={`rounded-xl border border-emerald-200 bg-emerald-50/60 ${compact ? "p-3 sm:p-4" : "mt-6 p-4 sm:p-5"}`}>
      <h2 id="cme-heading" className={`${compact ? "text-base" : "text-lg"} font-bold text-slate-900`}>
        Continuing medical education
      </h2>
      <p className="mt-1 text-slate-900">
        {AMA_PRA_CREDIT}: <strong className="tabular-nums">{formatCredits(credit.quarters)}</strong>
        {saCme ? <span className="ml-2 inline-flex rounded-full bg-emerald-700 px-2 py-0.5 text-xs font-semibold text-white">SA-CME</span> : null}
      </p>
      {!compact ? (
        <p className="mt-1 text-sm text-slate-700">
          Claim only the credit for the time you took part.
          {designation?.offersParticipation ? " Other professionals can receive a certificate of participation." : ""}
          {saCme ? " This session also counts as ABR self-assessment CME." : ""}
        </p>
      ) : null}
      {attendance?.state === "recording" ? (
        <p className="mt-1 text-sm text-emerald-900">
          <span aria-hidden="true">● </span>Your time on this page while the session runs counts toward your CME attendance.
        </p>
      ) : attendance?.state === "sign-in" ? (
        <p className="mt-1 text-sm text-slate-700">
          <a href={attendance.loginUrl} className="font-semibold text-brand-800 underline underline-offset-2">
            Sign in
          </a>{" "}
          so that your time watching counts toward your CME attendance.
        </p>
      ) : null}
      {designation ? (
        <details className="mt-2 text-sm text-slate-700">
          <summary className="cursor-pointer font-semibold text-brand-800">Accreditation and designation</summary>
          <p className="mt-2">{designation.accreditationStatement}</p>
          <p className="mt-2">{designation.designationStatement}</p>
        </details>
      ) : null}
    </section>
  );
}
