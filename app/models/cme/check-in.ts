// Door check-in's shared pieces for the page, the scanner and the server: the
// form a scan is sent as (by the scanner, the offline queue or the no-JS "Check
// in" button), and what the page says about an answer.
import { z } from "zod";

/** The door value of the meeting's entrance; any other door is a session's id. */
export const ENTRANCE = "entrance";

export const DIRECTION_LABELS = { IN: "Entry (in)", OUT: "Exit (out)" } as const;
export type Direction = keyof typeof DIRECTION_LABELS;

export const ScanFormSchema = z
  .object({
    door: z.string({ error: "Choose a door" }).trim().min(1, "Choose a door").max(64),
    direction: z.enum(["IN", "OUT"], { error: "Choose entry or exit" }),
    token: z.string().trim().max(200).optional(),
    registrationId: z.string().trim().max(64).optional(),
    scanId: z.string({ error: "A scan needs its id" }).regex(/^[A-Za-z0-9_-]{8,64}$/, "A scan needs its id"),
    /** When the scanner made the scan; absent for a button pressed without JavaScript (the server's time). */
    scannedAt: z.iso.datetime({ offset: true, error: "The scan's time is not a valid time" }).optional(),
  })
  .refine((value) => Boolean(value.token) !== Boolean(value.registrationId), { message: "Scan a QR code or choose a person", path: ["token"] });

export type ScanAnswer =
  | { ok: true; result: "RECORDED" | "REPEAT"; direction: Direction; name: string; category: string }
  | { ok: false; message: string };

/** The big result line: green for recorded, amber for a repeat, red for a refusal. */
export function describeScan(answer: ScanAnswer): { tone: "success" | "warning" | "error"; text: string } {
  if (!answer.ok) return { tone: "error", text: `Not valid: ${answer.message}` };
  const who = `${answer.name} · ${answer.category}`;
  if (answer.result === "REPEAT") return { tone: "warning", text: `${answer.direction === "IN" ? "Already checked in" : "Already checked out"}: ${who}` };
  return { tone: "success", text: `${answer.direction === "IN" ? "Checked in" : "Checked out"}: ${who}` };
}
