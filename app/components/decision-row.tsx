// One abstract on the decisions page: its rank, figures, flags and the
// reviewers' recommendations; the proposal form; and for an oral its place in
// the draft (place into an abstract session, move, unplace). Each control is
// its own small POST form with an `intent`, so the page works without JavaScript.
import { Form } from "@remix-run/react";
import { Badge, RowButton } from "~/components/console";
import { PlainInput, PlainSelect } from "~/components/forms";
import { DecisionSelect } from "./decision-bulk";
import type { AbstractDecision } from "~/generated/prisma/enums";
import { DECISION_LABEL, DECISIONS } from "~/models/abstracts/decision-labels";
import { DEFAULT_SLOT_MINUTES } from "~/models/abstracts/placement-defaults";

export type DecisionRowView = {
  id: string;
  number: number;
  title: string;
  topic: string | null;
  preference: string;
  trainee: string | null;
  rank: number | null;
  mean: string;
  spread: string;
  count: number;
  outliers: number;
  highSpread: boolean;
  recommendations: Record<AbstractDecision, number>;
  decision: AbstractDecision | null;
  decisionReason: string | null;
  notified: boolean;
  confirmed: boolean;
  declined: { reason: string | null } | null;
  placement: { sessionTitle: string; time: string } | null;
};

export type SessionOption = { slug: string; label: string };

function Figures({ row }: { row: DecisionRowView }) {
  const tally = DECISIONS.filter((decision) => row.recommendations[decision]).map((decision) => `${DECISION_LABEL[decision]} ${row.recommendations[decision]}`);
  return (
    <dl className="grid grid-cols-3 gap-x-3 gap-y-1 text-sm sm:grid-cols-6">
      {[
        ["Mean", row.mean],
        ["Spread", row.spread],
        ["Reviews", String(row.count)],
      ].map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs text-slate-600">{term}</dt>
          <dd className="font-semibold text-slate-900 tabular-nums">{value}</dd>
        </div>
      ))}
      <div className="col-span-3">
        <dt className="text-xs text-slate-600">Recommended</dt>
        <dd className="text-slate-900">{tally.length ? tally.join(" · ") : "—"}</dd>
      </div>
    </dl>
  );
}

function ProposeForm({ row }: { row: DecisionRowView }) {
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="propose" />
      <input type="hidden" name="abstractId" value={row.id} />
      <DecisionSelect id={`decision-${row.id}`} label="Proposal" value={row.decision ?? ""} />
      <PlainInput
        id={`reason-${row.id}`}
        name="reason"
        label="Reason (required to reject; the authors read it)"
        defaultValue={row.decisionReason ?? ""}
        maxLength={1000}
        className="min-w-0 basis-full sm:basis-auto sm:flex-1"
      />
      <RowButton aria-label={`Propose a decision for abstract ${row.number}`}>Propose</RowButton>
    </Form>
  );
}

function Placement({ row, sessions }: { row: DecisionRowView; sessions: SessionOption[] }) {
  if (row.placement) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-800">
          In <span className="font-semibold">{row.placement.sessionTitle}</span>, {row.placement.time}
        </span>
        {row.declined ? <Badge tone="red">Declined — replace or remove</Badge> : null}
        {(["up", "down"] as const).map((direction) => (
          <Form method="post" key={direction}>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="number" value={row.number} />
            <input type="hidden" name="direction" value={direction} />
            <RowButton aria-label={`Move abstract ${row.number} ${direction}`}>{direction === "up" ? "Earlier" : "Later"}</RowButton>
          </Form>
        ))}
        <Form method="post">
          <input type="hidden" name="intent" value="unplace" />
          <input type="hidden" name="number" value={row.number} />
          <RowButton tone="danger" aria-label={`Take abstract ${row.number} out of its session`}>
            Unplace
          </RowButton>
        </Form>
      </div>
    );
  }
  if (!sessions.length) return <p className="text-sm text-amber-800">Not placed: the draft has no abstract session yet. Add one under Sessions.</p>;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="place" />
      <input type="hidden" name="abstractId" value={row.id} />
      <PlainSelect
        id={`session-${row.id}`}
        name="session"
        label="Abstract session"
        options={sessions.map((session) => ({ value: session.slug, label: session.label }))}
        prompt="Choose…"
        className="min-w-0 flex-1"
      />
      <PlainInput id={`minutes-${row.id}`} name="minutes" label="Minutes" type="number" min={1} max={120} defaultValue={DEFAULT_SLOT_MINUTES} className="w-24" />
      <RowButton aria-label={`Place abstract ${row.number} in the session`}>Place</RowButton>
    </Form>
  );
}

export function DecisionRow({ row, sessions }: { row: DecisionRowView; sessions: SessionOption[] }) {
  return (
    <li className="space-y-3 px-4 py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 text-base font-semibold text-slate-900">
          <span className="text-slate-600 tabular-nums">{row.rank ? `#${row.rank} · ` : "Unreviewed · "}</span>
          {row.number}. {row.title || "(untitled)"}
        </h3>
        <span className="flex flex-wrap gap-1">
          {row.decision ? <Badge tone={row.decision === "REJECT" ? "slate" : "brand"}>{DECISION_LABEL[row.decision]}{row.notified ? " · told" : " · proposed"}</Badge> : <Badge tone="amber">Undecided</Badge>}
          {row.confirmed ? <Badge tone="emerald">Confirmed</Badge> : null}
          {row.declined ? <Badge tone="red">Presenter declined</Badge> : null}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {[row.topic ?? "No topic", row.preference, row.trainee ? `Trainee: ${row.trainee}` : null].filter(Boolean).join(" · ")}
      </p>
      <Figures row={row} />
      {row.outliers || row.highSpread ? (
        <p className="text-sm text-amber-800">
          {[row.outliers ? `${row.outliers} outlying review${row.outliers === 1 ? "" : "s"}` : null, row.highSpread ? "reviewers disagree (high spread)" : null].filter(Boolean).join("; ")}
        </p>
      ) : null}
      {row.declined?.reason ? <p className="text-sm text-red-800">The presenter declined: {row.declined.reason}</p> : null}
      {row.notified ? (
        row.decisionReason ? <p className="text-sm text-slate-700">Reason: {row.decisionReason}</p> : null
      ) : (
        <ProposeForm row={row} />
      )}
      {row.decision === "ORAL" ? <Placement row={row} sessions={sessions} /> : null}
    </li>
  );
}
