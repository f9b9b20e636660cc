// What learners must see before an accredited session (ACCME Standard 3.5):
// each faculty member's relevant financial relationships with ineligible
// companies (company and nature), or that they have none, and the statement
// that all relevant financial relationships have been mitigated. Only the
// organizers' relevant findings are shown; an answer not yet complete says so.
import type { ReactNode } from "react";
import { ALL_MITIGATED_STATEMENT, type LearnerDisclosure } from "~/models/cme/disclosures";

export function DisclosureList({ people, compact = false, open = true }: { people: LearnerDisclosure[]; compact?: boolean; open?: boolean }) {
  if (!people.length) return null;
  const anyRelevant = people.some((person) => person.state === "relevant");
  const allComplete = people.every((person) => person.state !== "pending");
  const body = (
    <>
      <ul className={`${compact ? "mt-2" : "mt-3"} space-y-2 text-sm text-slate-800`}>
        {people.map((person) => (
          <li key={person.name}>
            <span className="font-semibold text-slate-900">{person.name}</span>
            {person.state === "none" ? (
              " has no relevant financial relationships with ineligible companies."
            ) : person.state === "pending" ? (
              <span className="text-slate-600">: disclosure not yet complete.</span>
            ) : (
              <>
                {" "}has these relevant financial relationships with ineligible companies:
                <ul className="mt-1 list-disc pl-5">
                  {person.relationships.map((row) => (
                    <li key={`${row.company}-${row.nature}`}>
                      {row.company}: {row.nature}
                      {row.ended ? " (ended)" : ""}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
      {anyRelevant && allComplete ? <p className="mt-2 text-sm font-medium text-slate-900">{ALL_MITIGATED_STATEMENT}</p> : null}
    </>
  );
  if (compact) {
    return (
      <Disclosure open={open}>
        {body}
      </Disclosure>
    );
  }
  return (
    <section aria-labelledby="disclosures-heading" className="mt-8">
      <h2 id="disclosures-heading" className="text-lg font-bold text-slate-900">
        Faculty disclosures
      </h2>
      <p className="mt-1 text-sm text-slate-600">Financial relationships with ineligible companies in the past 24 months, as ACCME requires for accredited continuing education.</p>
      {body}
    </section>
  );
}

function Disclosure({ open, children }: { open: boolean; children: ReactNode }) {
  return (
    <details open={open} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-base font-bold text-slate-900">Faculty disclosures</summary>
      {children}
    </details>
  );
}
