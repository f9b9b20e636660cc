// The audit log: who changed what in the console, and when, newest first,
// fifty at a time.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConsolePage, secondaryLinkClass } from "~/components/console";
import { listAuditEntries } from "~/models/meetings/audit.server";
import { formatDate, formatTime, zoneAbbreviation } from "~/utils/time";
import { requireOrganizer } from "~/server/organizer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const url = new URL(request.url);
  const beforeAt = url.searchParams.get("before");
  const beforeId = url.searchParams.get("id");
  const at = beforeAt ? new Date(beforeAt) : null;
  const before = at && !Number.isNaN(at.getTime()) && beforeId ? { createdAt: at, id: beforeId.slice(0, 40) } : undefined;
  const { entries, hasMore } = await listAuditEntries(meeting.id, { before });
  const zone = meeting.timeZone;
  const last = entries[entries.length - 1];
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      action: entry.action,
      summary: entry.summary,
      who: entry.actorLabel,
      at: entry.createdAt.toISOString(),
      when: `${formatDate(entry.createdAt, zone)}, ${formatTime(entry.createdAt, zone)} ${zoneAbbreviation(zone, entry.createdAt)}`,
    })),
    older: hasMore && last ? `?${new URLSearchParams({ before: last.createdAt.toISOString(), id: last.id })}` : null,
    paged: Boolean(before),
  };
}

export default function AuditLog() {
  const { entries, older, paged } = useLoaderData<typeof loader>();
  return (
    <ConsolePage title="Audit log" intro="Every change made in the console: who, what and when.">
      <div className="max-w-4xl">
        {entries.length ? (
          <ol className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
            {entries.map((entry) => (
              <li key={entry.id} className="px-4 py-3 text-sm">
                <p className="text-slate-900">{entry.summary}</p>
                <p className="mt-0.5 text-slate-600">
                  {entry.who} · <time dateTime={entry.at}>{entry.when}</time> · <code className="text-xs">{entry.action}</code>
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-slate-600">Nothing recorded yet.</p>
        )}
        <div className="mt-4 flex gap-3">
          {paged ? (
            <Link to="." className={secondaryLinkClass}>
              Newest entries
            </Link>
          ) : null}
          {older ? (
            <Link to={older} className={secondaryLinkClass}>
              Older entries
            </Link>
          ) : null}
        </div>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
