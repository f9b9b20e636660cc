// The forms of My schedule, shared by the server (which validates) and the
// buttons (which submit): pure, so the browser bundle can import it.
import { z } from "zod";

const sessionId = z.string({ message: "Which session? The form lost its session." }).trim().min(1).max(64);
const redirectTo = z.string().max(2048).optional();

/**
 * One schema for every button of the page: adding or removing a session,
 * creating or regenerating the calendar feed, and "seen" (the program changes up
 * to `release` have been looked at: the page sends it once it has shown them).
 */
export const ScheduleFormSchema = z.discriminatedUnion("intent", [
  // "Add all": every session of a track (track-in-schedule.server.ts).
  z.object({ intent: z.literal("add-track"), track: z.string({ message: "Which track? The form lost its track." }).trim().min(1).max(100) }),
  z.object({ intent: z.literal("add"), sessionId, redirectTo }),
  z.object({ intent: z.literal("remove"), sessionId, redirectTo }),
  z.object({ intent: z.literal("create-feed") }),
  z.object({ intent: z.literal("regenerate-feed") }),
  z.object({ intent: z.literal("seen"), release: z.number({ message: "Which release? The form lost its number." }).int().min(0).max(1_000_000) }),
]);

export type ScheduleForm = z.infer<typeof ScheduleFormSchema>;

/** Who has what in My schedule: the meeting frame's loader hands it to every program page's add/remove buttons. */
export type ScheduleState = { signedIn: boolean; sessionIds: string[] };

/** The schedule action's answer to a button that stayed on its page (JavaScript): done, or why not. */
export type ScheduleButtonReply = { ok: true } | { error: string; result: unknown };

/** The `add` of the sign-in and sign-up forms: a session to put in the schedule once signed in (pending-add.server.ts checks it). */
export const pendingAddField = z.string().max(64).optional();

/** The id of a session's add/remove form, so that without JavaScript the page comes back scrolled to it. */
export const scheduleAnchor = (sessionId: string) => `schedule-${sessionId}`;
