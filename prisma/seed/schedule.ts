// Turns a meeting's plan (tracks, rooms, a time grid, hand-placed highlights and
// per-track lists of sessions) into concrete sessions: times in UTC from local
// times in the meeting's zone, a room that is free, and speakers who are not
// already on stage elsewhere at that hour.
import { TZDate } from "@date-fns/tz";
import {
  type MeetingFormat,
  type RoomKind,
  SessionKind,
  SessionStatus,
  SpeakerRole,
  TrackAudience,
} from "../../app/generated/prisma/enums";
import type { Random } from "./random";
import { createSlugger } from "./slugs";
import type { SpeakerSeed } from "./speakers";

export type TrackSeed = { slug: string; name: string; description: string; colour: string; audience: TrackAudience };
export type RoomSeed = { name: string; kind: RoomKind; capacity: number | null };
export type LearningLevel = 100 | 200 | 300;

/** Speakers named in advance, by slug; the rest of the panel is drawn from the track's faculty. */
export type People = { moderator?: string; speakers?: string[]; panelists?: string[] };

export type SessionEntry = {
  title: string;
  /** A lower-case noun phrase the generated description is built around. */
  topic?: string;
  /** Overrides the generated description. */
  description?: string;
  kind?: SessionKind;
  track?: string | null;
  level?: LearningLevel;
  capacity?: number;
  /** Slug of the partner society co-hosting the session. */
  joint?: string;
  cancelled?: boolean;
  people?: People;
  /** Speakers or panelists besides the moderator; the default depends on the kind. */
  speakerCount?: number;
  /** Countries whose faculty take half of the open seats (joint sessions with partner societies). */
  preferCountries?: string[];
};

/** "HH:mm" in the meeting's zone. */
export type LocalTime = `${number}:${number}`;
export type Slot = readonly [start: LocalTime, end: LocalTime];
export type PlacedEntry = SessionEntry & { day: number; start: LocalTime; end: LocalTime; room: string };
/** Rooms that share one list of sessions, spread evenly over the free slots of those rooms. */
export type RoomGroup = { rooms: string[]; entries: SessionEntry[] };

export type MeetingPlan = {
  slug: string;
  name: string;
  society: string;
  /** First and last day, "YYYY-MM-DD" in the meeting's zone. */
  startsOn: string;
  endsOn: string;
  timeZone: string;
  format: MeetingFormat;
  venue: string | null;
  city: string | null;
  description: string;
  tracks: TrackSeed[];
  rooms: RoomSeed[];
  /** The grid of regular slots, one list per day. */
  slots: Slot[][];
  placed: PlacedEntry[];
  groups: RoomGroup[];
  speakers: SpeakerSeed[];
  usesLearningLevels: boolean;
  isRecorded: (session: { kind: SessionKind; room: string }) => boolean;
  random: Random;
};

export type SessionSpeakerSeed = { speaker: string; role: SpeakerRole; position: number };

export type SessionSeed = {
  slug: string;
  title: string;
  description: string;
  kind: SessionKind;
  learningLevel: number | null;
  startsAt: Date;
  endsAt: Date;
  room: string;
  track: string | null;
  jointSociety: string | null;
  streamUrl: string | null;
  recordingUrl: string | null;
  capacity: number | null;
  status: SessionStatus;
  speakers: SessionSpeakerSeed[];
};

export type MeetingSeed = Omit<MeetingPlan, "slots" | "placed" | "groups" | "usesLearningLevels" | "isRecorded" | "random"> & {
  sessions: SessionSeed[];
};

/** The instant of a local wall-clock time on day `day` (0-based) of a meeting starting on `startsOn`. */
export function localInstant(startsOn: string, day: number, time: LocalTime, timeZone: string): Date {
  const [year, month, date] = startsOn.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const calendarDay = new Date(Date.UTC(year, month - 1, date + day));
  const local = new TZDate(calendarDay.getUTCFullYear(), calendarDay.getUTCMonth(), calendarDay.getUTCDate(), hours, minutes, timeZone);
  return new Date(local.getTime());
}

type Interval = { startsAt: Date; endsAt: Date };
const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

const panelTitle = /debate|panel|forum|tumou?r board|versus|\bvs\.?\b|controvers|ask the|meet the|mixer|networking|reception/i;

