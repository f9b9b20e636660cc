// What a socket's handshake and its join ask of the database, batched across
// the sockets asking at the same moment (./batched-lookup.ts): whose sign-in it
// is, which meeting a session belongs to, and what the person may do there. One
// set per sidecar. Sign-ins and rights are asked afresh every time; a session's
// meeting never changes, so that answer is kept for a minute: a plenary's
// thousands of joins ask it once.
import { LRUCache } from "lru-cache";
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
  // Kept a minute: long enough for a join storm, short enough that a deleted session is soon refused.
  const knownSessions = new LRUCache<string, { id: string; meetingId: string }>({ max: 10_000, ttl: 60_000 });
  // One lookup per meeting: a batch asks about many people in one meeting.
  const rightsByMeeting = new Map<string, BatchedLookup<string, MeetingRights>>();
  return {
    signIn: async (loginSessionId) => (await signIns.load(loginSessionId)) ?? null,
    qaSession: async (sessionId) => {
      const known = knownSessions.get(sessionId);
      if (known) return known;
      const session = await sessions.load(sessionId);
      if (session) knownSessions.set(sessionId, session);
      return session ?? null;
    },
    rights: async (userId, meetingId) => {
      let lookup = rightsByMeeting.get(meetingId);
      if (!lookup) rightsByMeeting.set(meetingId, (lookup = new BatchedLookup((userIds: string[]) => getMeetingRightsOfMany(userIds, meetingId))));
      return (await lookup.load(userId)) ?? { canParticipate: false, canModerate: false };
    },
  };
}
