// The program pages' loaders, called as Remix calls them: bad input never
// becomes a 500, unknown slugs are 404s, and the zone choice reaches the times.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { routeOutcome } from "../../../../tests/route-outcome";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { loader as meetingsLoader } from "../../_index";
import { loader as meetingLoader } from "./_layout";
import { loader as homeLoader } from "./_index";
import { loader as agendaLoader } from "./agenda";
import { loader as sessionLoader } from "./sessions.$session";
import { loader as speakersLoader } from "./speakers._index";
import { loader as speakerLoader } from "./speakers.$speaker";
import { loader as trackLoader } from "./tracks.$track";
import { loader as pingLoader } from "../../_resources+/ping";

let fixture: ProgramFixture;

beforeAll(async () => {
  fixture = await createProgramFixture();
});

function args(path: string, params: Record<string, string>, cookie?: string): LoaderFunctionArgs {
  const request = new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  return { request, params, context: {} };
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  return (await routeOutcome(() => promise)).status;
}

describe("agenda page", () => {
  it("ignores malformed parameters with a note instead of failing", async () => {
    const slug = fixture.meeting.slug;
    const data = await agendaLoader(args(`/meetings/${slug}/agenda?day=banana&level=999&kind=xyz&q=${"x".repeat(2048)}`, { meeting: slug }));
    expect(data.ignored.map((param) => param.name)).toEqual(["day", "kind", "level", "q"]);
    // Falls back to the first day with no filters.
    expect(data.day).toBe("2023-03-04");
    expect(data.results.map((r) => [r.day, r.sessions.map((s) => s.slug)])).toEqual([["2023-03-04", ["uterine-fibroid-embolization", "why-ir", "rfs-reception"]]]);
  });

  it("applies the filters of the URL", async () => {
    const slug = fixture.meeting.slug;
    const data = await agendaLoader(args(`/meetings/${slug}/agenda?day=2023-03-04&track=medical-students`, { meeting: slug }));
    expect(data.filtered).toBe(true);
    expect(data.results.flatMap((r) => r.sessions.map((s) => s.slug))).toEqual(["why-ir"]);
  });

  it("searches the whole meeting, grouped by the meeting's days, until a day narrows it", async () => {
    const slug = fixture.meeting.slug;
    // 8 PM on March 4 in Phoenix is March 5 in Berlin: the days stay the meeting's, whatever zone the times show in.
    const all = await agendaLoader(args(`/meetings/${slug}/agenda?q=Lammer&tz=Europe%2FBerlin`, { meeting: slug }));
    expect(all.day).toBeNull();
    expect(all.nowAndNext).toBeNull();
    expect(all.results.map((r) => [r.day, r.sessions.map((s) => s.slug)])).toEqual([
      ["2023-03-04", ["uterine-fibroid-embolization"]],
      ["2023-03-06", ["dotter-lecture"]],
    ]);
    expect([all.total, all.matchesInMeeting]).toEqual([2, 2]);
    const monday = await agendaLoader(args(`/meetings/${slug}/agenda?q=Lammer&day=2023-03-06`, { meeting: slug }));
    expect(monday.results.map((r) => [r.day, r.sessions.map((s) => s.slug)])).toEqual([["2023-03-06", ["dotter-lecture"]]]);
    expect([monday.total, monday.matchesInMeeting]).toEqual([1, 2]);
  });

  it("shows today and what is on while the meeting runs (clock pinned with ?now outside production)", async () => {
    const slug = fixture.meeting.slug;
    const data = await agendaLoader(args(`/meetings/${slug}/agenda?now=2023-03-05T17:30:00Z`, { meeting: slug }));
    expect(data.day).toBe("2023-03-05");
    expect(data.nowAndNext?.next.map((s) => s.slug)).toEqual(["dotter-lecture"]);
    const before = await agendaLoader(args(`/meetings/${slug}/agenda?now=2023-02-01T00:00:00Z`, { meeting: slug }));
    expect(before.nowAndNext).toBeNull();
  });

  it("is a 404 for an unknown meeting", async () => {
    expect(await statusOf(agendaLoader(args("/meetings/nope/agenda", { meeting: "nope" })))).toBe(404);
    expect(await statusOf(meetingLoader(args("/meetings/nope", { meeting: "nope" })))).toBe(404);
    expect(await statusOf(homeLoader(args("/meetings/nope", { meeting: "nope" })))).toBe(404);
  });
});

