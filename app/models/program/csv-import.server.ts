// The program as a spreadsheet: one row per session, the columns documented in
// docs/program-import.md (example: docs/program-import-example.csv). Importing
// is two steps: a dry run that lists every session it would add or change,
// every row error with its line number and every clash the rows would create
// (the console's own check, clashes.ts), writing nothing; then the import
// itself, which re-checks the file against the draft as it is then and writes
// all of it to the draft in one transaction, or nothing. Rows are matched to
// sessions by slug (derived from the title when the column is empty), so
// importing the same file twice adds nothing the second time.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { type Refusal, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { type Actor } from "../meetings/audit.server";
import { changeDraft, getDraft } from "./draft.server";
import { type Clash, findClashes, newClashes } from "./clashes";
import { KIND_PARAMS, LEVELS } from "./program";
import { presentationProblem, shiftPresentations } from "./presentations";
import { type DraftSession, newDraftSession, type ProgramDocument, SLUG_PATTERN, slugify, stableJson, wallClock, zonedInstant } from "./document";
import { daysBetween } from "~/utils/time";
import { formatCredits, sessionMinutes } from "../cme/credit";
import { readSessionCredit } from "../cme/designation";

export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_CSV_ROWS = 5000;

export const CSV_COLUMNS = [
  "slug",
  "title",
  "day",
  "start",
  "end",
  "room",
  "track",
  "kind",
  "level",
  "status",
  "capacity",
  "joint_society",
  "stream_url",
  "recording_url",
  "cme",
  "credit",
  "sa_cme",
  "moderators",
  "speakers",
  "panelists",
  "description",
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: Column[] = ["title", "day", "start", "end"];
const ROLE_COLUMNS = { moderators: "MODERATOR", speakers: "SPEAKER", panelists: "PANELIST" } as const;

export type RowError = { line: number; message: string };
export type PlannedSession = { line: number; slug: string; title: string };
export type ImportPlan = {
  adds: PlannedSession[];
  updates: (PlannedSession & { fields: string[] })[];
  unchanged: number;
  errors: RowError[];
  rows: number;
};

export type ImportContext = {
  document: ProgramDocument;
  meeting: { timeZone: string; startsOn: Date; endsOn: Date };
  /** Partner societies by slug and by short name (lower-case) → slug. */
  societies: Map<string, string>;
};

/** Bytes of the text as UTF-8: the limit is on what was uploaded, not on characters. */
export function csvTooLarge(text: string): boolean {
  return Buffer.byteLength(text, "utf8") > MAX_CSV_BYTES;
}

const TIME_24 = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const TIME_12 = /^(1[0-2]|0?[1-9]):([0-5]\d)\s*([ap])\.?m\.?$/i;

/** "08:30", "8:30", "8:30 AM", "1:15 pm" → "08:30" / "13:15"; null when it is not a time. */
export function readTime(value: string): string | null {
  const h24 = TIME_24.exec(value);
  if (h24) return `${h24[1]!.padStart(2, "0")}:${h24[2]}`;
  const h12 = TIME_12.exec(value);
  if (!h12) return null;
  const hours = (Number(h12[1]) % 12) + (h12[3]!.toLowerCase() === "p" ? 12 : 0);
  return `${String(hours).padStart(2, "0")}:${h12[2]}`;
}

const KIND_BY_WORD = new Map<string, DraftSession["kind"]>([
  ...Object.entries(KIND_PARAMS).map(([param, kind]) => [param, kind] as const),
  ...Object.values(KIND_PARAMS).map((kind) => [kind.toLowerCase().replace(/_/g, "-"), kind] as const),
]);

type ParsedFile = { records: { line: number; cells: Partial<Record<Column, string>> }[]; columns: Column[]; errors: RowError[] };

function parseFile(text: string): ParsedFile {
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase().replace(/[\s-]+/g, "_")),
      skip_empty_lines: true,
      trim: true,
      info: true,
      // One past the limit, so "too many rows" is told rather than silently cut.
      to: MAX_CSV_ROWS + 1,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    const reason = (error as Error).message.replace(/^Invalid Record Length: /, "").replace(/^Invalid Opening Quote: /, "");
    return { records: [], columns: [], errors: [{ line, message: `The file is not valid CSV here: ${reason}` }] };
  }
  if (parsed.length === 0) return { records: [], columns: [], errors: [{ line: 1, message: "The file has no rows under its header line." }] };
  const header = Object.keys(parsed[0]!.record);
  const unknown = header.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  const errors: RowError[] = [];
  if (unknown.length) errors.push({ line: 1, message: `Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. The columns are: ${CSV_COLUMNS.join(", ")}.` });
  if (missing.length) errors.push({ line: 1, message: `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.` });
  if (parsed.length > MAX_CSV_ROWS) errors.push({ line: 1, message: `The file has more than ${MAX_CSV_ROWS} rows. Split it into smaller files.` });
  if (errors.length) return { records: [], columns: [], errors };
  return {
    columns: header as Column[],
    records: parsed.map(({ record, info }) => ({ line: info.lines, cells: record as Partial<Record<Column, string>> })),
    errors: [],
  };
}

