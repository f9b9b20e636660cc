// One person on the organizers' disclosure board: their sessions, whether and
// when they were asked, their answer with a review form per relationship
// (relevant or not, and the mitigation), a new link, and the history of
// versions with who made each and when. Plain forms: works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { Badge, linkClass, RowButton } from "./console";
import { controlClass } from "./forms";
import { href } from "~/utils/href";
import type { DisclosureState } from "~/models/cme/disclosures";
import { NO_RELATIONSHIPS_STATEMENT } from "~/models/cme/disclosures";

export type BoardPerson = {
  key: string;
  id: string | null;
  role: "FACULTY" | "PLANNER";
  name: string;
  email: string;
  speakerSlug: string | null;
  state: DisclosureState;
  stateLabel: string;
  sessions: { slug: string; title: string; when: string }[];
  requestedAt: string | null;
  linkExpires: string | null;
  reminders: number;
  submittedAt: string | null;
  noRelationships: boolean;
  relationships: { id: string; company: string; nature: string; ongoing: boolean; relevant: boolean | null; mitigation: string; reviewed: string | null }[];
  versions: { id: string; kind: string; at: string; by: string; summary: string }[];
};

const STATE_TONES = { missing: "red", unreviewed: "amber", unmitigated: "amber", complete: "emerald" } as const;

export function DisclosurePerson({ slug, person }: { slug: string; person: BoardPerson }) {
  const headingId = `person-${person.key}`;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold text-slate-900">
            {person.name}
          </h3>
          <p className="text-sm text-slate-600">
            {person.email ? person.email : <span className="text-red-800">No e-mail address</span>}
            {person.speakerSlug ? (
              <>
                {" · "}
                <Link to={href.organize.speaker(slug, person.speakerSlug)} className={linkClass}>
                  {person.email ? "Speaker page" : "Add it on the speaker page"}
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <Badge tone={person.role === "FACULTY" ? "brand" : "slate"}>{person.role === "FACULTY" ? "Faculty" : "Planner"}</Badge>
          <Badge tone={STATE_TONES[person.state]}>{person.stateLabel}</Badge>
        </div>
      </div>
      {person.sessions.length ? (
        <ul className="mt-2 space-y-0.5 text-sm text-slate-700">
          {person.sessions.map((session) => (
            <li key={session.slug}>
              <Link to={href.organize.session(slug, session)} className={linkClass}>
                {session.title}
              </Link>{" "}
              · {session.when}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-sm text-slate-600">
        {person.requestedAt ? `Asked ${person.requestedAt}` : "Not asked yet"}
        {person.reminders ? ` · reminded ${person.reminders}×` : ""}
        {person.linkExpires ? ` · link works until ${person.linkExpires}` : ""}
        {person.submittedAt ? ` · answered ${person.submittedAt}` : ""}
      </p>
      {person.id && person.email ? (
        <Form method="post" className="mt-2">
          <input type="hidden" name="disclosureId" value={person.id} />
          <RowButton name="intent" value="new-link" aria-label={`Send a new link to ${person.name}`}>
            Send a new link
          </RowButton>
        </Form>
      ) : null}
      {person.submittedAt ? (
        person.noRelationships ? (
          <p className="mt-3 text-sm text-slate-800">“{NO_RELATIONSHIPS_STATEMENT}”</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {person.relationships.map((row) => (
              <RelationshipReview key={row.id} person={person.name} row={row} />
            ))}
          </ul>
        )
      ) : null}
      {person.versions.length ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">History ({person.versions.length})</summary>
          <ol className="mt-2 space-y-1.5 border-l-2 border-slate-200 pl-3">
            {person.versions.map((version) => (
              <li key={version.id} className="text-slate-700">
                <span className="font-medium text-slate-900">{version.kind === "submitted" ? "Submitted" : "Reviewed"}</span> by {version.by}, {version.at}: {version.summary}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

function RelationshipReview({ person, row }: { person: string; row: BoardPerson["relationships"][number] }) {
  const id = `review-${row.id}`;
  return (
    <li className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <p className="text-sm text-slate-900">
        <span className="font-semibold">{row.company}</span> · {row.nature} · {row.ongoing ? "ongoing" : "ended"}
      </p>
      {row.reviewed ? <p className="text-xs text-slate-600">Reviewed by {row.reviewed}</p> : null}
      <Form method="post" className="mt-2 space-y-2">
        <input type="hidden" name="intent" value="review" />
        <input type="hidden" name="relationshipId" value={row.id} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">
            Relevant to the content {person} controls?
          </legend>
          <div className="mt-1 flex gap-4 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" name="relevant" value="yes" defaultChecked={row.relevant === true} className="h-4 w-4" /> Relevant
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="relevant" value="no" defaultChecked={row.relevant === false} className="h-4 w-4" /> Not relevant
            </label>
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${id}-mitigation`} className="block text-sm font-medium text-slate-800">
            How it was mitigated (for a relevant relationship)
          </label>
          <textarea id={`${id}-mitigation`} name="mitigation" rows={2} defaultValue={row.mitigation} className={controlClass(false)} />
        </div>
        <RowButton aria-label={`Save the review of ${person}'s relationship with ${row.company}`}>Save review</RowButton>
      </Form>
    </li>
  );
}
