// My schedule's calendar part: the private feed address a calendar app
// subscribes to (create, copy, replace) and the whole program's .ics; and the
// print button, which needs JavaScript to start from a button.
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { SubmitButton, useIsPending } from "./forms";

export function CalendarFeed({
  feed,
  change,
  programFeed,
}: {
  feed: { https: string; webcal: string; google: string } | null;
  change: "created" | "replaced" | null;
  programFeed: string;
}) {
  const creating = useIsPending();
  return (
    <section id="calendar" aria-labelledby="calendar-heading" className="no-print mt-10 max-w-3xl rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="calendar-heading" className="text-lg font-bold text-slate-900">
        Your schedule in your calendar
      </h2>
      {feed && change ? (
        <p role="status" className="mt-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {change === "created"
            ? "Your calendar address is ready. Subscribe with one of the buttons below."
            : "Your calendar address was replaced. The old one no longer works: subscribe again with the new one."}
        </p>
      ) : null}
      {feed ? (
        <>
          <p className="mt-1 text-slate-700">
            Subscribe once: your calendar app follows this address and picks up the sessions you add or remove, and every change the organizers publish.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <a href={feed.webcal} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              Subscribe in Apple Calendar or Outlook
            </a>
            <a href={feed.google} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50" rel="noreferrer">
              Subscribe in Google Calendar
            </a>
          </div>
          <CopyableAddress address={feed.https} />
          <p className="mt-2 text-sm text-slate-600">
            This address is private: anyone who has it can see your schedule. If it got out, replace it; the old address stops working and calendars
            subscribed to it need the new one.
          </p>
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="regenerate-feed" />
            <SubmitButton variant="secondary" pending={creating} pendingLabel="Replacing…" className="text-sm">
              Replace the address
            </SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            Get a private address for your calendar app (Apple Calendar, Google Calendar, Outlook). It stays up to date as you change your schedule and
            as the organizers move or cancel sessions.
          </p>
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="create-feed" />
            <SubmitButton pending={creating} pendingLabel="Creating…">
              Get my calendar address
            </SubmitButton>
          </Form>
        </>
      )}
      <p className="mt-5 border-t border-slate-200 pt-4 text-sm text-slate-600">
        Want the whole program instead?{" "}
        <a href={programFeed} className="font-semibold text-brand-700 underline underline-offset-2">
          Download the full program (.ics)
        </a>
      </p>
    </section>
  );
}

function CopyableAddress({ address }: { address: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-4">
      <label htmlFor="feed-address" className="block text-sm font-medium text-slate-800">
        Or copy the address into your calendar app
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="feed-address"
          readOnly
          value={address}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-slate-500 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
        />
        {hydrated ? (
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(address).then(() => setCopied(true));
            }}
            className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            {copied ? "Copied" : "Copy"}
          </button>
        ) : null}
      </div>
      <p aria-live="polite" className="sr-only">
        {copied ? "Address copied" : ""}
      </p>
    </div>
  );
}

/** Printing needs JavaScript to start from a button; without it the browser's own Print works the same. */
export function PrintButton() {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <p className="no-print mt-6">
      <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
        Print my schedule
      </button>
    </p>
  );
}

/** False on the server and in the first render, true once the browser has taken over. */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
