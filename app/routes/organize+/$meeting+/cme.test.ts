// CME credit designation against the real database, through the console's
// routes as Remix calls them: the designation saved and audited, bad input
// answered 400 under its field with nothing written; a session's credit saved
// to the draft, refused over its length, published to the Session row; and a
// release that shortens a session saying how its credit moved; the spreadsheet
// import and export carrying the same three fields, with the same checks.
import { beforeEach, describe, expect, it } from "vitest";
import { createPerson, cookieFor } from "~/models/accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { changeDraft, getDraft, revisionOf } from "~/models/program/draft.server";
import { publishEdits } from "~/models/program/publish.fixture";
import { dryRunProgramImport, importProgramCsv, programToCsv } from "~/models/program/csv-import.server";
import { describeChange, type ProgramChange } from "~/models/program/changes";
import { prisma } from "~/utils/db.server";
import { getAgenda } from "~/models/program/agenda.server";
import { parseAgendaQuery } from "~/models/program/program";
import * as designationPage from "./cme._index";
import * as sessionPage from "./sessions.$session";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

let fixture: ProgramFixture;
let organizer: Awaited<ReturnType<typeof createPerson>>;
let cookie: string;

beforeEach(async () => {
  fixture = await createProgramFixture();
  organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  cookie = await cookieFor(organizer.id);
});

/** Posts a form to a route's action; the status and, for a 400, the field errors. */
async function post(handler: Handler, path: string, params: Record<string, string>, form: Record<string, string>) {
  const request = new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(form) });
  const result = (await handler({ request, params, context: {} })) as Response | { type: string; data: { error?: Record<string, string[]>; form?: { error?: Record<string, string[]> } }; init?: ResponseInit };
  if (result instanceof Response) return { status: result.status, errors: {} as Record<string, string[]> };
  return { status: result.init?.status ?? 200, errors: result.data.error ?? result.data.form?.error ?? {} };
}

const designationForm = (fields: Record<string, string> = {}) => ({
  provider: "Society of Interventional Radiology",
  accreditationStatement: "The Society of Interventional Radiology is accredited by the ACCME.",
  designationStatement: "Edited by hand.",
  offersAmaPra: "on",
  offersParticipation: "on",
  evaluationRequired: "on",
  maximum: "12.25",
  claimDeadline: "2023-06-30",
  saCmePassingPercent: "70",
  ...fields,
});

