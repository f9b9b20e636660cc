// The program as CSV, in the import's columns: the draft (default) or what is
// published. For organizers only: the draft is not public.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { getDraft, getPublishedProgram } from "~/models/program/draft.server";
import { programToCsv } from "~/models/program/csv-import.server";
import { requireOrganizer } from "~/server/organizer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const source = new URL(request.url).searchParams.get("source") === "published" ? "published" : "draft";
  const document = source === "published" ? await getPublishedProgram(meeting.id) : (await getDraft(meeting.id)).document;
  return new Response(programToCsv(document, meeting.timeZone), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${meeting.slug}-${source}-program.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
