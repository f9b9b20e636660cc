import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getAgenda, getNowAndNext, getProgramFacets, getTrackSessions, searchSessionIds } from "./agenda.server";
import { countSessionsByDay, isDuringMeeting, meetingDays, programNow } from "../meetings/meeting.server";
import { createProgramFixture, type ProgramFixture } from "./program.fixture";

let fixture: ProgramFixture;
const slugs = (sessions: { slug: string }[]) => sessions.map((session) => session.slug);

/** A day of the agenda (every day, for null) as plain data: its sessions' slugs, and how many sessions match on each day. */
async function agendaOf(day: string | null, query: Parameters<typeof getAgenda>[2]) {
  const { sessions, matchesByDay } = await getAgenda(fixture.meeting, day, query);
  return { slugs: slugs(sessions), matchesByDay: Object.fromEntries(matchesByDay) };
}

beforeAll(async () => {
  fixture = await createProgramFixture();
});

describe("a day of the agenda", () => {
  it("holds the sessions of that calendar day in the meeting's zone, in time order", async () => {
    const { sessions } = await getAgenda(fixture.meeting, "2023-03-04", {});
    // The 8 PM reception is on March 5 in UTC but on March 4 in Phoenix.
    expect(slugs(sessions)).toEqual(["uterine-fibroid-embolization", "why-ir", "rfs-reception"]);
    const sunday = await getAgenda(fixture.meeting, "2023-03-05", {});
    expect(slugs(sunday.sessions)).toEqual(["late-night-cases", "liver-directed-therapy"]);
  });

  it("orders parallel sessions by track and lists speakers moderators first", async () => {
    const { sessions } = await getAgenda(fixture.meeting, "2023-03-04", {});
    const embolization = sessions[0]!;
    expect(embolization.track?.slug).toBe("oncology");
    expect(embolization.jointSociety?.shortName).toBe("CIRSE");
    expect(embolization.speakers.map((s) => `${s.role} ${s.speaker.name}`)).toEqual([
      "MODERATOR Johannes Lammer",
      "SPEAKER Jim A. Reekers",
      "SPEAKER Lenny K. Tan",
      "PANELIST Ho-Young Song",
    ]);
  });

  it("keeps cancelled sessions, marked, so nobody wonders where they went", async () => {
    const { sessions } = await getAgenda(fixture.meeting, "2023-03-05", {});
    expect(sessions.find((s) => s.slug === "liver-directed-therapy")?.status).toBe("CANCELLED");
  });

  it("counts the sessions per local day", async () => {
    const counts = await countSessionsByDay(fixture.meeting);
    expect(Object.fromEntries(counts)).toEqual({ "2023-03-04": 3, "2023-03-05": 2, "2023-03-06": 1 });
    expect(meetingDays(fixture.meeting)).toEqual(["2023-03-04", "2023-03-05", "2023-03-06"]);
  });
});

describe("filters", () => {
  it("filters by track", async () => {
    expect(await agendaOf("2023-03-04", { track: "medical-students" })).toEqual({ slugs: ["why-ir"], matchesByDay: { "2023-03-04": 1 } });
  });

  it("filters by audience through the track's audience", async () => {
    const { sessions } = await getAgenda(fixture.meeting, "2023-03-04", { audience: "residents" });
    expect(slugs(sessions)).toEqual(["rfs-reception"]);
  });

  it("filters by kind and by learning level", async () => {
    expect(slugs((await getAgenda(fixture.meeting, "2023-03-06", { kind: "named-lecture" })).sessions)).toEqual(["dotter-lecture"]);
    expect(slugs((await getAgenda(fixture.meeting, "2023-03-04", { kind: "named-lecture" })).sessions)).toEqual([]);
    // The day is empty, but the counts say where the level-300 session is.
    expect(await agendaOf("2023-03-04", { level: 300 })).toEqual({ slugs: [], matchesByDay: { "2023-03-05": 1 } });
  });

  it("combines filters", async () => {
    const { sessions } = await getAgenda(fixture.meeting, "2023-03-04", { track: "oncology", level: 200, q: "fibroid" });
    expect(slugs(sessions)).toEqual(["uterine-fibroid-embolization"]);
  });

  it("offers the kinds and levels the meeting uses", async () => {
    expect(await getProgramFacets(fixture.meeting.id)).toEqual({
      kinds: ["NAMED_LECTURE", "SCIENTIFIC_SESSION", "WORKSHOP", "SOCIAL"],
      levels: [100, 200, 300],
    });
  });
});

