// The program's filter forms (the agenda's, the speaker directory's, the
// poster gallery's), their selects and buttons, and the note about what the
// address asked for that was left out. The filters are a
// GET form, so they work without JavaScript and the URL can be bookmarked,
// shared and cached. They apply with their button (or Enter), never as a select
// changes: in a closed select the arrow keys change the value, and a keyboard
// user stepping through the options must not be taken to a new page at each one
// (WCAG 3.2.2, On Input).
import { Form, Link, useLocation, useSubmit } from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import type { IgnoredParam } from "~/models/program/program";

/** The history state of a filter navigation: the id of the element that sums up the results, which takes focus once they show. */
export type FilterNavigationState = { focusAfterFilter: string };

/** For links that change the filters ("Clear filters"): land focus on the results as the form does. */
export const focusResultsState = (resultsId: string): FilterNavigationState => ({ focusAfterFilter: resultsId });

/**
 * Submits a GET filter form without its empty fields, so the URL (and the
 * page cache's key) stays `?day=2023-03-06&track=residents` rather than
 * `?day=…&q=&track=residents&audience=&kind=`. The pressed button's own
 * name and value count, as in the browser's own submission. Without
 * JavaScript the browser submits the form itself, empty fields and all,
 * which works the same.
 */
function useFilterSubmit(resultsId: string) {
  const submit = useSubmit();
  return (form: HTMLFormElement, submitter: HTMLElement | null) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form, submitter)) {
      if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    }
    submit(params, { method: "get", action: form.getAttribute("action") ?? undefined, preventScrollReset: true, state: focusResultsState(resultsId) });
  };
}

/**
 * After a filter navigation, focus goes to the summary of the results. Pages
 * re-key their filter form to the new URL (to reset its fields), so the button
 * that was pressed is gone, and focus would otherwise drop to the page's body.
 */
function useFocusResultsAfterFilter() {
  const location = useLocation();
  useEffect(() => {
    const target = (location.state as Partial<FilterNavigationState> | null)?.focusAfterFilter;
    if (target) document.getElementById(target)?.focus();
  }, [location]);
}

/**
 * A search landmark named `label` that applies with its submit buttons.
 * `resultsId` is the element (with tabIndex -1) that sums up the results.
 */
export function ProgramFilterForm({ label, resultsId, className, children }: { label: string; resultsId: string; className: string; children: ReactNode }) {
  const submitFilters = useFilterSubmit(resultsId);
  useFocusResultsAfterFilter();
  return (
    <Form
      method="get"
      role="search"
      aria-label={label}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        submitFilters(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
      }}
    >
      {children}
    </Form>
  );
}

/** A labelled select of a filter form: first `all`, the choice that filters nothing ("All tracks"), then `options`. */
export function FilterSelect({ id, name, label, value, all, options }: { id: string; name: string; label: string; value?: string; all: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="mt-1 block w-full rounded-md border border-slate-500 bg-white px-2 py-2 text-base sm:text-sm">
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A search form's Find button and, once something is filtered, the link that
 * clears it (`clearTo`, the unfiltered page). With `resultsId`, focus lands on
 * the results after clearing, as it does after a search.
 */
export function FindOrClear({ filtered, clearTo, resultsId }: { filtered: boolean; clearTo: string; resultsId?: string }) {
  return (
    <div className="flex items-center gap-3">
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Find
      </button>
      {filtered ? (
        <Link to={clearTo} state={resultsId ? focusResultsState(resultsId) : undefined} className="text-sm font-semibold text-brand-700 underline underline-offset-2">
          Clear
        </Link>
      ) : null}
    </div>
  );
}

/** "Part of the address was ignored": each parameter left out, with why. */
export function IgnoredParamsNote({ ignored }: { ignored: IgnoredParam[] }) {
  if (!ignored.length) return null;
  return (
    <div role="status" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold">Part of the address was ignored:</p>
      <ul className="mt-1 list-disc pl-5">
        {ignored.map((param) => (
          <li key={param.name}>
            <code className="rounded bg-amber-100 px-1">
              {param.name}={param.value}
            </code>{" "}
            {param.reason}.
          </li>
        ))}
      </ul>
    </div>
  );
}
