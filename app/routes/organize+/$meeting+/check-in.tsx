// Door check-in, for door staff (CHECK_IN) and organizers, on a phone: choose
// the door (a session, today's first, or the meeting's entrance) and the way
// (in or out), then scan registration QR codes with the camera or find people by
// name. Every scan goes through this browser's queue (scan-queue.ts), so poor
// venue Wi-Fi loses nothing. Without JavaScript the door choice, the name search
// and its check-in buttons are plain forms.
import { randomBytes } from "node:crypto";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRevalidator, useSubmit } from "@remix-run/react";
import { useCallback, useState, type FormEvent } from "react";
import { useHydrated } from "~/components/calendar-feed";
import { CameraScanner } from "~/components/check-in/camera-scanner";
import { newScanId, useScanQueue, type QueuedScan } from "~/components/check-in/scan-queue";
import { Badge, ConsolePage, ItemList, Section } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { controlClass, Labelled, PlainInput, SubmitButton, useIsPending } from "~/components/forms";
import { describeScan, DIRECTION_LABELS, ENTRANCE, type Direction, type ScanAnswer } from "~/models/cme/check-in";
import { findRegisteredByName, listDoors, listLatestScans } from "~/models/cme/check-in.server";
import { answerScan } from "~/server/check-in.server";
import { requireCheckInStaff } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { formatDay, formatTime, dayKeyOf } from "~/utils/time";

