// What a socket's handshake and its join ask of the database, batched across
// the sockets asking at the same moment (./batched-lookup.ts): whose sign-in it
// is, which meeting a session belongs to, and what the person may do there. One
// set per sidecar; every answer is fresh, none is cached.
import { getMeetingRightsOfMany, type MeetingRights } from "~/models/accounts/access.server";
import { getSignInsByLoginSessions, type SignIn } from "~/models/accounts/signed-in.server";
import { findQaSessions } from "~/models/live-qa/board.server";
import { BatchedLookup } from "./batched-lookup";

export type CrowdLookups = {
  signIn: (loginSessionId: string) => Promise<SignIn | null>;
  qaSession: (sessionId: string) => Promise<{ id: string; meetingId: string } | null>;
  rights: (userId: string, meetingId: string) => Promise<MeetingRights>;
};

export function createCrowdLookups(): CrowdLookups {
  const signIns = new BatchedLookup((ids: string[]) => getSignInsByLoginSessions(ids));
  const sessions = new BatchedLookup((ids: string[]) => findQaSessions(ids));
  // One lookup per meeting: a batch asks about many people in one meeting.
  const rightsByMeeting = new Map<string, BatchedLookup<string, MeetingRights>>();
  return {
    signIn: async (loginSessionId) => (await signIns.load(loginSessionId)) ?? null,
    qaSession: async (sessionId) => (await sessions.load(sessionId)) ?? null,
    rights: async (userId, meetingId) => {
      let lookup = rightsByMeeting.get(meetingId);
      if (!lookup) rightsByMeeting.set(meetingId, (lookup = new BatchedLookup((userIds: string[]) => getMeetingRightsOfMany(userIds, meetingId))));
      return (await lookup.load(userId)) ?? { canParticipate: false, canModerate: false };
    },
  };
}