/**
 * Reads the file against the draft: the sessions it would add and change, and
 * every row's errors. `apply` is the draft the rows produce (only meaningful
 * when there are no errors).
 */
export function planProgramImport(text: string, context: ImportContext): ImportPlan & { result: ProgramDocument } {
  const file = parseFile(text);
  const plan: ImportPlan = { adds: [], updates: [], unchanged: 0, errors: [...file.errors], rows: file.records.length };
  const document = structuredClone(context.document);
  if (file.errors.length) return { ...plan, result: document };

  const { timeZone } = context.meeting;
  const days = daysBetween(context.meeting.startsOn, context.meeting.endsOn);
  const rooms = new Map(document.rooms.map((room) => [room.name.toLowerCase(), room.name]));
  const tracks = new Map(document.tracks.flatMap((track) => [[track.slug, track.slug] as const, [track.name.toLowerCase(), track.slug] as const]));
  const speakers = new Map(document.speakers.flatMap((speaker) => [[speaker.slug, speaker.slug] as const, [speaker.name.toLowerCase(), speaker.slug] as const]));
  const index = new Map(document.sessions.map((session, at) => [session.slug, at]));
  const seen = new Map<string, number>();
  const has = (column: Column) => file.columns.includes(column);

  for (const { line, cells } of file.records) {
    const problems: string[] = [];
    const cell = (column: Column) => (cells[column] ?? "").trim();
    const title = cell("title");
    const slug = cell("slug").toLowerCase() || slugify(title);
    if (!title) problems.push("title is empty");
    if (!slug || !SLUG_PATTERN.test(slug) || slug.length > 100) problems.push(`slug “${cell("slug")}” may hold only lower-case letters, digits and hyphens`);
    else if (seen.has(slug)) problems.push(`slug “${slug}” is also on line ${seen.get(slug)}; each session appears once`);
    else seen.set(slug, line);
    if (title.length > 300) problems.push("title is longer than 300 characters");

    const existing = index.has(slug) ? document.sessions[index.get(slug)!]! : undefined;
    const day = cell("day");
    const start = readTime(cell("start"));
    const end = readTime(cell("end"));
    if (!days.includes(day)) problems.push(day ? `day ${day} is not a day of the meeting (${days[0]} to ${days[days.length - 1]}, as YYYY-MM-DD)` : "day is empty");
    if (!start) problems.push(cell("start") ? `start “${cell("start")}” is not a time like 08:30 or 8:30 AM` : "start is empty");
    if (!end) problems.push(cell("end") ? `end “${cell("end")}” is not a time like 10:00 or 10:00 AM` : "end is empty");
    if (start && end && end <= start) problems.push(`end ${end} is not after start ${start}`);

    const session: DraftSession = existing ? structuredClone(existing) : newDraftSession(slug, title);
    session.title = title;
    if (start && end && days.includes(day)) {
      session.startsAt = zonedInstant(day, start, timeZone).toISOString();
      session.endsAt = zonedInstant(day, end, timeZone).toISOString();
    }
    // A session moved by the file takes its presentations along, as the session form does; they must still fit it.
    if (existing && existing.presentations.length) {
      const shift = new Date(session.startsAt).getTime() - new Date(existing.startsAt).getTime();
      session.presentations = shiftPresentations(existing.presentations, Number.isNaN(shift) ? 0 : shift);
      const talks = presentationProblem(session, new Set(document.speakers.map((speaker) => speaker.slug)));
      if (talks) problems.push(talks);
    }
    if (has("room")) {
      const room = cell("room");
      if (room && !rooms.has(room.toLowerCase())) problems.push(`room “${room}” is not one of the meeting's rooms (add it on the Rooms page first)`);
      session.room = room ? (rooms.get(room.toLowerCase()) ?? null) : null;
    }
    if (has("track")) {
      const track = cell("track");
      if (track && !tracks.has(track.toLowerCase())) problems.push(`track “${track}” is not one of the meeting's tracks (use its slug or name)`);
      session.track = track ? (tracks.get(track.toLowerCase()) ?? null) : null;
    }
    if (has("kind") && cell("kind")) {
      const kind = KIND_BY_WORD.get(cell("kind").toLowerCase().replace(/[\s_]+/g, "-"));
      if (!kind) problems.push(`kind “${cell("kind")}” is not one of: ${Object.keys(KIND_PARAMS).join(", ")}`);
      else session.kind = kind;
    }
    if (has("level")) {
      const level = cell("level");
      if (level && !LEVELS.includes(Number(level) as (typeof LEVELS)[number])) problems.push(`level “${level}” is not 100, 200 or 300`);
      session.learningLevel = level ? Number(level) : null;
    }
    if (has("status") && cell("status")) {
      const status = cell("status").toLowerCase();
      if (status === "scheduled") session.status = "SCHEDULED";
      else if (status === "cancelled" || status === "canceled") session.status = "CANCELLED";
      else problems.push(`status “${cell("status")}” is not scheduled or cancelled`);
    }
    if (has("capacity")) {
      const capacity = cell("capacity");
      if (capacity && !/^[1-9]\d{0,5}$/.test(capacity)) problems.push(`capacity “${capacity}” is not a whole number of seats`);
      session.capacity = capacity ? Number(capacity) : null;
    }
    if (has("joint_society")) {
      const society = cell("joint_society");
      const known = society ? context.societies.get(society.toLowerCase()) : null;
      if (society && !known) problems.push(`joint_society “${society}” is not a known society (use its slug or short name)`);
      session.jointSociety = known ?? null;
    }
    for (const column of ["stream_url", "recording_url"] as const) {
      if (!has(column)) continue;
      const url = cell(column);
      if (url && !/^https?:\/\/\S+$/i.test(url)) problems.push(`${column} “${url}” is not an http(s) link`);
      session[column === "stream_url" ? "streamUrl" : "recordingUrl"] = url || null;
    }
    for (const column of ["cme", "sa_cme"] as const) {
      if (!has(column)) continue;
      const flag = readFlag(cell(column));
      if (flag === null) problems.push(`${column} “${cell(column)}” is not yes or no`);
      else session[column === "cme" ? "cmeAccredited" : "saCme"] = flag;
    }
    if (has("credit")) {
      // Checked against the row's length: never more credit than the session's minutes earn.
      const credit = session.startsAt && session.endsAt ? readSessionCredit(cell("credit"), sessionMinutes(session)) : { quarters: null };
      if ("error" in credit) problems.push(`credit “${cell("credit")}”: ${credit.error}`);
      else session.creditQuarters = credit.quarters;
    }
    if (has("description")) {
      if (cell("description").length > 10_000) problems.push("description is longer than 10,000 characters");
      session.description = cell("description");
    }
    for (const [column, role] of Object.entries(ROLE_COLUMNS) as [keyof typeof ROLE_COLUMNS, DraftSession["speakers"][number]["role"]][]) {
      if (!has(column)) continue;
      const names = cell(column)
        .split(";")
        .map((name) => name.trim())
        .filter(Boolean);
      const slugs: string[] = [];
      for (const name of names) {
        const speaker = speakers.get(name.toLowerCase());
        if (!speaker) problems.push(`${column}: “${name}” is not one of the meeting's speakers (use their slug or exact name; add new people on the Speakers page)`);
        else if (slugs.includes(speaker)) problems.push(`${column}: “${name}” is listed twice`);
        else slugs.push(speaker);
      }
      session.speakers = [...session.speakers.filter((entry) => entry.role !== role), ...slugs.map((speaker, position) => ({ speaker, role, position }))];
    }

    if (problems.length) {
      plan.errors.push(...problems.map((message) => ({ line, message })));
      continue;
    }
    if (!existing) {
      document.sessions.push(session);
      index.set(slug, document.sessions.length - 1);
      plan.adds.push({ line, slug, title });
    } else {
      const fields = (Object.keys(session) as (keyof DraftSession)[]).filter((key) => stableJson(existing[key]) !== stableJson(session[key]));
      if (fields.length) {
        document.sessions[index.get(slug)!] = session;
        plan.updates.push({ line, slug, title, fields });
      } else {
        plan.unchanged++;
      }
    }
  }
  return { ...plan, result: document };
}

