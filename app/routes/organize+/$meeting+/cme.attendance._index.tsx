// Attendance for the CME record: per session, how many people attended online
// and in the room and for how long on average; a search that opens one
// person's full record; and the CSV of every person's minutes per session.
import { type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CmePages } from "~/components/cme-pages";
import { Badge, cell, ConsolePage, DataTable, figures, linkClass, LinkedRowHeading, secondaryLinkClass, Section } from "~/components/console";
import { PlainInput, SubmitButton } from "~/components/forms";
import { consoleMeta } from "~/components/console-meta";
import { findAttendees, sessionAttendanceTotals } from "~/models/cme/attendance.server";
import { formatCredits } from "~/models/cme/credit";
import { requireOrganizer } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { dayKeyOf, formatDay, formatTime } from "~/utils/time";

export const meta = consoleMeta("Attendance");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 200) ?? "";
  const [totals, people] = await Promise.all([sessionAttendanceTotals(meeting.id), findAttendees(meeting.id, q)]);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    q,
    people,
    sessions: totals.map((row) => ({
      slug: row.session.slug,
      title: row.session.title,
      // Short, so the figures fit beside it on a laptop: "Sat, Mar 4, 8:00 AM".
      startsAt: `${formatDay(dayKeyOf(row.session.startsAt, meeting.timeZone), "short")}, ${formatTime(row.session.startsAt, meeting.timeZone)}`,
      credit: row.session.accredited ? formatCredits(row.session.creditQuarters) : null,
      people: row.people,
      online: row.online,
      inRoom: row.inRoom,
      averageMinutes: row.averageMinutes,
    })),
  };
}

export default function AttendanceConsole() {
  const { meeting, q, people, sessions } = useLoaderData<typeof loader>();
  return (
    <ConsolePage
      title="Attendance"
      intro="Evidence of attendance for the CME record: time on each session's live page, signed in, and scans at its door. Minutes count only during the session, and online and in-room time once together."
      actions={
        <a href={href.organize.attendanceCsv(meeting.slug)} className={secondaryLinkClass} download>
          Export CSV
        </a>
      }
    >
      <CmePages meeting={meeting.slug} />

      <Section title="Find a person" id="find" description="Name, e-mail or registration code: opens their full attendance record.">
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <PlainInput id="q" name="q" type="search" label="Name, e-mail or registration code" defaultValue={q} className="min-w-0 flex-1 basis-64" />
          <SubmitButton pendingLabel="Searching…">
            Find
          </SubmitButton>
        </Form>
        {q ? (
          <div role="status" className="mt-3">
            {people.length ? (
              <ul className="space-y-1">
                {people.map((person) => (
                  <li key={person.id}>
                    <Link to={href.organize.attendee(meeting.slug, person.id)} className={linkClass}>
                      {person.name}
                    </Link>{" "}
                    <span className="text-sm text-slate-600">{person.email}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-700">Nobody registered for this meeting matches “{q}”.</p>
            )}
          </div>
        ) : null}
      </Section>

      <Section title="By session" id="sessions" description={sessions.length ? `${counted(sessions.length, "session")} with attendance recorded.` : undefined}>
        {sessions.length ? (
          <DataTable columns={["Session", "Starts", figures("Credit"), figures("Online"), figures("In the room"), figures("People"), figures("Average minutes")]}>
            {sessions.map((row) => (
              <tr key={row.slug}>
                <LinkedRowHeading to={href.session(meeting.slug, row.slug)} title={row.title} />
                <td className={`${cell.text} whitespace-nowrap`}>{row.startsAt}</td>
                <td className={cell.figure}>{row.credit ?? <Badge>Not accredited</Badge>}</td>
                <td className={cell.figure}>{row.online}</td>
                <td className={cell.figure}>{row.inRoom}</td>
                <td className={cell.figure}>{row.people}</td>
                <td className={cell.figure}>{row.averageMinutes}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="text-slate-700">No attendance recorded yet. It appears as people watch live pages signed in and are scanned at the doors.</p>
        )}
      </Section>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
