// My CME: the sessions a person attended, how many minutes, and where (online,
// in the room, or both), beside the credit each session is designated for and
// the meeting's ACCME statements. The evidence is what they already did:
// watching a live page signed in, or having their badge scanned at the door.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, buttonLinkClass, StatusBanner } from "~/components/console";
import { pageWidthClass } from "~/components/page-width";
import { useProgramHref } from "~/components/program-links";
import { SOURCE_LABELS } from "~/models/cme/attendance";
import { creditDesignationFor, myAttendance } from "~/models/cme/attendance.server";
import { creditsLabel, formatCredits } from "~/models/cme/credit";
import { evaluationStatus, getEvaluation } from "~/models/cme/evaluations.server";
import { getMeeting } from "~/models/meetings/meeting.server";
import { requireUser } from "~/server/auth.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { formatDate, formatTimeRange, zoneViewFor } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `My CME · ${data.meeting.name}` : "My CME" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address.", { status: 404 });
  const user = await requireUser(request);
  const zone = zoneViewFor(request, meeting);
  const [designation, sessions, meetingEvaluation, sessionEvaluation, evaluated] = await Promise.all([
    creditDesignationFor(meeting.id),
    myAttendance(user.id, meeting.id),
    getEvaluation(meeting.id, "MEETING"),
    getEvaluation(meeting.id, "SESSION"),
    evaluationStatus(user.id, meeting.id),
  ]);
  const done = new URL(request.url).searchParams.get("done");
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    designation: designation && {
      ...designation,
      maxCredits: formatCredits(designation.maxCreditQuarters),
      claimDeadline: formatDate(designation.claimDeadline, "UTC"),
    },
    sessions: sessions.map((row) => ({
      slug: row.session.slug,
      title: row.session.title,
      when: `${formatDate(row.session.startsAt, zone.zone)}, ${formatTimeRange(row.session.startsAt, row.session.endsAt, zone.zone)}`,
      minutes: row.minutes,
      onlineMinutes: row.onlineMinutes,
      roomMinutes: row.roomMinutes,
      source: SOURCE_LABELS[row.source],
      credit: row.session.accredited ? creditsLabel(row.session.creditQuarters) : null,
      saCme: row.session.saCme,
      // Accredited sessions are evaluated once the session evaluation is open.
      evaluation: row.session.accredited && sessionEvaluation?.questions.length ? (evaluated.sessionsDone.has(row.session.id) ? "done" : "open") : null,
    })),
    meetingEvaluation: meetingEvaluation?.questions.length ? { title: meetingEvaluation.title, done: evaluated.meetingDone, required: designation?.evaluationRequired ?? false } : null,
    // Set by the evaluation pages' redirect after answering.
    thanks: done === "evaluation" ? "Thank you: your meeting evaluation is recorded." : done === "session-evaluation" ? "Thank you: your session evaluation is recorded." : null,
    totalMinutes: sessions.reduce((sum, row) => sum + row.minutes, 0),
    accreditedSessions: sessions.filter((row) => row.session.accredited).length,
  };
}

