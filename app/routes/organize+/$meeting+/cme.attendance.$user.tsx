// One person's full attendance record for a meeting: every session with the
// minutes it adds up to and the evidence behind them (each stretch on the live
// page, each door scan and who made it), and their scans at the entrance. What
// a CME office shows when a learner or ACCME asks how a figure was reached.
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CmePages } from "~/components/cme-pages";
import { Badge, ConsolePage, linkClass, Section } from "~/components/console";
import { consoleTitle } from "~/components/console-meta";
import { Fact, Facts } from "~/components/facts";
import { SOURCE_LABELS } from "~/models/cme/attendance";
import { personAttendance } from "~/models/cme/attendance.server";
import { creditsLabel } from "~/models/cme/credit";
import { requireOrganizer } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { formatDate, formatMoment, formatTime, formatTimeRange } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: consoleTitle(data ? `Attendance of ${data.person.name}` : "Attendance", matches) }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const record = await personAttendance(meeting.id, params.user ?? "");
  if (!record) throw new Response("Nobody with this address is registered for this meeting or has attendance in it.", { status: 404 });
  const zone = meeting.timeZone;
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    person: record.person,
    totalMinutes: record.sessions.reduce((sum, row) => sum + row.minutes, 0),
    entrance: record.entrance.map((scan) => ({ ...scan, scannedAt: formatMoment(scan.scannedAt, zone) })),
    sessions: record.sessions.map((row) => ({
      slug: row.session.slug,
      title: row.session.title,
      when: `${formatDate(row.session.startsAt, zone)}, ${formatTimeRange(row.session.startsAt, row.session.endsAt, zone)}`,
      credit: row.session.accredited ? creditsLabel(row.session.creditQuarters) : null,
      minutes: row.minutes,
      source: row.source ? SOURCE_LABELS[row.source] : null,
      online: row.online.map((interval) => `${formatTime(interval.start, zone)}–${formatTime(interval.end, zone)}`),
      scans: row.scans.map((scan) => ({ direction: scan.direction, at: formatTime(scan.scannedAt, zone), by: scan.scannedBy })),
    })),
  };
}

const DIRECTION = { IN: "In", OUT: "Out" } as const;

export default function PersonAttendance() {
  const { meeting, person, totalMinutes, entrance, sessions } = useLoaderData<typeof loader>();
  return (
    <ConsolePage
      title={`Attendance of ${person.name}`}
      intro={
        <Link to={href.organize.attendance(meeting.slug)} className={linkClass}>
          <span aria-hidden="true">← </span>All attendance
        </Link>
      }
    >
      <CmePages meeting={meeting.slug} />
      <Facts>
        <Fact label="E-mail">{person.email}</Fact>
        <Fact label="Registration">{person.registration ? `${person.registration.code} · ${person.registration.category}` : "Not registered"}</Fact>
        <Fact label="Attended">{`${counted(sessions.filter((s) => s.minutes).length, "session")} · ${counted(totalMinutes, "minute")}`}</Fact>
      </Facts>

      <Section title="Sessions" id="sessions" description="Times in the meeting's zone. Minutes count only inside the session's time; online and in-room time once together.">
        {sessions.length ? (
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
            {sessions.map((row) => (
              <li key={row.slug} className="px-4 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h3 className="font-semibold text-slate-900">{row.title}</h3>
                  <p className="text-sm font-semibold text-slate-900">
                    {counted(row.minutes, "minute")} {row.source ? <Badge tone="brand">{row.source}</Badge> : <Badge>Outside the session</Badge>}
                  </p>
                </div>
                <p className="text-sm text-slate-600">
                  {row.when} · {row.credit ? `${row.credit} designated` : "Not accredited"}
                </p>
                <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[10rem_1fr]">
                  <dt className="text-slate-600">Online</dt>
                  <dd className="text-slate-800">{row.online.length ? row.online.join(", ") : "—"}</dd>
                  <dt className="text-slate-600">Door scans</dt>
                  <dd className="text-slate-800">{row.scans.length ? row.scans.map((scan) => `${DIRECTION[scan.direction]} ${scan.at}${scan.by ? ` (${scan.by})` : ""}`).join(", ") : "—"}</dd>
                </dl>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">No attendance recorded for any session.</p>
        )}
      </Section>

      <Section title="Meeting entrance" id="entrance">
        {entrance.length ? (
          <ul className="space-y-1 text-sm text-slate-800">
            {entrance.map((scan, index) => (
              <li key={index}>
                {DIRECTION[scan.direction]} {scan.scannedAt}
                {scan.scannedBy ? ` (scanned by ${scan.scannedBy})` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">Not scanned at the entrance.</p>
        )}
      </Section>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
