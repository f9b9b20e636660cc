// Entries of the console's audit log, newest first: what changed, who did it
// and when, and the action's name for those who search the log.
import { ItemList } from "./console";

type Entry = { id: string; action: string; summary: string; who: string; at: string; when: string };

export function AuditEntries({ entries, empty }: { entries: Entry[]; empty: string }) {
  return (
    <ItemList ordered empty={empty}>
      {entries.map((entry) => (
        <li key={entry.id} className="px-4 py-3 text-sm">
          <p className="text-slate-900">{entry.summary}</p>
          <p className="mt-0.5 text-slate-600">
            {entry.who} · <time dateTime={entry.at}>{entry.when}</time> · <code className="text-xs">{entry.action}</code>
          </p>
        </li>
      ))}
    </ItemList>
  );
}
