// The request side of door check-in: who may scan (door staff and organizers),
// reading a scan's form, and the answer the page and the scanner's queue read
// (a refusal carries its status: 4xx is final, anything else is tried again).
import { parseWithZod } from "@conform-to/zod/v4";
import { recordScan } from "~/models/cme/check-in.server";
import { ENTRANCE, ScanFormSchema, type ScanAnswer } from "~/models/cme/check-in";
import { readFormData } from "~/utils/form-data.server";
import { requireCheckInStaff } from "./organizer.server";
import { refusalStatus } from "./refusal.server";

/** The answer to a scan and its status; the page returns it as data(), the scanner's endpoint as JSON. */
export async function answerScan(request: Request, params: { meeting?: string }): Promise<{ body: { scan: ScanAnswer }; status: number }> {
  const { meeting, user } = await requireCheckInStaff(request, params);
  const submission = parseWithZod(await readFormData(request), { schema: ScanFormSchema });
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat()[0] ?? "This scan could not be read.";
    return { body: { scan: { ok: false, message } }, status: 400 };
  }
  const scan = submission.value;
  const outcome = await recordScan({
    meetingId: meeting.id,
    sessionId: scan.door === ENTRANCE ? null : scan.door,
    direction: scan.direction,
    person: scan.token ? { token: scan.token } : { registrationId: scan.registrationId! },
    scanId: scan.scanId,
    scannedAt: scan.scannedAt ? new Date(scan.scannedAt) : new Date(),
    scannedById: user.id,
  });
  if (!outcome.ok) return { body: { scan: { ok: false, message: outcome.message } }, status: refusalStatus(outcome) };
  return { body: { scan: { ok: true, result: outcome.result, direction: outcome.direction, name: outcome.person.name, category: outcome.person.category } }, status: 200 };
}
