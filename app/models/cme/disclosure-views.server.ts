// Faculty disclosures, the reads and the sweep: the organizers' board (who
// has and has not disclosed, each answer and its history), the publish
// warnings, what learners see per session, the CSV export, and the reminders
// the job queue sends to people who have not answered.
import { type Prisma } from "~/generated/prisma/client";
import { spreadsheetCsv } from "~/utils/csv";
import { prisma } from "~/utils/db.server";
import {
  countDisclosures,
  type DisclosureSnapshot,
  disclosureState,
  findDisclosureWarnings,
  learnerDisclosure,
  MAX_REMINDERS,
  NATURE_LABELS,
  REMINDER_INTERVAL_MS,
  reminderDue,
  STATE_LABELS,
} from "./disclosures";
import { ACCREDITED, type DisclosureMeeting, disclosureWindow, issueDisclosureLink, listFaculty } from "./disclosures.server";

const DISCLOSURE_SELECT = {
  id: true,
  role: true,
  speakerId: true,
  name: true,
  email: true,
  requestedAt: true,
  tokenExpiresAt: true,
  reminders: true,
  lastRemindedAt: true,
  submittedAt: true,
  noRelationships: true,
  relationships: {
    select: { id: true, company: true, nature: true, ongoing: true, relevant: true, mitigation: true, reviewedAt: true, reviewedBy: { select: { name: true } } },
    orderBy: { position: "asc" },
  },
  versions: { select: { id: true, kind: true, at: true, snapshot: true, byUser: { select: { name: true } } }, orderBy: { at: "desc" } },
} as const satisfies Prisma.DisclosureSelect;

/**
 * Everyone who must disclose for the meeting: the faculty of its accredited
 * sessions (with their row, or none yet when never asked) and the planners.
 */
export async function listDisclosureBoard(meetingId: string) {
  const [faculty, rows] = await Promise.all([
    listFaculty(prisma, meetingId),
    prisma.disclosure.findMany({ where: { meetingId }, select: DISCLOSURE_SELECT, orderBy: { name: "asc" } }),
  ]);
  const bySpeaker = new Map(rows.filter((row) => row.speakerId).map((row) => [row.speakerId!, row]));
  const people = [
    ...faculty.map((speaker) => ({
      key: speaker.id,
      role: "FACULTY" as const,
      name: speaker.name,
      email: speaker.email ?? "",
      speakerSlug: speaker.slug,
      sessions: speaker.sessions.map((entry) => ({ ...entry.session, role: entry.role })).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
      disclosure: bySpeaker.get(speaker.id) ?? null,
    })),
    ...rows
      .filter((row) => row.role === "PLANNER")
      .map((row) => ({ key: row.id, role: "PLANNER" as const, name: row.name, email: row.email, speakerSlug: null, sessions: [], disclosure: row })),
  ];
  const facts = people.map((person) => person.disclosure ?? { submittedAt: null, noRelationships: false, relationships: [] });
  return {
    counts: countDisclosures(facts),
    people: people.map((person, index) => ({
      ...person,
      state: disclosureState(facts[index]!),
      versions: (person.disclosure?.versions ?? []).map((version) => ({ ...version, snapshot: version.snapshot as DisclosureSnapshot })),
    })),
  };
}

export type DisclosureBoard = Awaited<ReturnType<typeof listDisclosureBoard>>;

const FACTS_SELECT = { submittedAt: true, noRelationships: true, relationships: { select: { company: true, nature: true, ongoing: true, relevant: true, mitigation: true }, orderBy: { position: "asc" } } } as const;

type DraftLike = {
  sessions: { slug: string; title: string; startsAt: string; endsAt: string; status: string; cmeAccredited: boolean; speakers: { speaker: string }[] }[];
  speakers: { slug: string; name: string }[];
};

const NO_ANSWER = { submittedAt: null, noRelationships: false, relationships: [] };

/**
 * Accredited sessions with a faculty member who has not disclosed, or a
 * relevant relationship not (yet) mitigated. Given the draft, its sessions and
 * speakers are checked, so the warning shows before the publish that makes
 * them true: a session is accredited by the draft's flag where the draft has
 * one, else by the published session; a speaker only in the draft has no
 * disclosure yet. Without it, the published program is checked.
 */
export async function disclosureWarnings(meetingId: string, draft?: DraftLike) {
  const published = await prisma.session.findMany({
    where: { meetingId, ...ACCREDITED },
    select: { slug: true, title: true, startsAt: true, endsAt: true, speakers: { select: { speaker: { select: { name: true, disclosure: { select: FACTS_SELECT } } } } } },
    orderBy: { startsAt: "asc" },
  });
  if (!draft) {
    return findDisclosureWarnings(published.map((session) => ({ ...session, faculty: session.speakers.map(({ speaker }) => ({ name: speaker.name, ...(speaker.disclosure ?? NO_ANSWER) })) })));
  }
  // The draft's own flag decides: a session accredited in the draft is checked before it is published.
  const accredited = draft.sessions.filter((session) => session.status !== "CANCELLED" && session.cmeAccredited);
  const slugs = [...new Set(accredited.flatMap((session) => session.speakers.map((entry) => entry.speaker)))];
  const speakers = await prisma.speaker.findMany({ where: { meetingId, slug: { in: slugs } }, select: { slug: true, disclosure: { select: FACTS_SELECT } } });
  const answers = new Map(speakers.map((speaker) => [speaker.slug, speaker.disclosure ?? NO_ANSWER]));
  const names = new Map(draft.speakers.map((speaker) => [speaker.slug, speaker.name]));
  return findDisclosureWarnings(
    [...accredited]
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((session) => ({ ...session, faculty: session.speakers.map(({ speaker }) => ({ name: names.get(speaker) ?? speaker, ...(answers.get(speaker) ?? NO_ANSWER) })) })),
  );
}

