// The program's vocabulary, shared by the models (which query by it) and the
// pages (which label and link by it): how session kinds, audiences, levels and
// roles are written in URLs and shown to people, and how the public query
// strings are read. Pure: the browser bundle imports it too.
import { z } from "zod";
import { type RoomKind, SessionKind, type SessionStatus, SpeakerRole, TrackAudience } from "~/generated/prisma/enums";
import { isDayKey, type DayKey } from "~/utils/time";

/** URL value → enum; URLs use lower-case words, the database upper-case enums. */
export const KIND_PARAMS = {
  plenary: SessionKind.PLENARY,
  "named-lecture": SessionKind.NAMED_LECTURE,
  "scientific-session": SessionKind.SCIENTIFIC_SESSION,
  "abstract-session": SessionKind.ABSTRACT_SESSION,
  workshop: SessionKind.WORKSHOP,
  webinar: SessionKind.WEBINAR,
  social: SessionKind.SOCIAL,
} as const satisfies Record<string, SessionKind>;
export type KindParam = keyof typeof KIND_PARAMS;

export const KIND_LABELS: Record<SessionKind, string> = {
  PLENARY: "Plenary",
  NAMED_LECTURE: "Named lecture",
  SCIENTIFIC_SESSION: "Scientific session",
  ABSTRACT_SESSION: "Abstract session",
  WORKSHOP: "Hands-on workshop",
  WEBINAR: "Webinar",
  SOCIAL: "Social event",
};

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = { SCHEDULED: "Scheduled", CANCELLED: "Cancelled" };

export const ROOM_KIND_LABELS: Record<RoomKind, string> = { ROOM: "Room", VIRTUAL_CHANNEL: "Virtual channel" };

export const AUDIENCE_PARAMS = {
  everyone: TrackAudience.EVERYONE,
  "medical-students": TrackAudience.MEDICAL_STUDENTS,
  residents: TrackAudience.RESIDENTS_FELLOWS,
} as const satisfies Record<string, TrackAudience>;
export type AudienceParam = keyof typeof AUDIENCE_PARAMS;

export const AUDIENCE_LABELS: Record<TrackAudience, string> = {
  EVERYONE: "Everyone",
  MEDICAL_STUDENTS: "Medical students",
  RESIDENTS_FELLOWS: "Residents and fellows",
};

export const LEVELS = [100, 200, 300] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  100: "Level 100 · foundational",
  200: "Level 200 · intermediate",
  300: "Level 300 · advanced",
};

/** Speakers are listed in this order on a session: who chairs, who talks, who discusses. */
export const ROLE_ORDER: SpeakerRole[] = [SpeakerRole.MODERATOR, SpeakerRole.SPEAKER, SpeakerRole.PANELIST];

export const ROLE_LABELS: Record<SpeakerRole, { one: string; many: string }> = {
  MODERATOR: { one: "Moderator", many: "Moderators" },
  SPEAKER: { one: "Speaker", many: "Speakers" },
  PANELIST: { one: "Panelist", many: "Panelists" },
};

export const SEARCH_MAX_LENGTH = 200;

// One schema per parameter, so one bad value is dropped with a note while the
// others still apply.
const agendaParamSchemas = {
  day: z.string().refine(isDayKey, "is not a date like 2023-03-06"),
  track: z.string().max(100, "is too long").regex(/^[a-z0-9-]+$/, "is not a track"),
  audience: z.enum(Object.keys(AUDIENCE_PARAMS) as [AudienceParam, ...AudienceParam[]], { message: "is not an audience" }),
  kind: z.enum(Object.keys(KIND_PARAMS) as [KindParam, ...KindParam[]], { message: "is not a kind of session" }),
  level: z.enum(["100", "200", "300"], { message: "is not a learning level (100, 200 or 300)" }).transform((level) => Number(level) as Level),
  q: z.string().trim().max(SEARCH_MAX_LENGTH, `is longer than ${SEARCH_MAX_LENGTH} characters`),
  cme: z.literal("1", { message: "is not 1 (sessions with CME credit)" }),
};

export type AgendaQuery = {
  day?: DayKey;
  track?: string;
  audience?: AudienceParam;
  kind?: KindParam;
  level?: Level;
  q?: string;
  /** Only sessions accredited for CME credit. */
  cme?: "1";
};

/** A query parameter that was not applied, and why, to show on the page. */
export type IgnoredParam = { name: string; value: string; reason: string };

/** What a person would recognise of a long or odd value. */
function shown(value: string) {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/**
 * Reads the agenda's query string. Malformed or unknown values are never an
 * error page: they are left out and listed, so the page can say what it ignored.
 * `days` and `trackSlugs` are the meeting's own, so a well-formed but foreign
 * value (a day outside the meeting, a track of another meeting) is ignored too.
 */
export function parseAgendaQuery(
  searchParams: URLSearchParams,
  meeting: { days: DayKey[]; trackSlugs: string[] },
): { query: AgendaQuery; ignored: IgnoredParam[] } {
  const query: AgendaQuery = {};
  const ignored: IgnoredParam[] = [];
  for (const name of Object.keys(agendaParamSchemas) as (keyof typeof agendaParamSchemas)[]) {
    const value = searchParams.get(name);
    if (value === null || value.trim() === "") continue;
    const parsed = agendaParamSchemas[name].safeParse(value);
    if (!parsed.success) {
      ignored.push({ name, value: shown(value), reason: parsed.error.issues[0]?.message ?? "is not valid" });
      continue;
    }
    if (name === "day" && !meeting.days.includes(parsed.data as DayKey)) {
      ignored.push({ name, value: shown(value), reason: "is not a day of this meeting" });
      continue;
    }
    if (name === "track" && !meeting.trackSlugs.includes(parsed.data as string)) {
      ignored.push({ name, value: shown(value), reason: "is not a track of this meeting" });
      continue;
    }
    (query as Record<string, unknown>)[name] = parsed.data;
  }
  return { query, ignored };
}

const speakerParamSchemas = {
  country: z.string().trim().max(80, "is too long"),
  q: z.string().trim().max(100, "is longer than 100 characters"),
};

export type SpeakerQuery = { country?: string; q?: string };

/** Reads the speaker directory's query string the same forgiving way as the agenda's. */
export function parseSpeakerQuery(searchParams: URLSearchParams, countries: string[]): { query: SpeakerQuery; ignored: IgnoredParam[] } {
  const query: SpeakerQuery = {};
  const ignored: IgnoredParam[] = [];
  for (const name of ["country", "q"] as const) {
    const value = searchParams.get(name);
    if (value === null || value.trim() === "") continue;
    const parsed = speakerParamSchemas[name].safeParse(value);
    if (!parsed.success) {
      ignored.push({ name, value: shown(value), reason: parsed.error.issues[0]?.message ?? "is not valid" });
    } else if (name === "country" && !countries.includes(parsed.data)) {
      ignored.push({ name, value: shown(value), reason: "is not a country of this meeting's speakers" });
    } else {
      query[name] = parsed.data;
    }
  }
  return { query, ignored };
}
