// My CME: the sessions a person attended, how many minutes, and where (online,
// in the room, or both), beside the credit each session is designated for and
// the meeting's ACCME statements. The evidence is what they already did:
// watching a live page signed in, or having their badge scanned at the door.
// Then the claim: the credit the evidence supports, claimed with ACCME's
// attestation, a certificate for each version, amendable until the deadline.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClaimForm, ClaimRecord, type ClaimDefaults } from "~/components/cme-claim";
import { Badge, buttonLinkClass, OutcomeBanner, StatusBanner } from "~/components/console";
import { pageWidthClass } from "~/components/page-width";
import { useProgramHref } from "~/components/program-links";
import { SOURCE_LABELS } from "~/models/cme/attendance";
import { creditDesignationFor, myAttendance } from "~/models/cme/attendance.server";
import { claimFormSchema, offeredCreditTypes, splitName, suggestedCreditType } from "~/models/cme/claims";
import { claimHistory, claimOptions, submitClaim, type ClaimOptions, type ClaimVersion } from "~/models/cme/claims.server";
import { amaCredits, formatCredits } from "~/models/cme/credit";
import { evaluationStatus, getEvaluation } from "~/models/cme/evaluations.server";
import { requireMeetingAndUser } from "~/server/meeting-page.server";
import { refusalResponse } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { formatDate, formatMoment, formatTimeRange, zoneViewFor } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `My CME · ${data.meeting.name}` : "My CME" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const zone = zoneViewFor(request, meeting);
  const [designation, sessions, meetingEvaluation, sessionEvaluation, evaluated, options, versions] = await Promise.all([
    creditDesignationFor(meeting.id),
    myAttendance(user.id, meeting.id),
    getEvaluation(meeting.id, "MEETING"),
    getEvaluation(meeting.id, "SESSION"),
    evaluationStatus(user.id, meeting.id),
    claimOptions(user.id, meeting.id),
    claimHistory(user.id, meeting.id),
  ]);
  const query = new URL(request.url).searchParams;
  const done = query.get("done");
  const when = (session: { startsAt: Date; endsAt: Date }) => `${formatDate(session.startsAt, zone.zone)}, ${formatTimeRange(session.startsAt, session.endsAt, zone.zone)}`;
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
      when: when(row.session),
      minutes: row.minutes,
      onlineMinutes: row.onlineMinutes,
      roomMinutes: row.roomMinutes,
      source: SOURCE_LABELS[row.source],
      credit: row.session.accredited ? amaCredits(row.session.creditQuarters) : null,
      saCme: row.session.saCme,
      // Accredited sessions are evaluated once the session evaluation is open.
      evaluation: row.session.accredited && sessionEvaluation?.questions.length ? (evaluated.sessionsDone.has(row.session.id) ? "done" : "open") : null,
    })),
    meetingEvaluation: meetingEvaluation?.questions.length ? { title: meetingEvaluation.title, done: evaluated.meetingDone, required: designation?.evaluationRequired ?? false } : null,
    // Set by the evaluation pages' redirect after answering.
    thanks: THANKS[done ?? ""] ?? null,
    claim: options && {
      open: options.open,
      evaluationPending: options.evaluationPending,
      maxQuarters: options.maxQuarters,
      creditTypes: options.creditTypes,
      sessions: options.sessions.map((session) => ({
        slug: session.slug,
        title: session.title,
        when: when(session),
        minutes: session.minutes,
        source: session.source && SOURCE_LABELS[session.source],
        selfReported: session.selfReported,
        designated: formatCredits(session.designatedQuarters),
        claimable: formatCredits(session.claimableQuarters),
        saCme: session.saCme,
        saCmePassed: session.saCmePassed,
      })),
      // The form opens on a first claim, or on an amendment asked for before the deadline.
      editing: options.open && (!versions.length || query.has("amend")),
      defaults: claimDefaults(options, versions[0], user.name),
      versions: versions.map((version) => ({
        number: version.number,
        when: formatMoment(version.createdAt, zone.zone),
        total: claimedCredits(version.creditType, version.totalQuarters),
        saCme: version.saCmeQuarters ? formatCredits(version.saCmeQuarters) : null,
        code: version.certificate?.code ?? null,
        sessions: version.sessions.map((row) => ({ title: row.session.title, credit: formatCredits(row.quarters), selfReported: row.selfReported, saCme: row.saCme })),
      })),
    },
    totalMinutes: sessions.reduce((sum, row) => sum + row.minutes, 0),
    accreditedSessions: sessions.filter((row) => row.session.accredited).length,
  };
}

/** "2.25 AMA PRA Category 1 Credits™" or "2.25 hours of participation". */
function claimedCredits(creditType: "AMA_PRA" | "PARTICIPATION", quarters: number): string {
  return creditType === "AMA_PRA" ? amaCredits(quarters) : `${formatCredits(quarters)} ${quarters === 4 ? "hour" : "hours"} of participation`;
}