const ROLE_ORDER = { MODERATOR: 0, SPEAKER: 1, PANELIST: 2 } as const;

/** What learners see for an accredited session, each faculty member in program order; null when the session is not accredited. */
export async function sessionDisclosures(sessionId: string) {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { cmeAccredited: true, speakers: { select: { role: true, position: true, speaker: { select: { name: true, disclosure: { select: FACTS_SELECT } } } } } },
  });
  if (!session?.cmeAccredited) return null;
  return [...session.speakers]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.position - b.position || a.speaker.name.localeCompare(b.speaker.name))
    .map(({ speaker }) => learnerDisclosure({ name: speaker.name, ...(speaker.disclosure ?? NO_ANSWER) }));
}

/**
 * Changes whenever a disclosure shown on the session's page does (each
 * submission and review appends a version): the page cache keys the session
 * page on it. 0 when there is none.
 */
export async function getDisclosureStamp(meetingSlug: string, sessionSlug: string): Promise<number> {
  const last = await prisma.disclosureVersion.findFirst({
    where: { disclosure: { speaker: { sessions: { some: { session: { slug: sessionSlug, meeting: { slug: meetingSlug } } } } } } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return last?.at.getTime() ?? 0;
}

/** One line per relationship (or per person when there are none), with the organizers' review, for the record. */
export async function disclosuresCsv(meetingId: string): Promise<string> {
  const board = await listDisclosureBoard(meetingId);
  const at = (value: Date | null | undefined) => (value ? value.toISOString() : "");
  const header = ["Name", "E-mail", "Role", "Sessions", "Status", "Asked", "Submitted", "No relationships", "Company", "Nature", "Ongoing or ended", "Relevant", "Mitigation", "Reviewed by", "Reviewed at"];
  const lines = board.people.flatMap((person) => {
    const d = person.disclosure;
    const base = [
      person.name,
      person.email,
      person.role === "FACULTY" ? "Faculty" : "Planner",
      person.sessions.map((session) => session.title).join("; "),
      STATE_LABELS[person.state],
      at(d?.requestedAt),
      at(d?.submittedAt),
      d?.submittedAt ? (d.noRelationships ? "yes" : "no") : "",
    ];
    if (!d?.relationships.length) return [[...base, "", "", "", "", "", "", ""]];
    return d.relationships.map((row) => [
      ...base,
      row.company,
      NATURE_LABELS[row.nature],
      row.ongoing ? "ongoing" : "ended",
      row.relevant === null ? "not reviewed" : row.relevant ? "yes" : "no",
      row.mitigation ?? "",
      row.reviewedBy?.name ?? "",
      at(row.reviewedAt),
    ]);
  });
  return spreadsheetCsv(header, lines);
}

/**
 * Reminds everyone asked who has not answered, every few days, at most
 * MAX_REMINDERS times, only before their session starts. Each reminder
 * carries a new link (only a hash of the old one is kept). Safe to run
 * from several workers: a row is claimed by its reminder count.
 */
export async function sendDueDisclosureReminders(now = new Date()): Promise<{ reminded: number }> {
  const candidates = await prisma.disclosure.findMany({
    where: {
      submittedAt: null,
      requestedAt: { not: null, lte: new Date(now.getTime() - REMINDER_INTERVAL_MS) },
      reminders: { lt: MAX_REMINDERS },
      email: { not: "" },
      OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lte: new Date(now.getTime() - REMINDER_INTERVAL_MS) } }],
    },
    select: { id: true, meetingId: true, role: true, speakerId: true, name: true, email: true, requestedAt: true, lastRemindedAt: true, reminders: true, submittedAt: true, meeting: { select: { id: true, slug: true, name: true, timeZone: true } } },
    take: 500,
  });
  let reminded = 0;
  for (const disclosure of candidates) {
    const window = await disclosureWindow(prisma, disclosure);
    if (!window.required || !reminderDue(disclosure, window.firstStartsAt, now)) continue;
    const sent = await prisma.$transaction(async (tx) => {
      // Claim: another worker that got here first has moved the count on.
      const { count } = await tx.disclosure.updateMany({ where: { id: disclosure.id, reminders: disclosure.reminders, submittedAt: null }, data: { reminders: disclosure.reminders } });
      if (!count) return false;
      await issueDisclosureLink(tx, disclosure.meeting as DisclosureMeeting, disclosure, "reminder", now);
      return true;
    });
    if (sent) reminded++;
  }
  return { reminded };
}