function describe(entry: SessionEntry, kind: SessionKind, audience: TrackAudience | undefined, capacity: number | null, virtual: boolean, random: Random): string {
  if (entry.description) return entry.description;
  const topic = entry.topic ?? entry.title.toLowerCase();
  if (audience === TrackAudience.MEDICAL_STUDENTS && kind !== SessionKind.WORKSHOP)
    return `Designed for medical students: ${topic}. Faculty and current IR trainees share what they wish they had known, with plenty of time for questions.`;
  if (audience === TrackAudience.RESIDENTS_FELLOWS && kind !== SessionKind.WORKSHOP && kind !== SessionKind.ABSTRACT_SESSION)
    return `For residents and fellows in training: ${topic}, taught by faculty who supervise trainees every day.`;
  switch (kind) {
    case SessionKind.ABSTRACT_SESSION:
      return `Oral presentations of the highest-scored abstracts on ${topic}, each followed by moderated discussion.`;
    case SessionKind.WORKSHOP:
      return virtual
        ? `An interactive virtual workshop on ${topic}: faculty demonstrate each step on simulators, then coach participants in small breakout rooms. Limited to ${capacity} participants; registration required.`
        : `Hands-on, small-group training in ${topic} with faculty at every station. Limited to ${capacity} participants; registration required.`;
    case SessionKind.WEBINAR:
      return `A live webinar on ${topic}: a short faculty overview followed by open questions from the audience.`;
    case SessionKind.SOCIAL:
      return `An informal get-together around ${topic}. All registrants are welcome.`;
    default:
      if (panelTitle.test(entry.title)) return `Panelists debate ${topic}, weigh the latest data and take questions from the audience.`;
      return random.pick([
        `Faculty review the current evidence on ${topic} and walk through technique, patient selection and complication management with illustrative cases.`,
        `A case-based session on ${topic}: indications, technical pearls and follow-up, closing with audience questions.`,
        `Experts summarize what changed in ${topic} over the past year and how recent data should shape everyday practice.`,
        `Practical guidance on ${topic}, from work-up and consent through the procedure to aftercare.`,
      ]);
  }
}

function defaultSpeakerCount(kind: SessionKind, random: Random): number {
  switch (kind) {
    case SessionKind.PLENARY:
      return random.int(3, 4);
    case SessionKind.NAMED_LECTURE:
      return 1;
    case SessionKind.ABSTRACT_SESSION:
      return random.int(4, 5);
    case SessionKind.WORKSHOP:
    case SessionKind.WEBINAR:
      return random.int(2, 3);
    case SessionKind.SOCIAL:
      return random.int(1, 2);
    default:
      return random.int(3, 5);
  }
}

type Draft = { entry: SessionEntry; kind: SessionKind; startsAt: Date; endsAt: Date; room: string };

/** Places every grouped entry in a free slot of its rooms, spreading each track over the days. */
function placeGroups(plan: MeetingPlan, drafts: Draft[]) {
  for (const group of plan.groups) {
    const cells: { startsAt: Date; endsAt: Date; room: string }[] = [];
    plan.slots.forEach((slots, day) => {
      for (const [start, end] of slots) {
        const cell = { startsAt: localInstant(plan.startsOn, day, start, plan.timeZone), endsAt: localInstant(plan.startsOn, day, end, plan.timeZone) };
        for (const room of group.rooms) {
          if (!drafts.some((draft) => draft.room === room && overlaps(draft, cell))) cells.push({ ...cell, room });
        }
      }
    });
    const count = group.entries.length;
    if (count > cells.length) throw new Error(`${plan.slug}: ${count} sessions do not fit in ${cells.length} free slots of ${group.rooms.join(", ")}`);

    // One queue per track, in the order written; each cell takes the next session of the
    // track with the most left that is not already running at that hour.
    const queues = new Map<string, SessionEntry[]>();
    for (const entry of group.entries) {
      const key = entry.track ?? "";
      queues.set(key, [...(queues.get(key) ?? []), entry]);
    }
    for (let i = 0; i < count; i++) {
      const cell = cells[Math.floor((i * cells.length) / count)]!;
      const running = new Set(drafts.filter((draft) => overlaps(draft, cell)).map((draft) => draft.entry.track ?? ""));
      let best: [string, SessionEntry[]] | undefined;
      for (const queue of queues) {
        if (!queue[1].length) continue;
        if (!best) best = queue;
        const bestIdle = !running.has(best[0]);
        const idle = !running.has(queue[0]);
        if ((idle && !bestIdle) || (idle === bestIdle && queue[1].length > best[1].length)) best = queue;
      }
      const entry = best![1].shift()!;
      drafts.push({ entry, kind: entry.kind ?? SessionKind.SCIENTIFIC_SESSION, ...cell });
    }
  }
}

