// A certificate's facts as a definition list: who, what activity, when and
// where, the credits and when they were issued. /verify and the account's
// transcript show the same facts, in the same words as the PDF.
import type { CertificateFacts } from "~/models/cme/certificates";

export function CertificateFactList({ facts, className = "" }: { facts: CertificateFacts; className?: string }) {
  const rows: [string, string | string[]][] = [
    ["Learner", facts.learner],
    ["Certificate", facts.amended ? `${facts.title}, ${facts.amended.toLowerCase()}` : facts.title],
    ["Activity", facts.meeting],
    ["Dates", facts.dates],
    ["Place", facts.place],
    ["Credits", facts.credits],
    ["Issued", facts.issuedOn],
    ["Issued by", facts.provider],
  ];
  return (
    <dl className={`grid grid-cols-1 gap-x-6 sm:grid-cols-[10rem_1fr] ${className}`}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="pt-2 text-sm font-medium text-slate-600 sm:pb-2">{label}</dt>
          <dd className="pb-2 break-words text-slate-900 sm:pt-2">
            {Array.isArray(value) ? value.map((line) => <span key={line} className="block first:font-semibold">{line}</span>) : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
