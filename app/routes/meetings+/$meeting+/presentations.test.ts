// Decision to program, as attendees see it: orals placed in a session and
// published appear on the session page in order with their times (in the zone
// the page shows), presenter and abstract; on the presenter's speaker page; and
// the agenda's search finds the session by a talk's title or presenter.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { makeAbstract } from "~/models/abstracts/call.fixture";
import { createPerson } from "~/models/accounts/people.fixture";
import { editDraftSessionPresentations } from "~/models/program/presentation-draft.server";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { publishAgenda } from "~/models/program/publish.server";
import { prisma } from "~/utils/db.server";
import { loader as agendaLoader } from "./agenda";
import { loader as sessionLoader } from "./sessions.$session";
import { loader as speakerLoader } from "./speakers.$speaker";

let fixture: ProgramFixture;
let number: number;
const at = (time: string) => new Date(`2023-03-06T${time}:00.000Z`);

beforeAll(async () => {
  fixture = await createProgramFixture();
  const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  const call = await prisma.abstractCall.create({
    data: { meetingId: fixture.meeting.id, opensAt: at("00:00"), closesAt: at("01:00"), sections: { create: [{ key: "results", title: "Results", limit: 1000 }] } },
    select: { id: true },
  });
  const abstract = await makeAbstract(call.id, { title: "Radial access for hepatic chemoembolization", decision: "ORAL", authors: [{ name: "Mira Quintero", institution: "Mayo Clinic" }] });
  number = abstract.number!;
  await prisma.abstract.update({ where: { id: abstract.id }, data: { body: { results: "Fewer bleeding events." } }, select: { id: true } });
  const add = (title: string, speaker: string, time: string, minutes: number, cited: number | null) =>
    editDraftSessionPresentations(fixture.meeting.id, organizer, "dotter-lecture", { intent: "add-presentation", fields: { title, speaker, startsAt: at(time), minutes, abstract: cited } });
  expect((await add("Invited: thirty years of stents", "lenny-k-tan", "16:10", 15, null)).ok).toBe(true);
  expect((await add("Radial access for hepatic chemoembolization", "ho-young-song", "16:00", 10, number)).ok).toBe(true);
  expect((await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true })).ok).toBe(true);
});

const args = (path: string, params: Record<string, string>): LoaderFunctionArgs => ({ request: new Request(`http://localhost${path}`), params, context: {} });

describe("published presentations on the public pages", () => {
  it("the session page lists them in order with times, presenter and the abstract's text", async () => {
    const slug = fixture.meeting.slug;
    const data = await sessionLoader(args(`/meetings/${slug}/sessions/dotter-lecture`, { meeting: slug, session: "dotter-lecture" }));
    expect(data.presentations.map((talk) => [talk.time, talk.title, talk.speaker?.name, talk.abstract?.number ?? null])).toEqual([
      ["9:00–9:10 AM", "Radial access for hepatic chemoembolization", "Ho-Young Song", number],
      ["9:10–9:25 AM", "Invited: thirty years of stents", "Lenny K. Tan", null],
    ]);
    expect(data.presentations[0]!.abstract).toMatchObject({ authors: [{ name: "Mira Quintero" }], sections: [{ title: "Results", text: "Fewer bleeding events." }] });
    // In the viewer's zone when asked.
    const berlin = await sessionLoader(args(`/meetings/${slug}/sessions/dotter-lecture?tz=Europe%2FBerlin`, { meeting: slug, session: "dotter-lecture" }));
    expect(berlin.presentations[0]!.time).toBe("5:00–5:10 PM");
  });

  it("the presenter's speaker page lists the session with their talk", async () => {
    const slug = fixture.meeting.slug;
    const data = await speakerLoader(args(`/meetings/${slug}/speakers/ho-young-song`, { meeting: slug, speaker: "ho-young-song" }));
    const dotter = data.sessions.find((session) => session.slug === "dotter-lecture")!;
    expect(dotter.roles).toBe(`Presents “Radial access for hepatic chemoembolization” at 9:00 AM (Abstract ${number})`);
    // Their panel role elsewhere is unchanged.
    expect(data.sessions.find((session) => session.slug === "uterine-fibroid-embolization")!.roles).toBe("Panelist");
  });

  it("the agenda's search finds the session by a talk's title and by its presenter", async () => {
    const slug = fixture.meeting.slug;
    const byTitle = await agendaLoader(args(`/meetings/${slug}/agenda?q=chemoembolization`, { meeting: slug }));
    expect(byTitle.results.flatMap((day) => day.sessions.map((session) => session.slug))).toEqual(["dotter-lecture"]);
    const byPresenter = await agendaLoader(args(`/meetings/${slug}/agenda?q=Tan`, { meeting: slug }));
    expect(byPresenter.results.flatMap((day) => day.sessions.map((session) => session.slug))).toContain("dotter-lecture");
  });
});
