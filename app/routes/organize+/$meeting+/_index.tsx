// The console's overview: the state of the draft (sessions, unpublished
// changes, clashes), the latest release, and the latest changes in the log.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditEntries } from "~/components/audit-entries";
import { ConsolePage, linkClass, Section, buttonLinkClass } from "~/components/console";
import { compareDraftWithPublished } from "~/models/program/draft.server";
import { listReleases } from "~/models/program/publish.server";
import { auditEntryView, listAuditEntries } from "~/models/meetings/audit.server";
import { findClashes } from "~/models/program/clashes";
import { formatMoment } from "~/utils/time";
import { requireOrganizer } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { consoleMeta } from "~/components/console-meta";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("Overview");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const [{ draft, changes }, releases, audit] = await Promise.all([
    compareDraftWithPublished(meeting.id),
    listReleases(meeting.id, { take: 1 }),
    listAuditEntries(meeting.id),
  ]);
  const latest = releases[0];
  const zone = meeting.timeZone;
  return {
    slug: meeting.slug,
    draft: {
      sessions: draft.document.sessions.length,
      cancelled: draft.document.sessions.filter((session) => session.status === "CANCELLED").length,
      tracks: draft.document.tracks.length,
      rooms: draft.document.rooms.length,
      speakers: draft.document.speakers.length,
    },
    unpublished: changes.length,
    clashes: findClashes(draft.document, meeting).length,
    latest: latest ? { number: latest.number, when: formatMoment(latest.createdAt, zone), by: latest.publishedByName } : null,
    recent: audit.entries.slice(0, 6).map((entry) => auditEntryView(entry, zone)),
  };
}

export default function ConsoleOverview() {
  const { slug, draft, unpublished, clashes, latest, recent } = useLoaderData<typeof loader>();
  const cards = [
    { label: "Sessions in the draft", value: draft.sessions, detail: draft.cancelled ? `${draft.cancelled} cancelled` : "none cancelled", to: href.organize.sessions(slug) },
    { label: "Unpublished changes", value: unpublished, detail: unpublished ? "attendees do not see these yet" : "the draft matches the public program", to: href.organize.publish(slug) },
    { label: "Clashes", value: clashes, detail: clashes ? "rooms, speakers or audiences double-booked" : "no clashes found", to: href.organize.clashes(slug) },
    { label: "Latest release", value: latest ? `#${latest.number}` : "none yet", detail: latest ? `${latest.when} by ${latest.by}` : "the seeded program is public", to: href.changelog(slug) },
  ];
  return (
    <ConsolePage
      title="Overview"
      intro="You edit a draft. Attendees see only what you publish; each publish is a numbered release with a public changelog."
      actions={
        <Link to={href.organize.publish(slug)} className={buttonLinkClass}>
          Review and publish
        </Link>
      }
    >
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {cards.map((card) => (
          <li key={card.label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <Link to={card.to} className="group block">
              <span className="block text-sm font-medium text-slate-600">{card.label}</span>
              <span className="mt-1 block text-3xl font-bold text-slate-900 tabular-nums group-hover:text-brand-800">{card.value}</span>
              <span className="mt-1 block text-sm text-slate-600">{card.detail}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm text-slate-700">
        The draft has {counted(draft.tracks, "track")}, {counted(draft.rooms, "room or channel", "rooms and channels")}, and {counted(draft.speakers, "speaker")}.
      </p>
      <div className="mt-8">
        <Section title="Latest changes" id="latest-changes">
          <AuditEntries entries={recent} empty="Nothing has been changed in the console yet." />
          <p className="mt-2 text-sm">
            <Link to={href.organize.audit(slug)} className={linkClass}>
              The whole audit log
            </Link>
          </p>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