export const meta = consoleMeta("Door check-in");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireCheckInStaff(request, params);
  const url = new URL(request.url);
  const doors = await listDoors(meeting);
  const zone = meeting.timeZone;
  const sessionLabel = (session: (typeof doors.today)[number], withDay: boolean) =>
    [withDay ? `${formatDay(dayKeyOf(session.startsAt, zone), "short")}, ${formatTime(session.startsAt, zone)}` : formatTime(session.startsAt, zone), session.title, session.room?.name]
      .filter(Boolean)
      .join(" · ");
  const today = doors.today.map((session) => ({ value: session.id, label: sessionLabel(session, false) }));
  const other = doors.other.map((session) => ({ value: session.id, label: sessionLabel(session, true) }));
  const wanted = url.searchParams.get("door") ?? ENTRANCE;
  const door = [...today, ...other].some((option) => option.value === wanted) ? wanted : ENTRANCE;
  const direction: Direction = url.searchParams.get("direction") === "OUT" ? "OUT" : "IN";
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const [people, latest] = await Promise.all([q ? findRegisteredByName(meeting.id, q) : Promise.resolve([]), listLatestScans(meeting.id, door === ENTRANCE ? null : door)]);
  const doorLabel = door === ENTRANCE ? "Meeting entrance" : [...today, ...other].find((option) => option.value === door)!.label;
  return {
    meeting: { slug: meeting.slug },
    door,
    doorLabel,
    direction,
    q,
    doors: { today, other },
    // A scan id per button, made here, so a form sent twice without JavaScript (a reload) is recorded once.
    people: people.map((person) => ({ ...person, scanId: randomBytes(12).toString("base64url") })),
    latest: latest.map((scan) => ({ ...scan, scannedAt: formatTime(scan.scannedAt, zone) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { body, status } = await answerScan(request, params);
  return data(body, { status });
}

type Result = { tone: "success" | "warning" | "error" | "info"; text: string };

function ScanResult({ result }: { result: Result | null }) {
  const styles = {
    success: "border-emerald-700 bg-emerald-50 text-emerald-950",
    warning: "border-amber-500 bg-amber-50 text-amber-950",
    error: "border-red-700 bg-red-50 text-red-950",
    info: "border-slate-300 bg-white text-slate-900",
  };
  // Always in the page, so screen readers announce each new result.
  return (
    <div aria-live="polite" aria-atomic="true" data-testid="scan-result">
      {result ? <p className={`rounded-xl border-4 px-4 py-5 text-xl font-bold sm:text-2xl ${styles[result.tone]}`}>{result.text}</p> : null}
    </div>
  );
}

export default function CheckIn() {
  const { meeting, door, doorLabel, direction, q, doors, people, latest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const hydrated = useHydrated();
  const submit = useSubmit();
  const revalidator = useRevalidator();
  const pending = useIsPending();
  const [result, setResult] = useState<Result | null>(null);
  const shown = result ?? (actionData ? describeScan(actionData.scan) : null);

  const onAnswer = useCallback(
    (_scan: QueuedScan, answer: ScanAnswer) => {
      setResult(describeScan(answer));
      if (revalidator.state === "idle") revalidator.revalidate();
    },
    [revalidator],
  );
  const queue = useScanQueue(meeting.slug, href.organize.checkInScans(meeting.slug), onAnswer);
  const enqueue = (person: { token: string } | { registrationId: string }) => {
    setResult({ tone: "info", text: navigator.onLine ? "Checking…" : "Saved on this phone: it is sent when the connection is back." });
    queue.add({ scanId: newScanId(), door, direction, scannedAt: new Date().toISOString(), ...person });
  };
  // With JavaScript the button goes through the queue too, so it works offline.
  const checkInByName = (event: FormEvent<HTMLFormElement>) => {
    const registrationId = new FormData(event.currentTarget).get("registrationId");
    if (typeof registrationId !== "string") return;
    event.preventDefault();
    enqueue({ registrationId });
  };

  const way = direction === "IN" ? "in" : "out";
  return (
    <ConsolePage title="Door check-in" intro="Scan each person's registration QR code, or find them by name. Scans made without a connection are kept on this phone and sent later.">
      <div className="max-w-2xl space-y-6">
        <Form method="get" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" onChange={(event) => hydrated && submit(event.currentTarget, { replace: true })}>
          <Labelled id="door" label="Door">
            <select id="door" name="door" defaultValue={door} className={controlClass(false)}>
              <option value={ENTRANCE}>Meeting entrance</option>
              {(
                [
                  ["Today", doors.today],
                  ["Other days", doors.other],
                ] as const
              ).map(([day, options]) =>
                options.length ? (
                  <optgroup key={day} label={day}>
                    {options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null,
              )}
            </select>
          </Labelled>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Way</legend>
            <div className="mt-1 grid grid-cols-2 gap-2">
              {(["IN", "OUT"] as const).map((value) => (
                <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 font-semibold has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                  <input type="radio" name="direction" value={value} defaultChecked={direction === value} className="h-4 w-4" />
                  {DIRECTION_LABELS[value]}
                </label>
              ))}
            </div>
          </fieldset>
          {q ? <input type="hidden" name="q" value={q} /> : null}
          {hydrated ? null : (
            <SubmitButton pendingLabel="Changing…" variant="secondary">
              Use this door
            </SubmitButton>
          )}
        </Form>

        <p className="text-sm text-slate-700">
          Checking people <strong>{way}</strong> at <strong>{doorLabel}</strong>.
        </p>

        <ScanResult result={shown} />
        {hydrated ? (
          <p role="status" className="text-sm font-semibold text-slate-700">
            {queue.waiting ? `${queue.waiting} waiting to be sent` : "Every scan is sent."}
          </p>
        ) : null}

        {hydrated ? (
          <Section title="Scan a QR code" id="scan">
            <CameraScanner onCode={(token) => enqueue({ token })} />
          </Section>
        ) : null}

        <Section title="Find by name" id="find">
          <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="door" value={door} />
            <input type="hidden" name="direction" value={direction} />
            <PlainInput id="q" label="Name" className="min-w-0 flex-1" name="q" type="search" defaultValue={q} autoComplete="off" />
            <SubmitButton pendingLabel="Searching…" variant="secondary">
              Search
            </SubmitButton>
          </Form>
          {q ? (
            <div className="mt-3">
              <ItemList empty={`Nobody registered for this meeting is called “${q}”.`}>
                {people.map((person) => (
                  <li key={person.registrationId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                    <span>
                      <span className="font-semibold text-slate-900">{person.name}</span>
                      <span className="block text-sm text-slate-600">
                        {person.category} · {person.code}
                      </span>
                    </span>
                    {person.confirmed ? (
                      <Form method="post" data-works-offline onSubmit={hydrated ? checkInByName : undefined}>
                        <input type="hidden" name="registrationId" value={person.registrationId} />
                        <input type="hidden" name="door" value={door} />
                        <input type="hidden" name="direction" value={direction} />
                        <input type="hidden" name="scanId" value={person.scanId} />
                        <SubmitButton pending={pending} pendingLabel="Sending…" aria-label={`Check ${person.name} ${way}`}>
                          Check {way}
                        </SubmitButton>
                      </Form>
                    ) : (
                      <Badge tone="red">{person.state}</Badge>
                    )}
                  </li>
                ))}
              </ItemList>
            </div>
          ) : null}
        </Section>

        <Section title="Latest scans here" id="latest">
          <ItemList empty="No scans at this door yet.">
            {latest.map((scan) => (
              <li key={scan.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
                <span>
                  <span className="font-semibold text-slate-900">{scan.name}</span> · {scan.category}
                  {scan.scannedBy ? <span className="block text-slate-600">by {scan.scannedBy}</span> : null}
                </span>
                <span className="flex items-center gap-2">
                  <Badge tone={scan.direction === "IN" ? "emerald" : "slate"}>{scan.direction === "IN" ? "In" : "Out"}</Badge>
                  <span className="tabular-nums">{scan.scannedAt}</span>
                </span>
              </li>
            ))}
          </ItemList>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
