// The Up, Down and Remove buttons of one question in the console's question
// lists (the CME evaluations, a session's self-assessment). They post
// `intent` (up, down or remove) and `questionId`, with the list's own fields
// (which evaluation, which session) beside them.
import { Form } from "@remix-run/react";
import { RowButton } from "~/components/console";

export function QuestionButtons({ questionId, number, last, removable = true, fields }: { questionId: string; number: number; last: boolean; removable?: boolean; fields: Record<string, string> }) {
  return (
    <Form method="post" className="flex gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="questionId" value={questionId} />
      {number > 1 ? (
        <RowButton name="intent" value="up" aria-label={`Move question ${number} up`}>
          Up
        </RowButton>
      ) : null}
      {last ? null : (
        <RowButton name="intent" value="down" aria-label={`Move question ${number} down`}>
          Down
        </RowButton>
      )}
      {removable ? (
        <RowButton name="intent" value="remove" tone="danger" aria-label={`Remove question ${number}`}>
          Remove
        </RowButton>
      ) : null}
    </Form>
  );
}