export default function MyCme() {
  const { meeting, designation, sessions, totalMinutes, accreditedSessions, meetingEvaluation, thanks } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">My CME</h1>
      {thanks ? (
        <StatusBanner key={thanks} outcome tone="success">
          {thanks}
        </StatusBanner>
      ) : null}
      {designation ? (
        <p className="mt-2 max-w-prose text-slate-700">
          {meeting.name} offers up to <strong>{designation.maxCredits} AMA PRA Category 1 Credits™</strong>
          {designation.offersParticipation ? ", and a certificate of participation for everyone else" : ""}. Claim your credit by {designation.claimDeadline}.
        </p>
      ) : (
        <p className="mt-2 max-w-prose text-slate-700">{meeting.name} does not offer continuing medical education credit. Your attendance is still listed here.</p>
      )}

      {meetingEvaluation ? (
        <section aria-labelledby="evaluation" className="mt-8 max-w-prose">
          <h2 id="evaluation" className="border-b border-slate-200 pb-2 text-lg font-bold text-slate-900">
            {meetingEvaluation.title}
          </h2>
          {meetingEvaluation.done ? (
            <p className="mt-3 text-slate-700">
              <span aria-hidden="true">✓ </span>Answered.{" "}
              <Link to={href.evaluation(meeting.slug)} className="font-semibold text-brand-700 underline underline-offset-2">
                See or change your answers
              </Link>
            </p>
          ) : (
            <>
              <p className="mt-3 text-slate-700">{meetingEvaluation.required ? "Answer it before you claim credit: it takes a few minutes." : "It takes a few minutes, and helps the planners."}</p>
              <Link to={href.evaluation(meeting.slug)} className={`mt-3 ${buttonLinkClass}`}>
                Evaluate the meeting
              </Link>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="attendance" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-200 pb-2">
          <h2 id="attendance" className="text-lg font-bold text-slate-900">
            My attendance
          </h2>
          {sessions.length ? (
            <p className="text-sm text-slate-600">
              {counted(sessions.length, "session")} · {counted(totalMinutes, "minute")}
              {accreditedSessions ? ` · ${accreditedSessions} accredited for CME` : ""}
            </p>
          ) : null}
        </div>
        {sessions.length ? (
          <ul className="mt-3 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
            {sessions.map((session) => (
              <li key={session.slug} className="px-4 py-3 sm:px-5">
                <h3 className="font-semibold text-slate-900">
                  <Link to={withTz(href.session(meeting.slug, session.slug))} className="underline-offset-2 hover:underline">
                    {session.title}
                  </Link>
                </h3>
                <p className="text-sm text-slate-600">{session.when}</p>
                <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
                  <div>
                    <dt className="inline text-slate-600">Attended: </dt>
                    <dd className="inline font-semibold text-slate-900">{counted(session.minutes, "minute")}</dd>
                  </div>
                  <div>
                    <dt className="sr-only">Evidence</dt>
                    <dd>
                      <Badge tone={session.source === SOURCE_LABELS.both ? "emerald" : "brand"}>{session.source}</Badge>
                      {session.onlineMinutes && session.roomMinutes ? (
                        <span className="ml-2 text-slate-600">
                          {session.onlineMinutes} online, {session.roomMinutes} in the room
                        </span>
                      ) : null}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline text-slate-600">Designated: </dt>
                    <dd className="inline text-slate-900">
                      {session.credit ? `${session.credit} AMA PRA Category 1 Credit™` : "Not accredited for CME"}
                      {session.saCme ? " · SA-CME" : ""}
                    </dd>
                  </div>
                  {session.evaluation ? (
                    <div>
                      <dt className="sr-only">Evaluation</dt>
                      <dd>
                        {session.evaluation === "done" ? (
                          <span className="text-emerald-800">
                            <span aria-hidden="true">✓ </span>Evaluated
                          </span>
                        ) : (
                          <Link to={href.evaluation(meeting.slug, session.slug)} className="font-semibold text-brand-700 underline underline-offset-2">
                            Evaluate this session<span className="sr-only">: {session.title}</span>
                          </Link>
                        )}
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 max-w-prose rounded-lg border border-slate-200 bg-white px-4 py-3 text-slate-700">
            No attendance recorded yet. Watching a session&rsquo;s live page while signed in, or having your registration QR code scanned at a session&rsquo;s door, records it here.
          </p>
        )}
        {sessions.length ? (
          <p className="mt-3 max-w-prose text-sm text-slate-600">
            Minutes count only during each session&rsquo;s scheduled time. Time online and in the room at once counts once.
          </p>
        ) : null}
      </section>

      {designation ? (
        <section aria-labelledby="statements" className="mt-8 max-w-prose">
          <h2 id="statements" className="border-b border-slate-200 pb-2 text-lg font-bold text-slate-900">
            Accreditation
          </h2>
          <p className="mt-3 text-sm text-slate-700">{designation.accreditationStatement}</p>
          <p className="mt-2 text-sm text-slate-700">{designation.designationStatement}</p>
        </section>
      ) : null}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