describe("full-text search", () => {
  it("finds a title word, stemmed (embolization matches embolizations)", async () => {
    expect(await agendaOf("2023-03-04", { q: "embolizations" })).toEqual({ slugs: ["uterine-fibroid-embolization"], matchesByDay: { "2023-03-04": 1 } });
  });

  it("searches every day of the meeting when no day is given, in program order", async () => {
    // Lammer speaks on two days: the uterine fibroid session (Saturday) and the Dotter Lecture (Monday).
    expect(await agendaOf(null, { q: "Lammer" })).toEqual({ slugs: ["uterine-fibroid-embolization", "dotter-lecture"], matchesByDay: { "2023-03-04": 1, "2023-03-06": 1 } });
    // A day narrows the same search to that day.
    expect(slugs((await getAgenda(fixture.meeting, "2023-03-06", { q: "Lammer" })).sessions)).toEqual(["dotter-lecture"]);
  });

  it("finds a word of the description", async () => {
    expect(slugs((await getAgenda(fixture.meeting, "2023-03-04", { q: "outcomes" })).sessions)).toEqual(["uterine-fibroid-embolization"]);
  });

  it("finds sessions by a speaker's name, whole or in part, in any role", async () => {
    const lammer = await searchSessionIds(fixture.meeting.id, "Lammer");
    expect(lammer.sort()).toEqual([fixture.sessions.embolization.id, fixture.sessions.dotter.id].sort());
    expect(await searchSessionIds(fixture.meeting.id, "ho-young")).toEqual([fixture.sessions.embolization.id]);
    expect((await searchSessionIds(fixture.meeting.id, "lenny k")).sort()).toEqual([fixture.sessions.embolization.id, fixture.sessions.whyIr.id].sort());
  });

  it("supports web-search syntax and finds nothing for unknown words", async () => {
    expect(await searchSessionIds(fixture.meeting.id, '"dotter lecture" -fibroid')).toEqual([fixture.sessions.dotter.id]);
    expect(await searchSessionIds(fixture.meeting.id, "cardiothoracic")).toEqual([]);
  });

  it("treats LIKE wildcards and SQL as plain text", async () => {
    expect(await searchSessionIds(fixture.meeting.id, "%")).toEqual([]);
    expect(await searchSessionIds(fixture.meeting.id, "_")).toEqual([]);
    expect(await searchSessionIds(fixture.meeting.id, "'); DROP TABLE \"Session\"; --")).toEqual([]);
    expect(await prisma.session.count({ where: { meetingId: fixture.meeting.id } })).toBe(6);
  });

  it("never returns another meeting's sessions", async () => {
    const other = await createProgramFixture();
    expect(await searchSessionIds(other.meeting.id, "Lammer")).not.toContain(fixture.sessions.dotter.id);
  });
});

describe("day boundaries across DST", () => {
  it("puts 12:30 AM right after the spring-forward night on the new day", async () => {
    const chicago = await createProgramFixture({ timeZone: "America/Chicago", startsOn: "2023-03-11", endsOn: "2023-03-13" });
    await prisma.session.create({
      data: {
        meetingId: chicago.meeting.id,
        slug: "after-midnight",
        title: "After Midnight",
        kind: "SOCIAL",
        // March 13, 00:30 CDT; in CST (before the switch) it would still be March 12.
        startsAt: new Date("2023-03-13T05:30:00Z"),
        endsAt: new Date("2023-03-13T06:00:00Z"),
      },
    });
    expect(slugs((await getAgenda(chicago.meeting, "2023-03-12", {})).sessions)).not.toContain("after-midnight");
    expect(slugs((await getAgenda(chicago.meeting, "2023-03-13", {})).sessions)).toContain("after-midnight");
  });
});

describe("a track's program", () => {
  it("lists every day of the track in order", async () => {
    expect(slugs(await getTrackSessions(fixture.meeting.id, fixture.tracks.oncology.id))).toEqual([
      "uterine-fibroid-embolization",
      "late-night-cases",
      "liver-directed-therapy",
    ]);
  });
});

describe("happening now and up next", () => {
  it("knows when the meeting runs, in its zone", () => {
    expect(isDuringMeeting(fixture.meeting, new Date("2023-03-04T07:00:00Z"))).toBe(true); // midnight in Phoenix
    expect(isDuringMeeting(fixture.meeting, new Date("2023-03-04T06:59:00Z"))).toBe(false);
    expect(isDuringMeeting(fixture.meeting, new Date("2023-03-07T06:59:00Z"))).toBe(true);
    expect(isDuringMeeting(fixture.meeting, new Date("2023-03-07T07:00:00Z"))).toBe(false);
  });

  it("lets ?now pin the clock outside production only", () => {
    const pinned = new URLSearchParams("now=2023-03-04T15:45:00Z");
    expect(programNow(pinned, false).toISOString()).toBe("2023-03-04T15:45:00.000Z");
    expect(Math.abs(programNow(pinned, true).getTime() - Date.now())).toBeLessThan(5_000);
    expect(Math.abs(programNow(new URLSearchParams("now=banana"), false).getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("shows the sessions under way and the next start time's sessions", async () => {
    const { current, next } = await getNowAndNext(fixture.meeting.id, new Date("2023-03-04T15:45:00Z"));
    expect(slugs(current)).toEqual(["uterine-fibroid-embolization", "why-ir"]);
    expect(slugs(next)).toEqual(["rfs-reception"]);
  });

  it("skips cancelled sessions", async () => {
    const { current, next } = await getNowAndNext(fixture.meeting.id, new Date("2023-03-05T09:00:00Z"));
    expect(current).toEqual([]);
    expect(slugs(next)).toEqual(["dotter-lecture"]);
  });

  it("has nothing next after the last session", async () => {
    const { current, next } = await getNowAndNext(fixture.meeting.id, new Date("2023-03-06T16:30:00Z"));
    expect(slugs(current)).toEqual(["dotter-lecture"]);
    expect(next).toEqual([]);
  });
});
