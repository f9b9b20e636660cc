// /organize/:meeting/cme/disclosures.csv: every person who must disclose, one
// line per relationship with the organizers' review, for the CME record.
// Organizers of the meeting (and admins) only; cells are injection-safe.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { disclosuresCsv } from "~/models/cme/disclosure-views.server";
import { requireOrganizer } from "~/server/organizer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const csv = await disclosuresCsv(meeting.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${meeting.slug}-disclosures-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
