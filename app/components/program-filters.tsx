// The program's filter forms (the agenda's, the speaker directory's) and the
// note about what the address asked for that was left out. The filters are a
// GET form, so they work without JavaScript and the URL can be bookmarked,
// shared and cached; with JavaScript a changed select applies at once.
import { Form, useSubmit } from "@remix-run/react";
import type { ReactNode } from "react";
import type { IgnoredParam } from "~/models/program/program";

/**
 * Submits a GET filter form without its empty fields, so the URL (and the
 * page cache's key) stays `?day=2023-03-06&track=residents` rather than
 * `?day=…&q=&track=residents&audience=&kind=`. Without JavaScript the browser
 * submits the form itself, empty fields and all, which works the same.
 */
function useFilterSubmit() {
  const submit = useSubmit();
  return (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    }
    submit(params, { method: "get", action: form.getAttribute("action") ?? undefined, preventScrollReset: true });
  };
}

/** A search landmark named `label`: selects apply as soon as they change, typing waits for Enter or the button. */
export function ProgramFilterForm({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  const submitFilters = useFilterSubmit();
  return (
    <Form
      method="get"
      role="search"
      aria-label={label}
      className={className}
      onChange={(event) => {
        if ((event.target as HTMLElement).tagName === "SELECT") submitFilters(event.currentTarget);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        submitFilters(event.currentTarget);
      }}
    >
      {children}
    </Form>
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
