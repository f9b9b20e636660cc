// The question box: 1 to 500 characters, optionally anonymous to other viewers.
// The question:ask command's one schema (the Q&A table) checks it in the
// browser, in the action (Conform) and in the sidecar; when the live connection
// is up the question goes over the socket instead of a post.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { ErrorList, FormErrors, SubmitButton, useIsPending } from "~/components/forms";
import { askPayloadSchema } from "~/models/live-qa/commands";
import { QUESTION_MAX_LENGTH } from "~/models/live-qa/questions";

export function AskForm({
  lastResult,
  live,
  moderated,
  onLiveAsk,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  live: boolean;
  moderated: boolean;
  /** Sends the question over the socket; resolves to an error message, or null when it was taken. */
  onLiveAsk: (question: { body: string; anonymous: boolean }) => Promise<string | null>;
}) {
  const pending = useIsPending();
  const [sending, setSending] = useState(false);
  const [liveError, setLiveError] = useState<string | null>(null);
  const [length, setLength] = useState(0);
  const [form, fields] = useForm({
    id: "ask-question",
    lastResult,
    constraint: getZodConstraint(askPayloadSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: askPayloadSchema }),
    onSubmit(event, { submission }) {
      if (!live || submission?.status !== "success") return;
      event.preventDefault();
      setSending(true);
      setLiveError(null);
      void onLiveAsk({ body: submission.value.body, anonymous: submission.value.anonymous ?? false }).then((error) => {
        setSending(false);
        setLiveError(error);
        if (!error) {
          form.reset();
          setLength(0);
        }
      });
    },
  });
  const { key: bodyKey, ...bodyProps } = getTextareaProps(fields.body, { ariaDescribedBy: "ask-hint" });
  const { key: anonymousKey, ...anonymousProps } = getInputProps(fields.anonymous, { type: "checkbox" });
  const errors = [...(form.errors ?? []), ...(liveError ? [liveError] : [])];

  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-2 sm:space-y-3">
      <input type="hidden" name="intent" value="ask" />
      <FormErrors id={form.errorId} errors={errors} />
      <div>
        <label htmlFor={fields.body.id} className="block text-sm font-semibold text-slate-800">
          Your question
        </label>
        <textarea
          key={bodyKey}
          {...bodyProps}
          rows={2}
          maxLength={QUESTION_MAX_LENGTH}
          onInput={(event) => setLength(event.currentTarget.value.length)}
          className={`mt-1.5 block min-h-16 w-full resize-y rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600 sm:min-h-24 ${
            fields.body.errors?.length ? "border-red-600" : "border-slate-500"
          }`}
          placeholder="Ask the speakers something…"
        />
        <div className="mt-1 flex justify-between gap-3 text-sm text-slate-600">
          <p id="ask-hint">{moderated ? "Moderators approve questions first." : "Questions appear right away."}</p>
          <p aria-hidden="true" className="tabular-nums">
            {length}/{QUESTION_MAX_LENGTH}
          </p>
        </div>
        <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
      </div>
      {/* One row on a phone too: the question box and the top questions share the first screen. */}
      <div className="flex items-center justify-between gap-3">
        <div className="flex items-start gap-2">
          <input key={anonymousKey} {...anonymousProps} aria-describedby="anonymous-hint" className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-400 text-brand-700" />
          <div className="text-sm leading-tight">
            <label htmlFor={fields.anonymous.id} className="font-medium text-slate-800">
              Ask anonymously
            </label>
            <p id="anonymous-hint" className="text-xs text-slate-600 sm:text-sm">
              Moderators still see your name.
            </p>
          </div>
        </div>
        <SubmitButton pending={pending || sending} pendingLabel="Sending…" className="shrink-0">
          Send question
        </SubmitButton>
      </div>
    </Form>
  );
}
