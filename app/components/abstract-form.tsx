// The author's abstract form: title, topic, each structured section with a
// live count against its limit (and the overall limit), keywords, the
// presentation preference, trainee status and the authors in order. With
// JavaScript it autosaves a few seconds after typing stops (a fetcher POST,
// intent=autosave, carrying the revision it last saw); without, "Save draft"
// does the same as a plain POST, and the author buttons post too.
import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { countCharacters, countIn, describeCount, type LimitUnit } from "~/models/abstracts/limits";
import { PREFERENCES, TRAINEE_LEVELS, type RawAbstractForm } from "~/models/abstracts/submission";
import { href } from "~/utils/href";
import { AuthorRows } from "./abstract-authors";
import { StatusBanner } from "./console";
import { controlClass, ErrorList } from "./forms";

export type FormCall = {
  sections: { key: string; title: string; guidance: string; limit: number; unit: LimitUnit }[];
  topics: { id: string; name: string }[];
  maxAuthors: number;
  totalCharacterLimit: number | null;
};

export type FieldErrors = Record<string, string[] | undefined>;

type AutosaveReply = { ok: true; revision: number; savedAt: string } | { ok: false; code: string; message: string };

const AUTOSAVE_AFTER_MS = 3000;
const labelClass = "block font-semibold text-slate-900";