describe("the meeting's designation", () => {
  it("is for the meeting's organizers only", async () => {
    const meeting = fixture.meeting.slug;
    const attendee = await createPerson("attendee", { roles: [{ meetingId: fixture.meeting.id, role: "ATTENDEE" }] });
    const request = new Request(`http://localhost/organize/${meeting}/cme`, { headers: { Cookie: await cookieFor(attendee.id) } });
    await expect((designationPage.loader as Handler)({ request, params: { meeting }, context: {} })).rejects.toMatchObject({ status: 403 });
    const posted = new Request(request.url, { method: "POST", headers: { Cookie: await cookieFor(attendee.id) }, body: new URLSearchParams(designationForm()) });
    await expect((designationPage.action as Handler)({ request: posted, params: { meeting }, context: {} })).rejects.toMatchObject({ status: 403 });
    const anonymous = new Request(request.url, { method: "POST", body: new URLSearchParams(designationForm()) });
    await expect((designationPage.action as Handler)({ request: anonymous, params: { meeting }, context: {} })).rejects.toMatchObject({ status: 302 });
    expect(await prisma.creditDesignation.count({ where: { meetingId: fixture.meeting.id } })).toBe(0);
    const page = (await (designationPage.loader as Handler)({ request: new Request(request.url, { headers: { Cookie: cookie } }), params: { meeting }, context: {} })) as Awaited<ReturnType<typeof designationPage.loader>>;
    // Nothing saved yet: a proposal from the society, with the standard wording.
    expect(page.designation).toMatchObject({ saved: false, provider: expect.stringMatching(/^Society of Testing/) });
    expect(page.values.accreditationStatement).toMatch(/^The Society of Testing .* is accredited by the Accreditation Council for Continuing Medical Education \(ACCME\)/);
  });

  const save = (fields: Record<string, string>) => {
    const meeting = fixture.meeting.slug;
    return post(designationPage.action as Handler, `/organize/${meeting}/cme`, { meeting }, fields);
  };

  it("saves it with an audit entry, and resets the statements to the standard wording on request", async () => {
    const version = async () => (await prisma.meeting.findUniqueOrThrow({ where: { id: fixture.meeting.id }, select: { programVersion: true } })).programVersion;
    const before = await version();
    expect((await save(designationForm())).status).toBe(302);
    // Public session pages show the statements and are cached by programVersion.
    expect(await version()).toBe(before + 1);
    const row = await prisma.creditDesignation.findUniqueOrThrow({ where: { meetingId: fixture.meeting.id } });
    expect(row).toMatchObject({ maxCreditQuarters: 49, offersAmaPra: true, offersSaCme: false, designationStatement: "Edited by hand." });
    expect(row.claimDeadline.toISOString().slice(0, 10)).toBe("2023-06-30");
    expect(row).toMatchObject({ saCmePassingPercent: 70, evaluationRequired: true, allowSelfReported: false, accmeProviderId: null, parsActivityId: null });

    expect((await save(designationForm({ intent: "use-standard-wording" }))).status).toBe(302);
    const reset = await prisma.creditDesignation.findUniqueOrThrow({ where: { meetingId: fixture.meeting.id } });
    expect(reset.designationStatement).toBe(
      "The Society of Interventional Radiology designates this live activity for a maximum of 12.25 AMA PRA Category 1 Credit(s)™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.",
    );
    const audit = await prisma.auditEntry.findMany({ where: { meetingId: fixture.meeting.id, action: { startsWith: "cme.designation" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["cme.designation.create", "cme.designation.update"]);
    expect(audit[1]!.summary).toMatch(/designation statement.*statements reset to ACCME's wording/);

    // The SA-CME mark, the evaluation no longer required (unticked), self-reported attendance and the PARS identifiers, saved and named in the audit.
    expect((await save(designationForm({ saCmePassingPercent: "80", evaluationRequired: "", allowSelfReported: "on", accmeProviderId: "0000123", parsActivityId: "2023-0042" }))).status).toBe(302);
    expect(await prisma.creditDesignation.findUniqueOrThrow({ where: { meetingId: fixture.meeting.id } })).toMatchObject({
      saCmePassingPercent: 80,
      evaluationRequired: false,
      allowSelfReported: true,
      accmeProviderId: "0000123",
      parsActivityId: "2023-0042",
    });
    const last = await prisma.auditEntry.findFirstOrThrow({ where: { meetingId: fixture.meeting.id, action: "cme.designation.update" }, orderBy: { createdAt: "desc" } });
    expect(last.summary).toMatch(/SA-CME passing mark, evaluation before claiming, self-reported attendance, ACCME provider ID, PARS activity ID/);
  });

  it("answers a maximum off the 0.25 steps or a deadline not after the meeting with 400 under the field, writing nothing", async () => {
    const offStep = await save(designationForm({ maximum: "12.3" }));
    expect(offStep.status).toBe(400);
    expect(offStep.errors.maximum?.[0]).toMatch(/steps of 0.25/);
    // The fixture's meeting ends on 2023-03-06: a deadline on that day is too early.
    const early = await save(designationForm({ claimDeadline: "2023-03-06" }));
    expect(early.status).toBe(400);
    expect(early.errors.claimDeadline?.[0]).toMatch(/after the meeting's last day/);
    const mark = await save(designationForm({ saCmePassingPercent: "0" }));
    expect(mark.status).toBe(400);
    expect(mark.errors.saCmePassingPercent?.[0]).toMatch(/whole percent from 1 to 100/);
    expect(await prisma.creditDesignation.count({ where: { meetingId: fixture.meeting.id } })).toBe(0);
  });
});

describe("a session's credit", () => {
  // The Dotter Lecture runs 16:00–17:00 UTC, 09:00–10:00 in Phoenix, on 2023-03-06.
  const sessionForm = (fields: Record<string, string>) => ({
    intent: "save-session",
    title: "Dr. Charles T. Dotter Lecture",
    kind: "NAMED_LECTURE",
    day: "2023-03-06",
    start: "09:00",
    end: "10:00",
    status: "SCHEDULED",
    ...fields,
  });
  const saveSession = async (fields: Record<string, string>) => {
    const meeting = fixture.meeting.slug;
    const { document } = await getDraft(fixture.meeting.id);
    const revision = revisionOf(document.sessions.find((session) => session.slug === "dotter-lecture"));
    return post(sessionPage.action as Handler, `/organize/${meeting}/sessions/dotter-lecture`, { meeting, session: "dotter-lecture" }, sessionForm({ revision, ...fields }));
  };

  it("refuses credit off the 0.25 steps or over the length with 400 under the credit field", async () => {
    const offStep = await saveSession({ cmeAccredited: "on", creditHours: "0.8" });
    expect(offStep.status).toBe(400);
    expect(offStep.errors.creditHours?.[0]).toMatch(/steps of 0.25/);
    const over = await saveSession({ cmeAccredited: "on", creditHours: "1.25" });
    expect(over.status).toBe(400);
    expect(over.errors.creditHours?.[0]).toMatch(/60-minute session earns at most 1.00/);
    const draft = await getDraft(fixture.meeting.id);
    expect(draft.document.sessions.find((session) => session.slug === "dotter-lecture")).toMatchObject({ cmeAccredited: false, creditQuarters: null });
  });

  it("saves it to the draft, and publishing writes it to the session", async () => {
    expect((await saveSession({ cmeAccredited: "on", creditHours: "0.75", saCme: "on" })).status).toBe(302);
    expect(await prisma.session.findUniqueOrThrow({ where: { id: fixture.sessions.dotter.id }, select: { cmeAccredited: true } })).toEqual({ cmeAccredited: false });
    const release = await publishEdits(fixture.meeting.id, organizer, {});
    expect(await prisma.session.findUniqueOrThrow({ where: { id: fixture.sessions.dotter.id }, select: { cmeAccredited: true, creditQuarters: true, saCme: true } })).toEqual({
      cmeAccredited: true,
      creditQuarters: 3,
      saCme: true,
    });
    expect(lines(release.changes)).toContain("Accredited for CME: 0.75 credits, SA-CME");
    // The agenda's CME filter (?cme=1) now finds it, and only it, on every day.
    const { query } = parseAgendaQuery(new URLSearchParams("cme=1"), { days: [], trackSlugs: [] });
    const agenda = await getAgenda(fixture.meeting, null, query);
    expect(agenda.sessions.map((session) => [session.slug, session.creditQuarters])).toEqual([["dotter-lecture", 3]]);
  });

  it("refuses a draft where a shorter length would leave a session more credit than minutes", async () => {
    await publishEdits(fixture.meeting.id, organizer, { "dotter-lecture": { cmeAccredited: true, creditQuarters: 4 } });
    const result = await changeDraft(fixture.meeting.id, organizer, (document) => {
      const session = document.sessions.find((candidate) => candidate.slug === "dotter-lecture")!;
      session.endsAt = "2023-03-06T16:45:00.000Z";
      return { ok: true, document, value: undefined, audit: { action: "test", summary: "shorten" } };
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID", message: expect.stringMatching(/Dotter Lecture.*45-minute session earns at most 0.75/) });
  });
});

const lines = (changes: ProgramChange[]) => changes.map((change) => describeChange(change, "America/Phoenix"));

describe("the changelog of a release that changes a session's length", () => {
  it("says how a credit that follows the length moved, and nothing about unaccredited sessions", async () => {
    await publishEdits(fixture.meeting.id, organizer, { "dotter-lecture": { cmeAccredited: true } });
    const release = await publishEdits(fixture.meeting.id, organizer, {
      "dotter-lecture": { endsAt: "2023-03-06T17:30:00.000Z" },
      "why-ir": { endsAt: "2023-03-04T16:30:00.000Z" },
    });
    const dotter = release.changes.filter((change) => change.type !== "entity" && change.session === "dotter-lecture");
    expect(lines(dotter)).toEqual([expect.stringMatching(/^Moved from/), "CME credit 1.00 → 1.50, follows the new length"]);
    expect(release.changes.flatMap((change) => (change.type === "credit" ? [change.session] : []))).toEqual(["dotter-lecture"]);
    const listed = await prisma.agendaRelease.findFirstOrThrow({ where: { meetingId: fixture.meeting.id, number: release.release.number }, select: { changes: true } });
    expect(lines(listed.changes as unknown as ProgramChange[])).toContain("CME credit 1.00 → 1.50, follows the new length");
  });
});

describe("the spreadsheet's CME columns", () => {
  const meeting = () => ({ id: fixture.meeting.id, timeZone: fixture.meeting.timeZone, startsOn: fixture.meeting.startsOn, endsOn: fixture.meeting.endsOn });

  it("import accredited / credit / SA-CME, refuse credit over the length on its line, and export them back", async () => {
    const csv = `slug,title,day,start,end,cme,credit,sa_cme
dotter-lecture,Dr. Charles T. Dotter Lecture,2023-03-06,09:00,10:30,yes,1.25,yes
why-ir,Why IR? Career Paths,2023-03-04,08:00,09:00,yes,1.5,no
`;
    const { plan } = await dryRunProgramImport(meeting(), csv);
    expect(plan.errors).toEqual([{ line: 3, message: expect.stringMatching(/^credit “1.5”: A 60-minute session earns at most 1.00/) }]);
    const fixed = csv.replace(",1.5,no", ",,no");
    const { draftVersion } = await dryRunProgramImport(meeting(), fixed);
    expect((await importProgramCsv(meeting(), organizer, fixed, draftVersion)).ok).toBe(true);
    const { document } = await getDraft(fixture.meeting.id);
    const bySlug = new Map(document.sessions.map((session) => [session.slug, session]));
    expect(bySlug.get("dotter-lecture")).toMatchObject({ cmeAccredited: true, creditQuarters: 5, saCme: true });
    expect(bySlug.get("why-ir")).toMatchObject({ cmeAccredited: true, creditQuarters: null, saCme: false });
    const exported = programToCsv(document, fixture.meeting.timeZone).split("\n");
    expect(exported[0]).toContain(",cme,credit,sa_cme,");
    expect(exported.find((line) => line.startsWith("dotter-lecture,"))).toContain(",yes,1.25,yes,");
  });
});