describe("session page", () => {
  const path = () => `/meetings/${fixture.meeting.slug}/sessions/uterine-fibroid-embolization`;
  const params = () => ({ meeting: fixture.meeting.slug, session: "uterine-fibroid-embolization" });

  it("shows the time in the meeting's zone by default, labelled", async () => {
    const data = await sessionLoader(args(path(), params(), "CH-time-zone=Europe%2FBerlin"));
    expect(data.when).toMatchObject({ date: "Saturday, March 4, 2023", time: "8:00–9:30 AM", abbreviation: "MST", meetingTime: null });
    expect(data.zone).toMatchObject({ kind: "meeting", zone: "America/Phoenix", label: "MST · America/Phoenix" });
  });

  it("switches to the viewer's zone from the client hint with tz=local, keeping meeting time beside it", async () => {
    const data = await sessionLoader(args(`${path()}?tz=local`, params(), "CH-time-zone=Europe%2FBerlin"));
    expect(data.when).toMatchObject({ time: "4:00–5:30 PM", abbreviation: "GMT+1", meetingTime: "8:00–9:30 AM MST" });
    expect(data.zone).toMatchObject({ kind: "local", zone: "Europe/Berlin", detected: true });
  });

  it("falls back to meeting time, and says so, when tz=local comes without a hint", async () => {
    const data = await sessionLoader(args(`${path()}?tz=local`, params()));
    expect(data.zone).toMatchObject({ kind: "local", zone: "America/Phoenix", detected: false });
  });

  it("takes a zone picked from the list without JavaScript", async () => {
    const data = await sessionLoader(args(`${path()}?tz=Asia%2FTokyo`, params()));
    expect(data.when.time).toBe("12:00–1:30 AM");
    expect(data.when.date).toBe("Sunday, March 5, 2023");
  });

  it("is a 404 for an unknown session", async () => {
    expect(await statusOf(sessionLoader(args(`/meetings/${fixture.meeting.slug}/sessions/nope`, { meeting: fixture.meeting.slug, session: "nope" })))).toBe(404);
  });
});

describe("tracks and speakers", () => {
  it("groups a track's sessions by the meeting's days", async () => {
    const data = await trackLoader(args("/", { meeting: fixture.meeting.slug, track: "oncology" }));
    expect(data.days.map((day) => [day.day, day.sessions.length])).toEqual([
      ["2023-03-04", 1],
      ["2023-03-05", 2],
    ]);
    expect(await statusOf(trackLoader(args("/", { meeting: fixture.meeting.slug, track: "cardiology" })))).toBe(404);
  });

  it("filters the directory by country and ignores an unknown one with a note", async () => {
    const slug = fixture.meeting.slug;
    const korea = await speakersLoader(args(`/meetings/${slug}/speakers?country=Korea`, { meeting: slug }));
    expect(korea.speakers.map((s) => s.name)).toEqual(["Ho-Young Song"]);
    const atlantis = await speakersLoader(args(`/meetings/${slug}/speakers?country=Atlantis`, { meeting: slug }));
    expect(atlantis.speakers).toHaveLength(4);
    expect(atlantis.ignored.map((param) => param.name)).toEqual(["country"]);
  });

  it("shows a speaker with each session once, naming their roles, and 404s an unknown one", async () => {
    const data = await speakerLoader(args("/", { meeting: fixture.meeting.slug, speaker: "lenny-k-tan" }));
    expect(data.sessions.map((s) => `${s.slug}: ${s.roles}`)).toEqual(["uterine-fibroid-embolization: Speaker", "why-ir: Moderator"]);
    expect(await statusOf(speakerLoader(args("/", { meeting: fixture.meeting.slug, speaker: "nobody" })))).toBe(404);
  });
});

describe("meetings list and ping", () => {
  it("lists the meeting", async () => {
    const data = await meetingsLoader();
    expect(data.meetings.find((m) => m.slug === fixture.meeting.slug)).toMatchObject({ dates: "March 4–6, 2023", sessions: 6 });
  });

  it("answers ok", async () => {
    const response = pingLoader();
    expect(await response.text()).toBe("ok");
  });
});
