// Addresses of new draft entries: the save verbs allocate a slug from the name
// when the organizer leaves it empty, inside the draft's lock, so equal names
// (even saved at the same moment) get distinct addresses, and a chosen address
// that is taken is refused on its field.
import { beforeEach, describe, expect, it } from "vitest";
import { createPerson } from "../accounts/people.fixture";
import { getDraft, saveDraftSession, saveDraftSpeaker, saveDraftTrack } from "./draft.server";
import { createProgramFixture, type ProgramFixture } from "./program.fixture";

let fixture: ProgramFixture;
let organizer: Awaited<ReturnType<typeof createPerson>>;

beforeEach(async () => {
  fixture = await createProgramFixture();
  organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
});

async function sessionFields(title: string) {
  const draft = await getDraft(fixture.meeting.id);
  const { speakers: _speakers, slug: _slug, ...fields } = draft.document.sessions.find((session) => session.slug === "dotter-lecture")!;
  return { ...fields, title };
}

const speaker = (name: string) => ({ name, credentials: null, affiliation: null, city: null, country: "United States", bio: "" });

describe("slugs of new draft entries", () => {
  it("makes a session's from its title, and a different one for the same title", async () => {
    const first = await saveDraftSession(fixture.meeting.id, organizer, { session: await sessionFields("Opening Remarks & Welcome") });
    const second = await saveDraftSession(fixture.meeting.id, organizer, { session: await sessionFields("Opening Remarks & Welcome") });
    expect(first).toMatchObject({ ok: true, value: "opening-remarks-and-welcome" });
    expect(second).toMatchObject({ ok: true, value: "opening-remarks-and-welcome-2" });
  });

  it("gives sessions of one name saved at the same moment distinct slugs", async () => {
    const fields = await sessionFields("Fellows' Breakfast");
    const results = await Promise.all([1, 2, 3].map(() => saveDraftSession(fixture.meeting.id, organizer, { session: fields })));
    const slugs = results.map((result) => (result.ok ? result.value : null));
    expect(new Set(slugs)).toEqual(new Set(["fellows-breakfast", "fellows-breakfast-2", "fellows-breakfast-3"]));
  });

  it("keeps a chosen slug, and refuses one that another entry has, on its field", async () => {
    expect(await saveDraftSession(fixture.meeting.id, organizer, { session: { ...(await sessionFields("Gold Medal")), slug: "gold-medal-2023" } })).toMatchObject({ ok: true, value: "gold-medal-2023" });
    expect(await saveDraftSession(fixture.meeting.id, organizer, { session: { ...(await sessionFields("Gold Medal")), slug: "dotter-lecture" } })).toMatchObject({
      ok: false,
      code: "INVALID",
      field: "slug",
    });
  });

  it("does the same for speakers and tracks", async () => {
    expect(await saveDraftSpeaker(fixture.meeting.id, organizer, { speaker: speaker("Dr. Ana Müller") })).toMatchObject({ ok: true, value: "dr-ana-muller" });
    expect(await saveDraftSpeaker(fixture.meeting.id, organizer, { speaker: speaker("Dr. Ana Müller") })).toMatchObject({ ok: true, value: "dr-ana-muller-2" });
    const track = { name: "Interventional Oncology", description: null, colour: "#0f766e", audience: "EVERYONE" as const, position: 0 };
    expect((await saveDraftTrack(fixture.meeting.id, organizer, { track })).ok).toBe(true);
    expect((await saveDraftTrack(fixture.meeting.id, organizer, { track })).ok).toBe(true);
    const tracks = (await getDraft(fixture.meeting.id)).document.tracks.map((entry) => entry.slug);
    expect(tracks).toEqual(expect.arrayContaining(["interventional-oncology", "interventional-oncology-2"]));
    expect(await saveDraftTrack(fixture.meeting.id, organizer, { track: { ...track, slug: "interventional-oncology" } })).toMatchObject({ ok: false, code: "INVALID", field: "slug" });
  });
});
