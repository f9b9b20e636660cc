import { beforeAll, describe, expect, it } from "vitest";
import { createProgramFixture, type ProgramFixture } from "./program.fixture";
import { getSession } from "./session.server";
import { getSpeaker, listSpeakerCountries, listSpeakers } from "./speaker.server";

let fixture: ProgramFixture;

beforeAll(async () => {
  fixture = await createProgramFixture();
});

describe("speaker directory", () => {
  it("lists the meeting's speakers by surname with their number of sessions", async () => {
    const speakers = await listSpeakers(fixture.meeting.id, {});
    expect(speakers.map((s) => `${s.name} (${s._count.sessions})`)).toEqual([
      "Johannes Lammer (2)",
      "Jim A. Reekers (1)",
      "Ho-Young Song (1)",
      "Lenny K. Tan (2)",
    ]);
  });

  it("filters by country and by part of a name, case-insensitively", async () => {
    expect((await listSpeakers(fixture.meeting.id, { country: "Korea" })).map((s) => s.name)).toEqual(["Ho-Young Song"]);
    expect((await listSpeakers(fixture.meeting.id, { q: "REEK" })).map((s) => s.name)).toEqual(["Jim A. Reekers"]);
    expect(await listSpeakers(fixture.meeting.id, { country: "Austria", q: "song" })).toEqual([]);
  });

  it("counts speakers per country", async () => {
    const countries = await listSpeakerCountries(fixture.meeting.id);
    expect(countries).toHaveLength(4);
    expect(countries).toContainEqual({ country: "Austria", speakers: 1 });
  });
});

describe("speaker page", () => {
  it("has the speaker's details and sessions in time order with their role", async () => {
    const speaker = await getSpeaker(fixture.meeting.id, "johannes-lammer");
    expect(speaker).toMatchObject({ name: "Johannes Lammer", credentials: "MD", country: "Austria", bio: "Johannes Lammer tests things." });
    expect(speaker?.sessions.map((s) => `${s.role} ${s.session.slug}`)).toEqual(["MODERATOR uterine-fibroid-embolization", "SPEAKER dotter-lecture"]);
  });

  it("is null for an unknown slug or another meeting's speaker", async () => {
    const other = await createProgramFixture();
    expect(await getSpeaker(fixture.meeting.id, "nobody")).toBeNull();
    expect((await getSpeaker(other.meeting.id, "johannes-lammer"))?.sessions.map((s) => s.session.id)).not.toContain(fixture.sessions.dotter.id);
  });
});

describe("session page", () => {
  it("lists speakers by role: moderators, then speakers in their order, then panelists", async () => {
    const session = await getSession(fixture.meeting.id, "uterine-fibroid-embolization");
    expect(session?.speakers.map((s) => `${s.role} ${s.speaker.slug}`)).toEqual([
      "MODERATOR johannes-lammer",
      "SPEAKER jim-a-reekers",
      "SPEAKER lenny-k-tan",
      "PANELIST ho-young-song",
    ]);
    expect(session).toMatchObject({
      title: "Uterine Fibroid Embolization Update",
      learningLevel: 200,
      room: { name: "Channel 1 – Main Stage", kind: "VIRTUAL_CHANNEL" },
      track: { slug: "oncology", audience: "EVERYONE" },
      jointSociety: { shortName: "CIRSE", websiteUrl: "https://www.cirse.org" },
    });
  });

  it("is null for an unknown slug", async () => {
    expect(await getSession(fixture.meeting.id, "no-such-session")).toBeNull();
  });
});