export function buildMeeting(plan: MeetingPlan): MeetingSeed {
  const { random } = plan;
  const roomNames = new Set(plan.rooms.map((room) => room.name));
  const tracks = new Map(plan.tracks.map((track) => [track.slug, track]));
  const speakersBySlug = new Map(plan.speakers.map((speaker) => [speaker.slug, speaker]));

  const drafts: Draft[] = plan.placed.map((entry) => ({
    entry,
    kind: entry.kind ?? SessionKind.SCIENTIFIC_SESSION,
    startsAt: localInstant(plan.startsOn, entry.day, entry.start, plan.timeZone),
    endsAt: localInstant(plan.startsOn, entry.day, entry.end, plan.timeZone),
    room: entry.room,
  }));
  drafts.forEach((draft, i) => {
    if (drafts.slice(0, i).some((other) => other.room === draft.room && overlaps(other, draft)))
      throw new Error(`${plan.slug}: "${draft.entry.title}" double-books ${draft.room}`);
  });
  placeGroups(plan, drafts);

  const roomOrder = new Map(plan.rooms.map((room, i) => [room.name, i]));
  drafts.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || roomOrder.get(a.room)! - roomOrder.get(b.room)!);

  const slugFor = createSlugger();
  const levelCounters = new Map<string, number>();
  const levels: LearningLevel[] = [100, 200, 300];
  const virtual = plan.format === "VIRTUAL";

  const sessions: SessionSeed[] = drafts.map(({ entry, kind, startsAt, endsAt, room }) => {
    if (!roomNames.has(room)) throw new Error(`${plan.slug}: unknown room ${room}`);
    const track = entry.track ? tracks.get(entry.track) : undefined;
    if (entry.track && !track) throw new Error(`${plan.slug}: unknown track ${entry.track}`);
    const slug = slugFor(entry.title);
    const capacity = kind === SessionKind.WORKSHOP ? (entry.capacity ?? random.pick([24, 28, 30, 32, 36, 40])) : (entry.capacity ?? null);
    let learningLevel: number | null = null;
    if (plan.usesLearningLevels && kind !== SessionKind.SOCIAL) {
      const key = entry.track ?? "";
      const n = levelCounters.get(key) ?? 0;
      levelCounters.set(key, n + 1);
      learningLevel = entry.level ?? levels[n % 3]!;
    }
    const cancelled = entry.cancelled ?? false;
    return {
      slug,
      title: entry.title,
      description: describe(entry, kind, track?.audience, capacity, virtual, random),
      kind,
      learningLevel,
      startsAt,
      endsAt,
      room,
      track: entry.track ?? null,
      jointSociety: entry.joint ?? null,
      streamUrl: virtual ? `https://stream.example.org/${plan.slug}/${slug}` : null,
      recordingUrl: !cancelled && plan.isRecorded({ kind, room }) ? `https://recordings.example.org/${plan.slug}/${slug}` : null,
      capacity,
      status: cancelled ? SessionStatus.CANCELLED : SessionStatus.SCHEDULED,
      speakers: [],
    };
  });

  assignSpeakers(plan, drafts, sessions, tracks, speakersBySlug);

  const { slots: _slots, placed: _placed, groups: _groups, usesLearningLevels: _levels, isRecorded: _recorded, random: _random, ...meeting } = plan;
  return { ...meeting, sessions };
}

