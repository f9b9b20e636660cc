// The calendar feeds and files, in one place for both ways they are served:
// the Remix resource routes (development, tests) and, in production, Express
// middleware in front of Remix (scripts/server.ts). Calendar apps poll, and a
// poll mostly ends in a 304: answered here it costs a key and a hash, not a
// trip through Remix's request handling.
//
// What each file depends on, and so its ETag, is decided by findCalendarFeed
// alone: the program version for the program, a track's and a session's files,
// and for a person's feed also whose token it is and which sessions they
// picked. A person's token is remembered only while the web process listens for
// changes to schedules and tokens (app/models/schedule/schedule-feed-memo.server.ts),
// so a replaced token still answers 404 at once.
import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { listProgramCalendarSessions, listScheduledCalendarSessions } from "~/models/program/calendar.server";
import { findRememberedScheduleFeed, readScheduleFeed } from "~/models/schedule/schedule-feed-memo.server";
import { fingerprint } from "~/models/schedule/schedule.server";
import { env } from "~/utils/env.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { logger } from "~/utils/logger.server";
import {
  answerAsResponse,
  answerCalendar,
  calendarConditions,
  calendarNotFoundAnswer,
  lookupCalendarMeeting,
  lookupCalendarSession,
  lookupCalendarTrack,
  renderCalendar,
  type CalendarAnswer,
  type CalendarConditions,
  type CalendarResponseOptions,
} from "./ical.server";

/** Which file: the parameters of the feed routes, decoded. `file` is a personal feed's last segment, "<token>.ics". */
export type CalendarFeedAddress =
  | { kind: "program"; meeting: string }
  | { kind: "track"; meeting: string; track: string }
  | { kind: "session"; meeting: string; session: string }
  | { kind: "personal"; file: string };

const NO_MEETING = "There is no meeting at this address.";
const NO_PERSONAL_FEED = "This calendar address is unknown or has been replaced. Copy the current one from My schedule.";

/** What the file at `address` is made of and keyed by, or the sentence of its 404. */
export async function findCalendarFeed(address: CalendarFeedAddress, now = new Date()): Promise<CalendarResponseOptions | { notFound: string }> {
  if (address.kind === "personal") return findPersonalFeed(address.file, now);
  const meeting = await lookupCalendarMeeting(address.meeting);
  if (!meeting) return { notFound: NO_MEETING };
  const withCancelled = now < meeting.spanEnd;

  if (address.kind === "program") {
    return {
      key: ["program", meeting.id, meeting.programVersion, withCancelled, env.APP_ORIGIN],
      filename: `${meeting.slug}.ics`,
      personal: false,
      render: async () =>
        renderCalendar({
          name: meeting.name,
          description: `The program of ${meeting.name}.`,
          meeting,
          sessions: await listProgramCalendarSessions(meeting.id, { withCancelled }),
          origin: env.APP_ORIGIN,
          url: absoluteUrl(href.agendaCalendar(meeting)),
        }),
    };
  }

  if (address.kind === "track") {
    const track = await lookupCalendarTrack(meeting.id, address.track);
    if (!track) return { notFound: `${meeting.name} has no track at this address.` };
    return {
      key: ["track", meeting.id, meeting.programVersion, track.slug, withCancelled, env.APP_ORIGIN],
      filename: `${meeting.slug}-${track.slug}.ics`,
      personal: false,
      render: async () =>
        renderCalendar({
          name: `${track.name} · ${meeting.name}`,
          description: `The ${track.name} sessions of ${meeting.name}.`,
          meeting,
          sessions: await listProgramCalendarSessions(meeting.id, { trackId: track.id, withCancelled }),
          origin: env.APP_ORIGIN,
          url: absoluteUrl(href.trackCalendar(meeting, track)),
        }),
    };
  }

  // One session, for "Add to Apple Calendar or Outlook" on its page. Same UID as in every feed.
  const session = await lookupCalendarSession(meeting.id, address.session);
  if (!session) return { notFound: `${meeting.name} has no session at this address.` };
  return {
    key: ["session", meeting.id, meeting.programVersion, session.id, session.sequence, env.APP_ORIGIN],
    filename: `${session.slug}.ics`,
    personal: false,
    render: async () => renderCalendar({ name: session.title, meeting, sessions: [session], origin: env.APP_ORIGIN }),
  };
}

/**
 * A person's own schedule: the token is the only key (calendar apps cannot
 * sign in), so an unknown, replaced or malformed one is a plain 404 that
 * reveals nothing.
 */
