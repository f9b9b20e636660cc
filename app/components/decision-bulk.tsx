// The decisions page's bulk forms: "mark the top N of this topic as …" and
// "all undecided below score X as …". Plain POST forms with an `intent`.
import { Form } from "@remix-run/react";
import { PlainInput, PlainSelect, SubmitButton } from "~/components/forms";
import { DECISION_LABEL, DECISIONS } from "~/models/abstracts/decision-labels";

const decisionOptions = DECISIONS.map((decision) => ({ value: decision, label: DECISION_LABEL[decision] }));

/** The choice of a decision, for one abstract's proposal and for the bulk forms alike. */
export function DecisionSelect({ id, label = "Mark as", value = "" }: { id: string; label?: string; value?: string }) {
  return <PlainSelect id={id} name="decision" label={label} options={decisionOptions} prompt="Choose…" defaultValue={value} />;
}

function Reason({ id }: { id: string }) {
  return <PlainInput id={id} name="reason" label="Reason (required to reject)" maxLength={1000} className="min-w-0 sm:flex-1" />;
}

// One field a row on a phone; a row of fields from sm up.
const formClass = "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:flex-wrap sm:items-end";

export function BulkDecisionForms({ topics, pending }: { topics: { id: string; name: string }[]; pending: "bulk-top" | "bulk-below" | null }) {
  return (
    <div className="space-y-3">
      <Form method="post" className={formClass}>
        <input type="hidden" name="intent" value="bulk-top" />
        <PlainInput id="bulk-top-count" name="count" label="Top" type="number" min={1} required className="sm:w-24" />
        <PlainSelect
          id="bulk-top-topic"
          name="topicId"
          label="Of topic"
          options={topics.map((topic) => ({ value: topic.id, label: topic.name }))}
          prompt="Choose…"
          className="min-w-0 sm:flex-1"
        />
        <DecisionSelect id="bulk-top-decision" />
        <Reason id="bulk-top-reason" />
        <SubmitButton pending={pending === "bulk-top"} pendingLabel="Marking…" variant="secondary">
          Mark the top
        </SubmitButton>
      </Form>
      <Form method="post" className={formClass}>
        <input type="hidden" name="intent" value="bulk-below" />
        <PlainInput id="bulk-below-score" name="score" label="Mean below" type="number" min={0} max={100} step="0.1" required className="sm:w-28" />
        <DecisionSelect id="bulk-below-decision" />
        <Reason id="bulk-below-reason" />
        <SubmitButton pending={pending === "bulk-below"} pendingLabel="Marking…" variant="secondary">
          Mark all undecided below
        </SubmitButton>
      </Form>
      <p className="text-sm text-slate-600">Bulk marks skip abstracts without reviews and abstracts already told; orals placed in the draft count among the top but keep their decision.</p>
    </div>
  );
}