function assignSpeakers(
  plan: MeetingPlan,
  drafts: Draft[],
  sessions: SessionSeed[],
  tracks: Map<string, TrackSeed>,
  speakersBySlug: Map<string, SpeakerSeed>,
) {
  const { random } = plan;
  const busy = new Map<string, Interval[]>();
  const usage = new Map<string, number>();
  const faculty = plan.speakers.filter((s) => s.kind === "faculty");
  const trainees = plan.speakers.filter((s) => s.kind === "resident" || s.kind === "fellow");
  const students = plan.speakers.filter((s) => s.kind === "student");

  const isFree = (slug: string, when: Interval) => !(busy.get(slug) ?? []).some((other) => overlaps(other, when));
  const book = (slug: string, when: Interval) => {
    busy.set(slug, [...(busy.get(slug) ?? []), when]);
    usage.set(slug, (usage.get(slug) ?? 0) + 1);
  };

  /** The least-used free people, from the first pool that has them. */
  const draw = (count: number, pools: SpeakerSeed[][], when: Interval, taken: Set<string>) => {
    const chosen: string[] = [];
    for (const pool of pools) {
      const candidates = pool
        .filter((s) => !taken.has(s.slug) && isFree(s.slug, when))
        .map((s) => ({ slug: s.slug, rank: (usage.get(s.slug) ?? 0) + random.next() * 0.9 }))
        .sort((a, b) => a.rank - b.rank);
      for (const { slug } of candidates) {
        if (chosen.length === count) return chosen;
        chosen.push(slug);
        taken.add(slug);
      }
    }
    if (chosen.length < count) throw new Error(`${plan.slug}: not enough free speakers at ${when.startsAt.toISOString()}`);
    return chosen;
  };

  // Sessions with named people first, so that the honourees are free for them.
  const order = sessions.map((_, i) => i).sort((a, b) => Number(!drafts[a]!.entry.people) - Number(!drafts[b]!.entry.people) || a - b);
  for (const i of order) {
    const { entry, kind } = drafts[i]!;
    const session = sessions[i]!;
    const when = { startsAt: session.startsAt, endsAt: session.endsAt };
    const people = entry.people ?? {};
    const taken = new Set<string>();
    const pinned = [people.moderator, ...(people.speakers ?? []), ...(people.panelists ?? [])].filter((slug): slug is string => !!slug);
    for (const slug of pinned) {
      if (!speakersBySlug.has(slug)) throw new Error(`${plan.slug}: unknown speaker ${slug} in "${entry.title}"`);
      if (!isFree(slug, when)) throw new Error(`${plan.slug}: ${slug} is double-booked by "${entry.title}"`);
      taken.add(slug);
    }

    const trackFaculty = entry.track ? faculty.filter((s) => s.tracks.includes(entry.track!)) : [];
    const facultyPools = [trackFaculty, faculty];
    const audience = entry.track ? tracks.get(entry.track)?.audience : undefined;
    const moderator = people.moderator ?? draw(1, facultyPools, when, taken)[0]!;

    const role = kind === SessionKind.WEBINAR || panelTitle.test(entry.title) ? SpeakerRole.PANELIST : SpeakerRole.SPEAKER;
    const named = [...(people.speakers ?? []).map((slug) => ({ slug, role: SpeakerRole.SPEAKER })), ...(people.panelists ?? []).map((slug) => ({ slug, role: SpeakerRole.PANELIST }))];
    let open = Math.max(0, (entry.speakerCount ?? defaultSpeakerCount(kind, random)) - named.length);
    const drawn: string[] = [];
    // Trainees speak where they belong: students in the student program, residents and
    // fellows in their own program and in abstract sessions.
    const traineeSeats = audience === TrackAudience.MEDICAL_STUDENTS ? 1 : audience === TrackAudience.RESIDENTS_FELLOWS ? 1 : kind === SessionKind.ABSTRACT_SESSION ? 2 : 0;
    if (traineeSeats && open > 1) {
      const pool = audience === TrackAudience.MEDICAL_STUDENTS ? students : trainees;
      const seats = Math.min(traineeSeats, open - 1);
      drawn.push(...draw(seats, [pool, faculty], when, taken));
      open -= seats;
    }
    // A joint session puts the partner's faculty on half of the open seats.
    const prefer = entry.preferCountries;
    if (prefer) {
      const partner = faculty.filter((s) => prefer.includes(s.country));
      const seats = Math.ceil(open / 2);
      drawn.unshift(...draw(seats, [partner.filter((s) => trackFaculty.includes(s)), partner, ...facultyPools], when, taken));
      open -= seats;
    }
    drawn.unshift(...draw(open, facultyPools, when, taken));

    session.speakers = [
      { speaker: moderator, role: SpeakerRole.MODERATOR, position: 0 },
      ...[...named, ...drawn.map((slug) => ({ slug, role }))].map(({ slug, role: speakerRole }, n) => ({ speaker: slug, role: speakerRole, position: n + 1 })),
    ];
    for (const { speaker } of session.speakers) book(speaker, when);
  }
}