export function AbstractForm({ meeting, abstractId, call, values, errors, editable, submitted }: { meeting: string; abstractId: string; call: FormCall; values: RawAbstractForm; errors: FieldErrors; editable: boolean; submitted: boolean }) {
  const form = useRef<HTMLFormElement>(null);
  const fetcher = useFetcher<AutosaveReply>();
  const [revision, setRevision] = useState(values.revision);
  const [body, setBody] = useState<Record<string, string>>(values.body);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [autosaveError, setAutosaveError] = useState<string | null>(null);
  // A stale or closed abstract stops autosaving (each try would be refused the same way); an over-limit section does not: the next save may fit.
  const [stopped, setStopped] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const busy = useRef(false);
  busy.current = fetcher.state !== "idle";

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    if (fetcher.data.ok) {
      setRevision(String(fetcher.data.revision));
      setSavedAt(fetcher.data.savedAt);
      setAutosaveError(null);
    } else {
      setAutosaveError(fetcher.data.message);
      if (fetcher.data.code === "CONFLICT" || fetcher.data.code === "CLOSED" || fetcher.data.code === "NOT_FOUND") setStopped(true);
    }
  }, [fetcher.state, fetcher.data]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  function autosave() {
    // One save at a time: the next carries the revision this one returns.
    if (busy.current) return void (timer.current = setTimeout(autosave, 500));
    if (!form.current) return;
    const data = new FormData(form.current);
    data.set("intent", "autosave");
    fetcher.submit(data, { method: "post" });
  }
  function changed() {
    if (!editable || stopped) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(autosave, AUTOSAVE_AFTER_MS);
  }

  const total = call.sections.reduce((sum, section) => sum + countCharacters(body[section.key] ?? ""), 0);
  return (
    <Form method="post" ref={form} onInput={changed} className="space-y-6" noValidate>
      {/* Enter in a text box saves, rather than pressing the first author's "Move up". */}
      <button type="submit" name="intent" value="save" className="sr-only" tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="revision" value={revision} />
      <p className="min-h-6 text-sm text-slate-600" role="status">
        {fetcher.state !== "idle" ? "Saving…" : savedAt ? `Saved ${savedAt}` : null}
      </p>
      {autosaveError ? <StatusBanner tone="error">{autosaveError}</StatusBanner> : null}
      <ErrorList errors={errors[""]} />
      <fieldset disabled={!editable} className="space-y-6">
        <div>
          <label htmlFor="title" className={labelClass}>
            Title
          </label>
          <input id="title" name="title" defaultValue={values.title} maxLength={300} className={controlClass(Boolean(errors.title))} aria-describedby={errors.title ? "title-errors" : undefined} />
          <ErrorList id="title-errors" errors={errors.title} />
        </div>
        <div>
          <label htmlFor="topic" className={labelClass}>
            Topic
          </label>
          <select id="topic" name="topic" defaultValue={values.topic} className={controlClass(Boolean(errors.topic))}>
            <option value="">Choose a topic</option>
            {call.topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.name}
              </option>
            ))}
          </select>
          <ErrorList errors={errors.topic} />
        </div>
        {call.sections.map((section) => {
          const used = countIn(body[section.key] ?? "", section.unit);
          const name = `body.${section.key}`;
          return (
            <div key={section.key}>
              <label htmlFor={name} className={labelClass}>
                {section.title}
              </label>
              {section.guidance ? (
                <p id={`${name}-hint`} className="text-sm text-slate-600">
                  {section.guidance}
                </p>
              ) : null}
              <textarea
                id={name}
                name={name}
                rows={6}
                defaultValue={values.body[section.key] ?? ""}
                onInput={(event) => {
                  // Read now: the event's target is gone by the time React runs the updater.
                  const text = event.currentTarget.value;
                  setBody((current) => ({ ...current, [section.key]: text }));
                }}
                className={controlClass(Boolean(errors[name]) || used > section.limit)}
                aria-describedby={`${section.guidance ? `${name}-hint ` : ""}${name}-count`}
              />
              <p id={`${name}-count`} className={`mt-1 text-sm ${used > section.limit ? "font-semibold text-red-700" : "text-slate-600"}`}>
                {describeCount(used, section.limit, section.unit)}
                {used > section.limit ? " — over the limit" : ""}
              </p>
              <ErrorList errors={errors[name]} />
            </div>
          );
        })}
        {call.totalCharacterLimit !== null ? (
          <p className={`text-sm ${total > call.totalCharacterLimit ? "font-semibold text-red-700" : "text-slate-700"}`}>
            All sections: {describeCount(total, call.totalCharacterLimit, "CHARACTERS")}
            {total > call.totalCharacterLimit ? " — over the overall limit" : ""}
          </p>
        ) : null}
        <ErrorList errors={errors.body} />
        <div>
          <label htmlFor="keywords" className={labelClass}>
            Keywords
          </label>
          <p id="keywords-hint" className="text-sm text-slate-600">
            Separated by commas; at most ten.
          </p>
          <input id="keywords" name="keywords" defaultValue={values.keywords} className={controlClass(Boolean(errors.keywords))} aria-describedby="keywords-hint" />
          <ErrorList errors={errors.keywords} />
        </div>
        <Choice legend="Presentation preference" name="preference" options={PREFERENCES} value={values.preference ?? "EITHER"} />
        <Choice legend="Is the presenting author a trainee?" name="traineeLevel" options={TRAINEE_LEVELS} value={values.traineeLevel ?? "NONE"} />
        <AuthorRows authors={values.authors} presenting={Number(values.presenting)} maxAuthors={call.maxAuthors} errors={errors} />
      </fieldset>
      {editable ? (
        <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-4">
          <button type="submit" name="intent" value="save" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-50">
            {submitted ? "Save changes" : "Save draft"}
          </button>
          <button type="submit" name="intent" value="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {submitted ? "Save and keep submitted" : "Submit abstract"}
          </button>
          <Link to={href.abstractPreview(meeting, abstractId)} className="self-center font-medium text-brand-700 underline-offset-2 hover:underline">
            Preview as printed
          </Link>
        </div>
      ) : null}
    </Form>
  );
}

function Choice({ legend, name, options, value }: { legend: string; name: string; options: Record<string, string>; value: string }) {
  return (
    <fieldset>
      <legend className={labelClass}>{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
        {Object.entries(options).map(([key, label]) => (
          <label key={key} className="flex items-center gap-2">
            <input type="radio" name={name} value={key} defaultChecked={value === key} className="size-4" />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