/** Partner societies by slug and by short name, lower-case, for the joint_society column. */
export async function societyLookup(): Promise<Map<string, string>> {
  const societies = await prisma.society.findMany({ select: { slug: true, shortName: true } });
  return new Map(societies.flatMap((society) => [[society.slug.toLowerCase(), society.slug] as const, [society.shortName.toLowerCase(), society.slug] as const]));
}

type Meeting = { id: string; timeZone: string; startsOn: Date; endsOn: Date };

/**
 * The dry run: what the file would do to the draft now, and the clashes it
 * would create (those the draft has already are the console's to show, not the
 * file's). Writes nothing.
 */
export async function dryRunProgramImport(meeting: Meeting, text: string): Promise<{ plan: ImportPlan; clashes: Clash[]; draftVersion: number }> {
  const draft = await getDraft(meeting.id);
  const { result, ...plan } = planProgramImport(text, { document: draft.document, meeting, societies: await societyLookup() });
  const clashes = newClashes(findClashes(draft.document, meeting), findClashes(result, meeting));
  return { plan, clashes, draftVersion: draft.version };
}

export type ImportOutcome = { ok: true; plan: ImportPlan; version: number } | (Refusal & { plan?: ImportPlan });

/**
 * The import: checks the file again against the draft as it is now (inside the
 * draft's lock) and writes every row, or nothing if any row has an error or
 * the draft changed since the dry run that the organizer looked at.
 */