// Set by the redirects after answering an evaluation or claiming.
const THANKS: Record<string, string> = {
  evaluation: "Thank you: your meeting evaluation is recorded.",
  "session-evaluation": "Thank you: your session evaluation is recorded.",
  claim: "Your claim is recorded and your certificate is ready.",
};

/**
 * What the claim form shows first: an amendment starts from the last version
 * (its sessions, its details); a first claim from the claimable credit, the
 * account's name split in two, and no self-reported session ticked.
 */
function claimDefaults(options: ClaimOptions, last: ClaimVersion | undefined, accountName: string): ClaimDefaults {
  const claimed = new Map(last?.sessions.map((row) => [row.session.slug, row.quarters]));
  const degree = last?.degree ?? "";
  const kept = (value: string | number | null | undefined) => (value === null || value === undefined ? undefined : String(value));
  return {
    ...(last ? { firstName: last.firstName, lastName: last.lastName } : splitName(accountName)),
    degree,
    creditType: last && options.creditTypes.includes(last.creditType) ? last.creditType : suggestedCreditType(degree, options.creditTypes),
    sessions: options.sessions.map((session) => {
      const before = claimed.get(session.slug);
      const quarters = last ? Math.min(before ?? 0, session.claimableQuarters) : session.claimableQuarters;
      return { slug: session.slug, credit: formatCredits(session.selfReported && !before ? session.claimableQuarters : quarters), claim: session.selfReported && before !== undefined };
    }),
    parsConsent: last?.parsConsent ?? false,
    birthMonth: kept(last?.birthMonth),
    birthDay: kept(last?.birthDay),
    npi: kept(last?.npi),
    licenseState: kept(last?.licenseState),
    licenseNumber: kept(last?.licenseNumber),
    certifyingBoard: kept(last?.certifyingBoard),
    boardId: kept(last?.boardId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const designation = await creditDesignationFor(meeting.id);
  if (!designation) throw new Response("This meeting does not offer CME credit.", { status: 404 });
  const submission = parseWithZod(await readFormData(request), { schema: claimFormSchema(offeredCreditTypes(designation)) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // The claim is the signed-in person's: the form names no one.
  const result = await submitClaim(user.id, meeting.id, submission.value);
  if (!result.ok) return refusalResponse(result, submission);
  return redirect(href.myCme(meeting.slug, { done: "claim" }));
}

export default function MyCme() {
  const { meeting, designation, sessions, totalMinutes, accreditedSessions, meetingEvaluation, thanks, claim } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const withTz = useProgramHref();
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">My CME</h1>
      <OutcomeBanner outcome={thanks ? { ok: true, message: thanks } : null} />
      {designation ? (
        <p className="mt-2 max-w-prose text-slate-700">
          {meeting.name} offers up to <strong>{designation.maxCredits} AMA PRA Category 1 Credits™</strong>
          {designation.offersParticipation ? ", and a certificate of participation for everyone else" : ""}.{" "}
          {claim?.open === false ? `Claims closed at the end of ${designation.claimDeadline}.` : `Claim your credit by ${designation.claimDeadline}.`}
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

      {claim ? (
        <section aria-labelledby="claim-heading" className="mt-8">
          <h2 id="claim-heading" className="border-b border-slate-200 pb-2 text-lg font-bold text-slate-900">
            {claim.versions.length ? "My claim" : "Claim credit"}
          </h2>
          {!claim.open ? (
            <div className="mt-3 max-w-prose">
              <StatusBanner tone="info">
                Claims for this meeting closed at the end of {designation?.claimDeadline}.{claim.versions.length ? " Your claim below is final." : " No claim was made."}
              </StatusBanner>
            </div>
          ) : null}
          {claim.versions.length && !claim.editing ? <ClaimRecord meeting={meeting.slug} versions={claim.versions} canAmend={claim.open} /> : null}
          {claim.editing ? (
            claim.evaluationPending ? (
              <div className="mt-3 max-w-prose space-y-3">
                <StatusBanner tone="warning">Answer the meeting&rsquo;s evaluation first: this meeting asks for it before you claim credit.</StatusBanner>
                <Link to={href.evaluation(meeting.slug)} className={buttonLinkClass}>
                  Evaluate the meeting
                </Link>
              </div>
            ) : claim.sessions.length ? (
              <ClaimForm
                meeting={meeting.slug}
                sessions={claim.sessions}
                creditTypes={claim.creditTypes}
                maxQuarters={claim.maxQuarters}
                defaults={claim.defaults}
                amending={claim.versions.length > 0}
                lastResult={actionData?.result}
              />
            ) : (
              <p className="mt-3 max-w-prose rounded-lg border border-slate-200 bg-white px-4 py-3 text-slate-700">
                There is no credit to claim yet: no attendance at an accredited session is recorded for you.
              </p>
            )
          ) : null}
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
                      {session.credit ?? "Not accredited for CME"}
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
                          <Link to={href.evaluation(meeting.slug, session.slug)} aria-label={`Evaluate this session: ${session.title}`} className="font-semibold text-brand-700 underline underline-offset-2">
                            Evaluate this session
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
