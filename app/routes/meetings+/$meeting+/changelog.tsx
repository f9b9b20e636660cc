// The public changelog: every published release of the program, newest first,
// with its note and what changed (times in the viewer's chosen zone). Signed-in
// people also see what changed in the sessions of their own schedule.
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useProgramHref } from "~/components/program-links";
import { listReleases } from "~/models/program/publish.server";
import { CHANGE_LABELS, describeChange, isSessionChange } from "~/models/program/changes";
import { listProgramNotices, markProgramSeen } from "~/models/program/notices.server";
import { getUser } from "~/server/auth.server";
import { requireMeeting, requireMeetingAndUser } from "~/server/meeting-page.server";
import { readFormData } from "~/utils/form-data.server";
import { formatMoment, zoneViewFor } from "~/utils/time";
import { href } from "~/utils/href";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Program changes · ${data.meeting.name}` : "Program changes" },
  ...(data ? [{ tagName: "link", rel: "alternate", type: "application/atom+xml", title: `${data.meeting.name}: program changes`, href: href.changelogFeed(data.meeting.slug) }] : []),
];

// Personal notices may be on the page: never from a shared cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, max-age=0, must-revalidate" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const zone = zoneViewFor(request, meeting).zone;
  const [releases, user] = await Promise.all([listReleases(meeting.id), getUser(request)]);
  const notices = user ? await listProgramNotices(user.id, meeting.id, { take: 30 }) : [];
  const when = (date: Date) => formatMoment(date, zone);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    signedIn: Boolean(user),
    notices: notices.map((notice) => ({
      id: notice.id,
      session: notice.sessionSlug,
      title: notice.title,
      release: notice.release,
      unread: notice.unseen,
      lines: notice.changes.map((change) => describeChange(change, zone)),
      removed: notice.changes.some((change) => change.type === "removed"),
    })),
    releases: releases.map((release) => ({
      number: release.number,
      note: release.note,
      at: release.createdAt.toISOString(),
      when: when(release.createdAt),
      sessions: release.changes.filter(isSessionChange).map((change) => ({
        label: CHANGE_LABELS[change.type],
        type: change.type,
        slug: change.type === "removed" ? null : change.session,
        title: change.title,
        text: describeChange(change, zone),
      })),
      other: release.changes.filter((change) => !isSessionChange(change)).map((change) => describeChange(change, zone)),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const form = await readFormData(request);
  if (form.get("intent") !== "mark-read") return data({ seen: 0 }, { status: 400 });
  // The same mark as looking at My schedule: its marks and the navigation's count clear too.
  return { seen: await markProgramSeen(user.id, meeting.id) };
}

const badgeTone: Record<string, string> = {
  added: "bg-emerald-100 text-emerald-900",
  removed: "bg-red-100 text-red-900",
  cancelled: "bg-red-100 text-red-900",
};

export default function Changelog() {
  const { meeting, notices, releases } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  const unread = notices.filter((notice) => notice.unread).length;
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 sm:px-6 sm:py-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Program changes</h1>
        <a href={href.changelogFeed(meeting.slug)} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
          Subscribe (Atom feed)
        </a>
      </div>
      <p className="mt-1 max-w-prose text-slate-600">Every published update of the program, newest first.</p>

      {notices.length ? (
        <section aria-labelledby="your-changes" className="mt-6 rounded-xl border border-brand-100 bg-brand-50 p-4 sm:p-5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="your-changes" className="text-lg font-bold text-brand-900">
              Changes to your schedule{unread ? ` (${unread} new)` : ""}
            </h2>
            {unread ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="mark-read" />
                <button type="submit" className="rounded-md border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50">
                  Mark as read
                </button>
              </Form>
            ) : null}
          </div>
          <ul className="mt-3 space-y-2">
            {notices.map((notice) => (
              <li key={notice.id} className="rounded-lg bg-white px-4 py-3 text-sm shadow-sm">
                <p className="font-semibold text-slate-900">
                  {notice.unread ? <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs text-white">New</span> : null}
                  {notice.removed ? (
                    notice.title
                  ) : (
                    <Link to={withTz(href.session(meeting.slug, notice.session))} className="text-brand-800 underline-offset-2 hover:underline">
                      {notice.title}
                    </Link>
                  )}
                  <span className="font-normal text-slate-600"> · release {notice.release}</span>
                </p>
                <ul className="mt-1 text-slate-800">
                  {notice.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {releases.length ? (
        <ol className="mt-6 space-y-6">
          {releases.map((release) => (
            <li key={release.number} id={`release-${release.number}`}>
              <article aria-labelledby={`release-${release.number}-title`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                <h2 id={`release-${release.number}-title`} className="text-lg font-bold text-slate-900">
                  Release {release.number}
                </h2>
                <p className="text-sm text-slate-600">
                  Published <time dateTime={release.at}>{release.when}</time>
                </p>
                {release.note ? <p className="mt-2 whitespace-pre-line text-slate-800">{release.note}</p> : null}
                {release.sessions.length ? (
                  <ul className="mt-3 divide-y divide-slate-100">
                    {release.sessions.map((change, index) => (
                      <li key={index} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 text-sm">
                        <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${badgeTone[change.type] ?? "bg-brand-100 text-brand-900"}`}>{change.label}</span>
                        <span className="min-w-0 flex-1">
                          <span className="block font-semibold text-slate-900">
                            {change.slug ? (
                              <Link to={withTz(href.session(meeting.slug, change.slug))} className="text-brand-800 underline-offset-2 hover:underline">
                                {change.title}
                              </Link>
                            ) : (
                              change.title
                            )}
                          </span>
                          <span className="block text-slate-700">{change.text}</span>
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {release.other.length ? <p className="mt-2 text-sm text-slate-600">Also: {release.other.join("; ")}.</p> : null}
                {!release.sessions.length && !release.other.length ? <p className="mt-2 text-sm text-slate-600">No changes to the program in this release.</p> : null}
              </article>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-slate-600">
          The program has not changed since it was first published.
        </p>
      )}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