async function findPersonalFeed(file: string, now: Date): Promise<CalendarResponseOptions | { notFound: string }> {
  if (!file.endsWith(".ics")) return { notFound: NO_PERSONAL_FEED };
  const token = file.slice(0, -".ics".length);
  const feed = await findRememberedScheduleFeed(token);
  if (!feed) return { notFound: NO_PERSONAL_FEED };
  const { userId, sessionIds } = feed;
  // The meeting's details and program version as the public feeds see them.
  let meeting = await lookupCalendarMeeting(feed.meetingSlug);
  if (meeting?.id !== feed.meetingId) {
    // Its slug changed since the feed was remembered: read it again (which remembers the new slug).
    const current = await readScheduleFeed(token);
    meeting = current && (await lookupCalendarMeeting(current.meeting.slug));
    if (!current || meeting?.id !== current.meeting.id) return { notFound: NO_PERSONAL_FEED };
  }
  // The meeting's end as the lookup keeps it: working it out in the meeting's time zone at every request cost more than the rest of a 304.
  const withCancelled = now < meeting.spanEnd;
  return {
    key: ["schedule", meeting.id, meeting.programVersion, userId, fingerprint(sessionIds), withCancelled, env.APP_ORIGIN],
    filename: `${meeting.slug}-my-schedule.ics`,
    personal: true,
    render: async () =>
      renderCalendar({
        name: `My schedule · ${meeting.name}`,
        description: `The sessions you picked at ${meeting.name}.`,
        meeting,
        sessions: await listScheduledCalendarSessions(meeting.id, sessionIds, { withCancelled }),
        origin: env.APP_ORIGIN,
      }),
  };
}

export async function answerCalendarFeed(address: CalendarFeedAddress, conditions: CalendarConditions): Promise<CalendarAnswer> {
  const feed = await findCalendarFeed(address);
  return "notFound" in feed ? calendarNotFoundAnswer(feed.notFound) : answerCalendar(conditions, feed);
}

/** The feed routes' loaders. */
export async function calendarFeedResponse(request: Request, address: CalendarFeedAddress): Promise<Response> {
  return answerAsResponse(await answerCalendarFeed(address, calendarConditions(request)));
}

// The feed routes' addresses as Express sees them, after scripts/server.ts has
// rewritten /tracks/:t.ics and /sessions/:s.ics to their …/calendar.ics form.
// Anything else (a trailing slash, other letter case, a .data request) goes on
// to Remix, which answers it as before.
const FEED_PATHS: [RegExp, (segments: string[]) => CalendarFeedAddress][] = [
  [/^\/meetings\/([^/]+)\/agenda\.ics$/, ([meeting]) => ({ kind: "program", meeting: meeting! })],
  [/^\/meetings\/([^/]+)\/tracks\/([^/]+)\/calendar\.ics$/, ([meeting, track]) => ({ kind: "track", meeting: meeting!, track: track! })],
  [/^\/meetings\/([^/]+)\/sessions\/([^/]+)\/calendar\.ics$/, ([meeting, session]) => ({ kind: "session", meeting: meeting!, session: session! })],
  [/^\/calendar\/([^/]+)$/, ([file]) => ({ kind: "personal", file: file! })],
];

/** The feed a URL path names, with its parameters decoded as Remix decodes them; null for any other path. */
export function calendarFeedAddress(pathname: string): CalendarFeedAddress | null {
  for (const [pattern, address] of FEED_PATHS) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    try {
      return address(match.slice(1).map((segment) => decodeURIComponent(segment)));
    } catch {
      return null; // a broken %-escape: Remix answers it
    }
  }
  return null;
}

/** Express middleware answering GET and HEAD for every calendar feed and file before Remix. */
export function serveCalendarFeeds(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const url = req.url;
    const queryStart = url.indexOf("?");
    const address = calendarFeedAddress(queryStart === -1 ? url : url.slice(0, queryStart));
    if (!address) return next();
    const { headers } = req;
    answerCalendarFeed(address, {
      ifNoneMatch: headers["if-none-match"] ?? null,
      ifModifiedSince: headers["if-modified-since"] ?? null,
      acceptEncoding: headers["accept-encoding"] ?? null,
    }).then(
      (answer) => sendAnswer(res, answer),
      (error: unknown) => {
        // Remix answers it as it would have, error page included.
        logger.warn({ err: error }, "calendar feeds: could not answer before Remix");
        next();
      },
    );
  };
}

function sendAnswer(res: ServerResponse, { status, headers, body }: CalendarAnswer) {
  if (body === null) {
    res.writeHead(status, headers);
    return void res.end();
  }
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, "Content-Length": bytes.byteLength });
  res.end(bytes);
}
