// The audit log: who changed what in the console, and when, newest first,
// fifty at a time.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditEntries } from "~/components/audit-entries";
import { ConsolePage, secondaryLinkClass } from "~/components/console";
import { auditEntryView, listAuditEntries } from "~/models/meetings/audit.server";
import { requireOrganizer } from "~/server/organizer.server";
import { consoleMeta } from "~/components/console-meta";

export const meta = consoleMeta("Audit log");

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
    entries: entries.map((entry) => auditEntryView(entry, zone)),
    older: hasMore && last ? `?${new URLSearchParams({ before: last.createdAt.toISOString(), id: last.id })}` : null,
    paged: Boolean(before),
  };
}

export default function AuditLog() {
  const { entries, older, paged } = useLoaderData<typeof loader>();
  return (
    <ConsolePage title="Audit log" intro="Every change made in the console: who, what and when.">
      <div className="max-w-4xl">
        <AuditEntries entries={entries} empty="Nothing recorded yet." />
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
