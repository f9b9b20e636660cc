// /organize/:meeting/cme/report/pars.txt: the learner-completion file for
// ACCME's PARS batch upload (columns in app/models/cme/pars.ts). Organizers only.
// Without the designation's provider and activity IDs the file is still made,
// with those cells empty: the learners' lines are the work, and the report
// page says what is missing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parsLearnerFile } from "~/models/cme/report.server";
import { requireOrganizer } from "~/server/organizer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await parsLearnerFile(meeting.id, meeting.timeZone), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${meeting.slug}-pars-learners-${day}.txt"`,
      "Cache-Control": "private, no-store",
    },
  });
}
