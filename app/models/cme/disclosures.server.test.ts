// Faculty disclosures against the real database: requests and their links
// (from the delivered e-mail), replacement and expiry, the edit history,
// the deadline at the session's start, reviews, warnings and the learner view.
import { describe, expect, it } from "vitest";
import { createPerson } from "~/models/accounts/people.fixture";
import { createProgramFixture } from "~/models/program/program.fixture";
import { getDraft } from "~/models/program/draft.server";
import { prisma } from "~/utils/db.server";
import { mailTo } from "../../../tests/mail-queue";
import { disclosureWarnings, disclosuresCsv, getDisclosureStamp, listDisclosureBoard, sendDueDisclosureReminders, sessionDisclosures } from "./disclosure-views.server";
import { DISCLOSURE_LINK_TTL_MS, REMINDER_INTERVAL_MS } from "./disclosures";
import { addPlanner, getDisclosureForm, getSpeakerEmail, requestDisclosures, reviewRelationship, saveSpeakerEmail, sendNewDisclosureLink, submitDisclosure } from "./disclosures.server";

const day = 24 * 60 * 60 * 1000;
const now = new Date("2023-02-01T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

async function setUp() {
  const fixture = await createProgramFixture();
  const { meeting, sessions, speakers } = fixture;
  await prisma.session.updateMany({ where: { id: { in: [sessions.embolization.id, sessions.dotter.id] } }, data: { cmeAccredited: true } });
  for (const speaker of Object.values(speakers)) {
    await prisma.speaker.update({ where: { id: speaker.id }, data: { email: speaker.slug === "jim-a-reekers" ? null : `${speaker.slug}-${meeting.slug}@example.test` } });
  }
  const organizer = await createPerson("organizer", { roles: [{ meetingId: meeting.id, role: "ORGANIZER" }] });
  return { ...fixture, organizer, m: { ...meeting } };
}

/** The personal link's token in the last e-mail to `email`. */
async function linkIn(email: string): Promise<string> {
  const mail = (await mailTo(email)).at(-1);
  const token = mail?.text.match(/\/disclosures\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no disclosure link mailed to ${email}`);
  return token;
}

describe("disclosure requests and links", () => {
  it("asks the faculty of accredited sessions once, by e-mail with a link that only opens that person's form", async () => {
    const { m, organizer } = await setUp();
    const first = await requestDisclosures(m, organizer, now);
    // Lammer, Song and Tan have addresses; Reekers has none and is named. The Why IR? moderator's session is not accredited.
    expect(first).toEqual({ ok: true, asked: 3, withoutEmail: ["Jim A. Reekers"] });
    expect((await requestDisclosures(m, organizer, now)).asked).toBe(0);

    const songEmail = `ho-young-song-${m.slug}@example.test`;
    const mails = await mailTo(songEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`${m.name}: please disclose your financial relationships`);
    expect(mails[0]!.text).toContain("financial relationships\nwith ineligible companies in the past 24 months");
    const stored = await prisma.outgoingMail.findFirstOrThrow({ where: { to: songEmail }, select: { holdsSecret: true, text: true } });
    expect(stored.holdsSecret).toBe(true);
    expect(stored.text).not.toContain("/disclosures/");

    const token = await linkIn(songEmail);
    const form = await getDisclosureForm(token, now);
    expect(form).toMatchObject({ name: "Ho-Young Song", editable: true, meeting: { slug: m.slug } });
    expect(form!.sessions.map((session) => session.title)).toEqual(["Uterine Fibroid Embolization Update"]);
    // The stored hash is not the token, and a guess finds nothing.
    const row = await prisma.disclosure.findFirstOrThrow({ where: { meetingId: m.id, name: "Ho-Young Song" }, select: { tokenHash: true } });
    expect(row.tokenHash).not.toBe(token);
    expect(await getDisclosureForm(row.tokenHash!, now)).toBeNull();
    expect(await getDisclosureForm(`${token.slice(0, -1)}x`, now)).toBeNull();
  });

  it("expires after 30 days, and a new link replaces the old one", async () => {
    const { m, organizer } = await setUp();
    await requestDisclosures(m, organizer, now);
    const email = `lenny-k-tan-${m.slug}@example.test`;
    const old = await linkIn(email);
    expect(await getDisclosureForm(old, later(DISCLOSURE_LINK_TTL_MS - 1000))).not.toBeNull();
    expect(await getDisclosureForm(old, later(DISCLOSURE_LINK_TTL_MS))).toBeNull();
    expect(await submitDisclosure(old, { answer: "none" }, later(DISCLOSURE_LINK_TTL_MS))).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const row = await prisma.disclosure.findFirstOrThrow({ where: { meetingId: m.id, name: "Lenny K. Tan" }, select: { id: true } });
    expect(await sendNewDisclosureLink(m, organizer, row.id, later(day))).toEqual({ ok: true, name: "Lenny K. Tan" });
    const fresh = await linkIn(email);
    expect(fresh).not.toBe(old);
    expect(await getDisclosureForm(old, later(day))).toBeNull();
    expect(await submitDisclosure(old, { answer: "none" }, later(day))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await getDisclosureForm(fresh, later(day + DISCLOSURE_LINK_TTL_MS - 1000))).not.toBeNull();
  });
});

describe("answers, reviews, warnings and what learners see", () => {
  it("keeps every version, closes at the first session, and warns until everyone disclosed and relevant relationships are mitigated", async () => {
    const { m, organizer, sessions } = await setUp();
    await requestDisclosures(m, organizer, now);
    const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, "-");
    // One after the other: each read runs the mail queue, and two runs at once would race for the same jobs.
    const tokens: Record<string, string> = {};
    for (const name of ["Johannes Lammer", "Ho-Young Song", "Lenny K. Tan"]) tokens[name] = await linkIn(`${slug(name)}-${m.slug}@example.test`);

    const warned = async () => (await disclosureWarnings(m.id)).map((warning) => [warning.session.slug, warning.problems.map((p) => `${p.name}: ${p.state}`).sort()]);
    expect(await warned()).toEqual([
      ["uterine-fibroid-embolization", ["Ho-Young Song: missing", "Jim A. Reekers: missing", "Johannes Lammer: missing", "Lenny K. Tan: missing"]],
      ["dotter-lecture", ["Johannes Lammer: missing"]],
    ]);

    expect(await submitDisclosure(tokens["Johannes Lammer"]!, { answer: "none" }, now)).toEqual({ ok: true });
    expect(await submitDisclosure(tokens["Ho-Young Song"]!, { answer: "none" }, now)).toEqual({ ok: true });
    // Tan first says none, then lists two relationships: both versions are kept.
    expect(await submitDisclosure(tokens["Lenny K. Tan"]!, { answer: "none" }, now)).toEqual({ ok: true });
    const answer = {
      answer: "some" as const,
      relationships: [
        { company: "Meridian Vascular Devices", nature: "CONSULTANT" as const, ongoing: "ongoing" as const },
        { company: "Halvorsen Therapeutics", nature: "SPEAKER" as const, ongoing: "ended" as const },
      ],
    };
    expect(await submitDisclosure(tokens["Lenny K. Tan"]!, answer, later(1000))).toEqual({ ok: true });
    // The Dotter Lecture is not Tan's: the dotter warning is gone once Lammer answered.
    expect((await disclosureWarnings(m.id)).map((warning) => warning.session.slug)).toEqual(["uterine-fibroid-embolization"]);

    const tan = await prisma.disclosure.findFirstOrThrow({
      where: { meetingId: m.id, name: "Lenny K. Tan" },
      select: { id: true, noRelationships: true, relationships: { select: { id: true, company: true }, orderBy: { position: "asc" } }, versions: { select: { kind: true, snapshot: true }, orderBy: { at: "asc" } } },
    });
    expect(tan.noRelationships).toBe(false);
    expect(tan.versions.map((version) => version.kind)).toEqual(["submitted", "submitted"]);
    expect((tan.versions[0]!.snapshot as { noRelationships: boolean }).noRelationships).toBe(true);
    expect((tan.versions[1]!.snapshot as { relationships: { company: string }[] }).relationships.map((row) => row.company)).toEqual(["Meridian Vascular Devices", "Halvorsen Therapeutics"]);

    // Reekers has no address: the organizers add it on the speaker page, then send him a link.
    await prisma.speaker.updateMany({ where: { meetingId: m.id, slug: "jim-a-reekers" }, data: { email: `jim-a-reekers-${m.slug}@example.test` } });
    expect((await requestDisclosures(m, organizer, now)).asked).toBe(1);
    expect(await submitDisclosure(await linkIn(`jim-a-reekers-${m.slug}@example.test`), { answer: "none" }, now)).toEqual({ ok: true });
    expect((await disclosureWarnings(m.id))[0]!.problems).toEqual([{ name: "Lenny K. Tan", state: "unreviewed" }]);
    expect(await sessionDisclosures(sessions.embolization.id)).toContainEqual({ name: "Lenny K. Tan", state: "pending" });

    const [meridian, halvorsen] = tan.relationships;
    // The session page's cache key moves with every answer and review of its faculty.
    const stampBefore = await getDisclosureStamp(m.slug, "uterine-fibroid-embolization");
    expect(stampBefore).toBeGreaterThan(0);
    await reviewRelationship(m.id, organizer, { relationshipId: halvorsen!.id, relevant: false, mitigation: null }, later(2000));
    await reviewRelationship(m.id, organizer, { relationshipId: meridian!.id, relevant: true, mitigation: null }, later(3000));
    expect((await disclosureWarnings(m.id))[0]!.problems).toEqual([{ name: "Lenny K. Tan", state: "unmitigated" }]);
    await reviewRelationship(m.id, organizer, { relationshipId: meridian!.id, relevant: true, mitigation: "Content peer reviewed by the program committee for commercial bias" }, later(4000));
    expect(await disclosureWarnings(m.id)).toEqual([]);
    expect(await getDisclosureStamp(m.slug, "uterine-fibroid-embolization")).toBeGreaterThan(stampBefore);
    expect(await getDisclosureStamp(m.slug, "rfs-reception")).toBe(0);

    // Learners: moderator first; only the relevant (mitigated) relationship, never the irrelevant one.
    const learners = await sessionDisclosures(sessions.embolization.id);
    expect(learners![0]).toEqual({ name: "Johannes Lammer", state: "none" });
    expect(learners).toContainEqual({ name: "Lenny K. Tan", state: "relevant", relationships: [{ company: "Meridian Vascular Devices", nature: "Consultant", ended: false }] });
    expect(await sessionDisclosures(sessions.whyIr.id)).toBeNull();

    // Reviews are versions too, with who made them; a resubmission keeps the reviews of relationships still listed.
    const versions = await prisma.disclosureVersion.findMany({ where: { disclosureId: tan.id }, select: { kind: true, byUserId: true }, orderBy: { at: "asc" } });
    expect(versions.map((version) => [version.kind, version.byUserId])).toEqual([
      ["submitted", null],
      ["submitted", null],
      ["reviewed", organizer.id],
      ["reviewed", organizer.id],
      ["reviewed", organizer.id],
    ]);
    expect(await submitDisclosure(tokens["Lenny K. Tan"]!, { ...answer, relationships: [answer.relationships[0]!] }, later(5000))).toEqual({ ok: true });
    expect(await disclosureWarnings(m.id)).toEqual([]);

    // Editable until the first accredited session starts (Sat 8:00 AM), read-only from then on.
    // (The first link expired by then; a new one, sent the week before, still opens the read-only form.)
    const start = new Date("2023-03-04T15:00:00Z");
    await sendNewDisclosureLink(m, organizer, tan.id, new Date("2023-02-25T12:00:00Z"));
    const recent = await linkIn(`lenny-k-tan-${m.slug}@example.test`);
    expect((await getDisclosureForm(recent, new Date(start.getTime() - 1)))!.editable).toBe(true);
    expect((await getDisclosureForm(recent, start))!.editable).toBe(false);
    expect(await submitDisclosure(recent, { answer: "none" }, start)).toMatchObject({ ok: false, code: "CLOSED" });

    const board = await listDisclosureBoard(m.id);
    expect(board.counts).toEqual({ people: 4, disclosed: 4, missing: 0, relevant: 1, unmitigated: 0, unreviewed: 0 });
    const csv = await disclosuresCsv(m.id);
    expect(csv).toContain("Lenny K. Tan");
    expect(csv).toContain("Meridian Vascular Devices,Consultant,ongoing,yes,Content peer reviewed by the program committee for commercial bias,Organizer Tester");
  });

  it("reviews only relationships of the organizer's own meeting", async () => {
    const mine = await setUp();
    const other = await setUp();
    await requestDisclosures(other.m, other.organizer, now);
    const token = await linkIn(`lenny-k-tan-${other.m.slug}@example.test`);
    await submitDisclosure(token, { answer: "some", relationships: [{ company: "=HYPERLINK(\"http://x\")", nature: "ADVISOR", ongoing: "ongoing" }] }, now);
    // A company typed as a formula stays text in the export.
    expect(await disclosuresCsv(other.m.id)).toContain(`"'=HYPERLINK(""http://x"")"`);
    const relationship = await prisma.financialRelationship.findFirstOrThrow({ where: { disclosure: { meetingId: other.m.id } }, select: { id: true } });
    expect(await reviewRelationship(mine.m.id, mine.organizer, { relationshipId: relationship.id, relevant: false, mitigation: null })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const form = await getDisclosureForm(token, now);
    expect(form!.name).toBe("Lenny K. Tan");
    expect(form!.meetingId).toBe(other.m.id);
  });

  it("adds a planner, asks them at once, and refuses the same address twice", async () => {
    const { m, organizer } = await setUp();
    const email = `planner-${m.slug}@example.test`;
    expect(await addPlanner(m, organizer, { name: "Aimee Planner", email }, now)).toMatchObject({ ok: true });
    expect(await addPlanner(m, organizer, { name: "Aimee Again", email }, now)).toMatchObject({ ok: false, code: "INVALID", field: "email" });
    const form = await getDisclosureForm(await linkIn(email), now);
    expect(form).toMatchObject({ name: "Aimee Planner", role: "PLANNER", sessions: [] });
  });
});

describe("warnings before publish", () => {
  it("check the draft: its speakers and sessions, the published accreditation, a speaker only in the draft", async () => {
    const { m, organizer } = await setUp();
    await requestDisclosures(m, organizer, now);
    await submitDisclosure(await linkIn(`ho-young-song-${m.slug}@example.test`), { answer: "none" }, now);
    const { document } = await getDraft(m.id);
    const embolization = document.sessions.find((session) => session.slug === "uterine-fibroid-embolization")!;
    const dotter = document.sessions.find((session) => session.slug === "dotter-lecture")!;
    // In the draft: Tan leaves the embolization session, a new speaker joins it, the Dotter Lecture is cancelled.
    embolization.speakers = [...embolization.speakers.filter((entry) => entry.speaker !== "lenny-k-tan"), { speaker: "new-faculty", role: "SPEAKER", position: 9 }];
    document.speakers.push({ slug: "new-faculty", name: "Nadia Newcomer", credentials: null, affiliation: null, city: null, country: "Canada", bio: "" });
    dotter.status = "CANCELLED";
    const warnings = await disclosureWarnings(m.id, document);
    expect(warnings.map((warning) => [warning.session.slug, warning.problems.map((p) => `${p.name}: ${p.state}`).sort()])).toEqual([
      ["uterine-fibroid-embolization", ["Jim A. Reekers: missing", "Johannes Lammer: missing", "Nadia Newcomer: missing"]],
    ]);
    // Without the draft, the published program: Tan still there, the Dotter Lecture too.
    expect((await disclosureWarnings(m.id)).map((warning) => warning.session.slug)).toEqual(["uterine-fibroid-embolization", "dotter-lecture"]);
  });
});

describe("the speaker's address", () => {
  it("is set on the published speaker and follows into their disclosure; a draft-only speaker is refused", async () => {
    const { m, organizer } = await setUp();
    await requestDisclosures(m, organizer, now);
    expect(await getSpeakerEmail(m.id, "jim-a-reekers")).toEqual({ email: null });
    const email = `reekers-${m.slug}@example.test`;
    expect(await saveSpeakerEmail(m.id, organizer, "jim-a-reekers", email)).toEqual({ ok: true });
    expect(await prisma.disclosure.findFirstOrThrow({ where: { meetingId: m.id, name: "Jim A. Reekers" }, select: { email: true } })).toEqual({ email });
    expect(await saveSpeakerEmail(m.id, organizer, "only-in-the-draft", email)).toMatchObject({ ok: false, code: "CONFLICT", field: "email" });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { meetingId: m.id, action: "speaker.email" }, select: { summary: true } });
    expect(audit.summary).toBe("Set the e-mail address of Jim A. Reekers");
  });
});

describe("reminders", () => {
  it("remind the unanswered every few days, at most three times, not after they answer or once the session started", async () => {
    const { m, organizer } = await setUp();
    await requestDisclosures(m, organizer, now);
    await submitDisclosure(await linkIn(`johannes-lammer-${m.slug}@example.test`), { answer: "none" }, now);
    const songEmail = `ho-young-song-${m.slug}@example.test`;
    const reminded = async (at: Date) => {
      await sendDueDisclosureReminders(at);
      return (await prisma.disclosure.findMany({ where: { meetingId: m.id, reminders: { gt: 0 } }, select: { name: true, reminders: true }, orderBy: { name: "asc" } })).map((row) => `${row.name} ${row.reminders}`);
    };
    expect(await reminded(later(REMINDER_INTERVAL_MS - 1000))).toEqual([]);
    expect(await reminded(later(REMINDER_INTERVAL_MS))).toEqual(["Ho-Young Song 1", "Lenny K. Tan 1"]);
    expect(await reminded(later(REMINDER_INTERVAL_MS + day))).toEqual(["Ho-Young Song 1", "Lenny K. Tan 1"]);
    expect(await reminded(later(2 * REMINDER_INTERVAL_MS))).toEqual(["Ho-Young Song 2", "Lenny K. Tan 2"]);
    expect(await reminded(later(3 * REMINDER_INTERVAL_MS))).toEqual(["Ho-Young Song 3", "Lenny K. Tan 3"]);
    expect(await reminded(later(4 * REMINDER_INTERVAL_MS))).toEqual(["Ho-Young Song 3", "Lenny K. Tan 3"]);
    const mails = await mailTo(songEmail);
    expect(mails.map((mail) => mail.subject.startsWith("Reminder: "))).toEqual([false, true, true, true]);
    // Each reminder's link works and replaced the one before.
    expect(await getDisclosureForm(await linkIn(songEmail), later(4 * REMINDER_INTERVAL_MS))).not.toBeNull();
  });

  it("stop once the session started", async () => {
    const { m, organizer } = await setUp();
    const requested = new Date("2023-03-02T12:00:00Z");
    await requestDisclosures(m, organizer, requested);
    expect((await sendDueDisclosureReminders(new Date(requested.getTime() + REMINDER_INTERVAL_MS))).reminded).toBe(0);
    expect(await prisma.disclosure.count({ where: { meetingId: m.id, reminders: { gt: 0 } } })).toBe(0);
  });
});
