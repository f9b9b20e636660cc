// The decisions page's bulk forms: "mark the top N of this topic as …" and
// "all undecided below score X as …". Plain POST forms with an `intent`.
import { Form } from "@remix-run/react";
import { controlClass, SubmitButton } from "~/components/forms";
import { DECISION_LABEL, DECISIONS } from "~/models/abstracts/decision-labels";

const labelClass = "block text-sm font-medium text-slate-800";

/** The choice of a decision, for one abstract's proposal and for the bulk forms alike. */
export function DecisionSelect({ id, label = "Mark as", value = "" }: { id: string; label?: string; value?: string }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name="decision" className={controlClass(false)} required defaultValue={value}>
        <option value="" disabled>
          Choose…
        </option>
        {DECISIONS.map((decision) => (
          <option key={decision} value={decision}>
            {DECISION_LABEL[decision]}
          </option>
        ))}
      </select>
    </div>
  );
}

function Reason({ id }: { id: string }) {
  return (
    <div className="min-w-0 sm:flex-1">
      <label htmlFor={id} className={labelClass}>
        Reason (required to reject)
      </label>
      <input id={id} name="reason" className={controlClass(false)} maxLength={1000} />
    </div>
  );
}

// One field a row on a phone; a row of fields from sm up.
const formClass = "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:flex-wrap sm:items-end";

export function BulkDecisionForms({ topics, pending }: { topics: { id: string; name: string }[]; pending: "bulk-top" | "bulk-below" | null }) {
  return (
    <div className="space-y-3">
      <Form method="post" className={formClass}>
        <input type="hidden" name="intent" value="bulk-top" />
        <div className="sm:w-24">
          <label htmlFor="bulk-top-count" className={labelClass}>
            Top
          </label>
          <input id="bulk-top-count" name="count" type="number" min={1} required className={controlClass(false)} />
        </div>
        <div className="min-w-0 sm:flex-1">
          <label htmlFor="bulk-top-topic" className={labelClass}>
            Of topic
          </label>
          <select id="bulk-top-topic" name="topicId" className={controlClass(false)} required defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.name}
              </option>
            ))}
          </select>
        </div>
        <DecisionSelect id="bulk-top-decision" />
        <Reason id="bulk-top-reason" />
        <SubmitButton pending={pending === "bulk-top"} pendingLabel="Marking…" variant="secondary">
          Mark the top
        </SubmitButton>
      </Form>
      <Form method="post" className={formClass}>
        <input type="hidden" name="intent" value="bulk-below" />
        <div className="sm:w-28">
          <label htmlFor="bulk-below-score" className={labelClass}>
            Mean below
          </label>
          <input id="bulk-below-score" name="score" type="number" min={0} max={100} step="0.1" required className={controlClass(false)} />
        </div>
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
