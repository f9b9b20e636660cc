// A published poster's file, for anyone: only what the one rule of
// published.ts makes public is served (else 404). Its type was checked by
// content at upload; nosniff and a safe inline file name keep it that way.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publishedPosterFile } from "~/models/abstracts/published.server";
import { getMeeting } from "~/models/meetings/meeting.server";
import { storedFileResponse } from "~/utils/upload.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const meeting = await getMeeting(params.meeting ?? "");
  const number = /^\d{1,9}$/.test(params.number ?? "") ? Number(params.number) : NaN;
  const file = meeting && (await publishedPosterFile(meeting.id, number));
  if (!file) throw new Response("There is no published poster file with this number.", { status: 404 });
  return storedFileResponse(file, "The poster file is missing.", {
    "X-Content-Type-Options": "nosniff",
    // A replaced file gets a new storage key but the same URL: cache briefly, then revalidate.
    "Cache-Control": "public, max-age=300",
    ...(file.uploadedAt ? { "Last-Modified": file.uploadedAt.toUTCString() } : {}),
  });
}
