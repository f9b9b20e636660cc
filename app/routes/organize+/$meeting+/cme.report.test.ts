// The CME report's page and downloads through their routes, as Remix calls
// them: organizers only (an attendee gets 403, a stranger is sent to sign in),
// the files named and typed for a spreadsheet and for PARS, and a wrong
// evaluation scope answered 400 with a clear message.
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { createReportFixture, giveEvidence, makeClaim, makeLearner } from "~/models/cme/report.fixture";
import { type ProgramFixture } from "~/models/program/program.fixture";
import { href } from "~/utils/href";
import * as claimsCsv from "./cme.report.claims[.]csv";
import * as evaluationCsv from "./cme.report.evaluation[.]csv";
import * as parsFile from "./cme.report.pars[.]txt";
import * as reportPage from "./cme.report._index";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

let fixture: ProgramFixture;
let organizerCookie: string;
let attendeeCookie: string;

beforeAll(async () => {
  fixture = await createReportFixture();
  const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  const attendee = await createPerson("attendee", { roles: [{ meetingId: fixture.meeting.id, role: "ATTENDEE" }] });
  organizerCookie = await cookieFor(organizer.id);
  attendeeCookie = await cookieFor(attendee.id);
  const learner = await makeLearner("Ana García");
  await giveEvidence(learner.id, fixture.sessions.dotter, 60);
  await makeClaim(fixture.meeting.id, learner, { totalQuarters: 4, parsConsent: true, pars: { birthMonth: 3, birthDay: 9, licenseState: "AZ", licenseNumber: "AZ-1" }, sessions: [{ id: fixture.sessions.dotter.id, quarters: 4 }] });
});

const call = (handler: unknown, path: string, cookie?: string) =>
  (handler as Handler)({ request: new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} }), params: { meeting: fixture.meeting.slug }, context: {} });

describe("the CME report's routes", () => {
  it("are for the meeting's organizers only", async () => {
    const meeting = fixture.meeting.slug;
    const routes: [unknown, string][] = [
      [reportPage.loader, href.organize.cmeReport(meeting)],
      [claimsCsv.loader, href.organize.claimsCsv(meeting)],
      [evaluationCsv.loader, href.organize.evaluationCsv(meeting, "meeting")],
      [parsFile.loader, href.organize.parsFile(meeting)],
    ];
    for (const [loader, path] of routes) {
      await expect(call(loader, path, attendeeCookie)).rejects.toMatchObject({ status: 403 });
      await expect(call(loader, path)).rejects.toMatchObject({ status: 302 });
    }
  });

  it("shows the organizer the figures and offers the files", async () => {
    const page = (await call(reportPage.loader, href.organize.cmeReport(fixture.meeting.slug), organizerCookie)) as Awaited<ReturnType<typeof reportPage.loader>>;
    expect(page).toMatchObject({ learners: 1, claims: { learners: 1, physicians: 1, totalQuarters: 4 }, pars: { reported: 1 } });
    expect(page.sessions).toEqual([{ slug: "dotter-lecture", title: "Dr. Charles T. Dotter Lecture", designated: 4, quarters: 4, claimants: 1, selfReported: 0 }]);

    const claims = (await call(claimsCsv.loader, href.organize.claimsCsv(fixture.meeting.slug), organizerCookie)) as Response;
    expect(claims.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(claims.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="${fixture.meeting.slug}-cme-claims-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(await claims.text()).toContain("Ana García,MD,");

    const pars = (await call(parsFile.loader, href.organize.parsFile(fixture.meeting.slug), organizerCookie)) as Response;
    expect(pars.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(pars.headers.get("Content-Disposition")).toMatch(/pars-learners-.*\.txt"$/);
    expect((await pars.text()).split("\t").slice(0, 4)).toEqual(["0001234", "TEST-ASM", "Ana", "García"]);
  });

  it("answers a wrong evaluation scope with 400, and an evaluation not made yet with 404", async () => {
    const path = `/organize/${fixture.meeting.slug}/cme/report/evaluation.csv?scope=everyone`;
    const wrong = await call(evaluationCsv.loader, path, organizerCookie).catch((error: unknown) => error as Response);
    expect(wrong).toMatchObject({ status: 400 });
    expect(await (wrong as Response).text()).toBe("Say which evaluation: scope=meeting or scope=session.");
    const missing = await call(evaluationCsv.loader, href.organize.evaluationCsv(fixture.meeting.slug, "session"), organizerCookie).catch((error: unknown) => error as Response);
    expect(missing).toMatchObject({ status: 404 });
  });
});
