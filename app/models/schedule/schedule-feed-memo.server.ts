// A person's calendar feed, remembered per token in the web process: calendar
// apps poll, most polls end in a 304, and the 304 needs only whose token it is,
// for which meeting, and which sessions are in that person's schedule.
//
// Fresh by invalidation, not by a TTL: triggers on "ScheduleItem" and
// "CalendarFeed" NOTIFY "calendar_feed_changed" with the person's id when the
// change commits (prisma/migrations/…_personal_feed_notify), and the listener
// (scripts/schedule-feed-listener.ts, started by scripts/server.ts) forgets
// that person's feeds. A notice sent while nobody listens is lost, so the memo is trusted only while the listener is connected;
// when it is not (dropped, not started, tests, development) every read goes to
// the database as before. The generation counter moves on every notice and on
// every change of the listener's state, so a read that began before one cannot
// store what it read after it.
import { LRUCache } from "lru-cache";
import { findScheduleFeed, type ScheduleFeed } from "./calendar-feed.server";

export const CALENDAR_FEED_CHANGED_CHANNEL = "calendar_feed_changed";

/** What is remembered of a feed: the meeting only by id and slug, as its details come from the feeds' own meeting lookup. */
export type RememberedScheduleFeed = { userId: string; meetingId: string; meetingSlug: string; sessionIds: string[] };

// Only tokens that open a feed are remembered, so a crawler guessing tokens
// cannot grow it; unknown tokens go to the database every time.
const byToken = new LRUCache<string, RememberedScheduleFeed>({
  max: 50_000,
  dispose: (feed, token) => forgetIndexed(feed.userId, token),
});
/** A person's remembered tokens (one per meeting they subscribed to), to forget on their notice. */
const tokensByUser = new Map<string, Set<string>>();

let listening = false;
let generation = 0;
let lastNotice: string | null = null;

function forgetIndexed(userId: string, token: string) {
  const tokens = tokensByUser.get(userId);
  if (!tokens) return;
  tokens.delete(token);
  if (tokens.size === 0) tokensByUser.delete(userId);
}

/**
 * The feed a token opens: from memory when the listener vouches for it, else
 * from the database (and remembered if nothing changed meanwhile). Null for an
 * unknown or malformed token.
 */
export async function findRememberedScheduleFeed(token: string): Promise<RememberedScheduleFeed | null> {
  if (listening) {
    const hit = byToken.get(token);
    if (hit) return hit;
  }
  const feed = await readScheduleFeed(token);
  return feed && remembered(feed);
}

/**
 * The feed read from the database: for a remembered feed whose meeting the
 * feeds' lookup no longer finds under its slug (renamed), and on every miss.
 */
export async function readScheduleFeed(token: string): Promise<ScheduleFeed | null> {
  const startedAt = generation;
  const feed = await findScheduleFeed(token);
  if (feed && listening && generation === startedAt) {
    const entry = remembered(feed);
    byToken.set(token, entry);
    let tokens = tokensByUser.get(entry.userId);
    if (!tokens) tokensByUser.set(entry.userId, (tokens = new Set()));
    tokens.add(token);
  }
  return feed;
}

function remembered({ userId, meeting, sessionIds }: ScheduleFeed): RememberedScheduleFeed {
  return { userId, meetingId: meeting.id, meetingSlug: meeting.slug, sessionIds };
}

/** A "calendar_feed_changed" notice: the person's schedule or feed changed, so their remembered feeds are forgotten. */
export function scheduleFeedChanged(userId: string) {
  generation++;
  lastNotice = userId;
  const tokens = tokensByUser.get(userId);
  if (!tokens) return;
  for (const token of [...tokens]) byToken.delete(token);
}

/** The listener connected (true) or lost its connection (false): either way what was remembered may have missed notices. */
export function scheduleFeedListening(connected: boolean) {
  generation++;
  listening = connected;
  byToken.clear();
}

/** For tests: the last notice's payload, to know that every notice sent before one of their own has arrived. */
export function lastScheduleFeedNotice(): string | null {
  return lastNotice;
}

/** For tests: how many feeds are remembered. */
export function rememberedScheduleFeedCount(): number {
  return byToken.size;
}