export async function importProgramCsv(meeting: Meeting, actor: Actor, text: string, expectedVersion: number): Promise<ImportOutcome> {
  const societies = await societyLookup();
  let plan: ImportPlan | undefined;
  const result = await changeDraft(
    meeting.id,
    actor,
    (document) => {
      const { result: next, ...planned } = planProgramImport(text, { document, meeting, societies });
      plan = planned;
      if (planned.errors.length) return refuse("INVALID", `The file has ${planned.errors.length} error${planned.errors.length === 1 ? "" : "s"}; nothing was imported.`);
      return {
        ok: true,
        document: next,
        value: undefined,
        audit: {
          action: "draft.import",
          summary: `Imported a CSV: ${planned.adds.length} added, ${planned.updates.length} changed, ${planned.unchanged} unchanged`,
          details: { added: planned.adds.map((row) => row.slug), changed: planned.updates.map((row) => row.slug), unchanged: planned.unchanged },
        },
      };
    },
    { expectedVersion, staleMessage: "The draft changed since this dry run (someone edited or imported meanwhile). Run the dry run again to see what the file would do now." },
  );
  if (!result.ok) return { ...result, plan };
  return { ok: true, plan: plan!, version: result.version };
}

/** "yes"/"no" as a spreadsheet writes it (empty is no); null when it is neither. */
function readFlag(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (["", "no", "n", "false", "0"].includes(word)) return false;
  if (["yes", "y", "true", "1", "x"].includes(word)) return true;
  return null;
}

/** The program as CSV in the import's columns, so an export can be edited and imported back. */
export function programToCsv(document: ProgramDocument, timeZone: string): string {
  const rows = document.sessions.map((session) => {
    const start = wallClock(session.startsAt, timeZone);
    const end = wallClock(session.endsAt, timeZone);
    const people = (role: DraftSession["speakers"][number]["role"]) =>
      session.speakers
        .filter((entry) => entry.role === role)
        .sort((a, b) => a.position - b.position)
        .map((entry) => entry.speaker)
        .join("; ");
    const kind = Object.entries(KIND_PARAMS).find(([, value]) => value === session.kind)?.[0] ?? session.kind;
    const row: Record<Column, string> = {
      slug: session.slug,
      title: session.title,
      day: start.day,
      start: start.time,
      // A session past midnight keeps its real end only as a time; the import reads it on the start's day.
      end: end.time,
      room: session.room ?? "",
      track: session.track ?? "",
      kind,
      level: session.learningLevel ? String(session.learningLevel) : "",
      status: session.status === "CANCELLED" ? "cancelled" : "scheduled",
      capacity: session.capacity ? String(session.capacity) : "",
      joint_society: session.jointSociety ?? "",
      stream_url: session.streamUrl ?? "",
      recording_url: session.recordingUrl ?? "",
      cme: session.cmeAccredited ? "yes" : "no",
      credit: session.creditQuarters === null ? "" : formatCredits(session.creditQuarters),
      sa_cme: session.saCme ? "yes" : "no",
      moderators: people("MODERATOR"),
      speakers: people("SPEAKER"),
      panelists: people("PANELIST"),
      description: session.description,
    };
    return CSV_COLUMNS.map((column) => row[column]);
  });
  return stringify([CSV_COLUMNS as unknown as string[], ...rows]);
}
