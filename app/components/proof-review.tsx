// A trainee's or student's proof of status as organizers review it (the
// documents, the institutional address and whether its owner confirmed it),
// and the decision: approve, or decline with a reason the registrant reads.
// The verification queue and a registration's console page both use it.
import { type FieldMetadata } from "@conform-to/react";
import { linkClass } from "./console";
import { SubmitButton, TextareaField, useIsPending } from "./forms";
import { href } from "~/utils/href";

export type ProofDocument = { id: string; fileName: string; kind: "PDF" | "image"; kilobytes: number };

/** Proof documents as the browser shows them: "PDF, 120 KB". */
export function toProofDocuments(documents: { id: string; fileName: string; contentType: string; size: number }[]): ProofDocument[] {
  return documents.map((document) => ({
    id: document.id,
    fileName: document.fileName,
    kind: document.contentType === "application/pdf" ? "PDF" : "image",
    kilobytes: Math.max(1, Math.round(document.size / 1024)),
  }));
}

/** What the page says after a decision; the registrant is e-mailed either way. */
export const PROOF_DECISION_MESSAGES = {
  approve: "Approved: the registration is confirmed and the registrant was e-mailed.",
  reject: "Declined: the registrant was e-mailed your reason.",
} as const;

export function ProofList({
  meetingSlug,
  documents,
  institutionalEmail,
  institutionalEmailConfirmed,
  className = "",
}: {
  meetingSlug: string;
  documents: ProofDocument[];
  institutionalEmail: string | null;
  institutionalEmailConfirmed: boolean;
  className?: string;
}) {
  return (
    <ul className={`space-y-1 text-sm ${className}`}>
      {documents.map((document) => (
        <li key={document.id}>
          <a href={href.registrationDocument(meetingSlug, document.id)} className={linkClass} target="_blank" rel="noreferrer">
            {document.fileName}
          </a>{" "}
          <span className="text-slate-600">
            ({document.kind}, {document.kilobytes} KB)
          </span>
        </li>
      ))}
      {institutionalEmail ? (
        <li>
          Institutional e-mail <span className="font-medium">{institutionalEmail}</span>:{" "}
          {institutionalEmailConfirmed ? <span className="font-semibold text-emerald-800">confirmed by its owner</span> : <span className="text-amber-900">link not yet followed</span>}
        </li>
      ) : null}
      {!documents.length && !institutionalEmail ? <li className="text-slate-600">No proof sent.</li> : null}
    </ul>
  );
}

/** The reason to decline with, and the Approve and Decline buttons (`intent` approve or reject). */
export function ProofDecisionFields({ reason, reasonHint }: { reason: FieldMetadata<string | undefined>; reasonHint: string }) {
  const pending = useIsPending();
  return (
    <>
      <TextareaField meta={reason} label="Reason, if you decline" hint={reasonHint} rows={2} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="intent" value="approve" pending={pending} pendingLabel="Saving…">
          Approve
        </SubmitButton>
        <SubmitButton name="intent" value="reject" variant="danger" pendingLabel="Saving…">
          Decline
        </SubmitButton>
      </div>
    </>
  );
}
