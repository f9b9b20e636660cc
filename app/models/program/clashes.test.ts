// The clash checks on a small hand-made program: each kind is found, touching
// sessions (one ends as the next starts) and cancelled sessions are not clashes.
import { describe, expect, it } from "vitest";
import { findClashes } from "./clashes";
import { newDraftSession, type DraftSession, type ProgramDocument } from "./document";

const session = (slug: string, start: string, end: string, extra: Partial<DraftSession> = {}): DraftSession => ({
  ...newDraftSession(slug, slug),
  startsAt: `2023-03-05T${start}:00.000Z`,
  endsAt: `2023-03-05T${end}:00.000Z`,
  room: "Hall A",
  ...extra,
});

const program = (sessions: DraftSession[]): ProgramDocument => ({
  tracks: [
    { slug: "students", name: "Students", description: null, colour: "#000000", audience: "MEDICAL_STUDENTS", position: 0 },
    { slug: "students-2", name: "Students 2", description: null, colour: "#000000", audience: "MEDICAL_STUDENTS", position: 1 },
    { slug: "oncology", name: "Oncology", description: null, colour: "#000000", audience: "EVERYONE", position: 2 },
  ],
  rooms: [
    { name: "Hall A", kind: "ROOM", capacity: null, position: 0 },
    { name: "Hall B", kind: "ROOM", capacity: null, position: 1 },
  ],
  speakers: [{ slug: "ann", name: "Ann Example", credentials: null, affiliation: null, city: null, country: "USA", bio: "" }],
  sessions,
});

// March 4–6 in Phoenix (UTC-7).
const meeting = { startsOn: new Date("2023-03-04T00:00:00Z"), endsOn: new Date("2023-03-06T00:00:00Z"), timeZone: "America/Phoenix" };
const types = (doc: ProgramDocument) => findClashes(doc, meeting).map((clash) => `${clash.type}:${clash.sessions.map((s) => s.slug).join("+")}`);

describe("findClashes", () => {
  it("finds a double-booked room but not back-to-back sessions or cancelled ones", () => {
    expect(types(program([session("a", "15:00", "16:00"), session("b", "15:30", "16:30")]))).toEqual(["room:a+b"]);
    expect(types(program([session("a", "15:00", "16:00"), session("b", "16:00", "17:00")]))).toEqual([]);
    expect(types(program([session("a", "15:00", "16:00"), session("b", "15:30", "16:30", { status: "CANCELLED" })]))).toEqual([]);
  });

  it("finds a speaker in two rooms at once", () => {
    const speaking = [{ speaker: "ann", role: "SPEAKER" as const, position: 0 }];
    expect(types(program([session("a", "15:00", "16:00", { speakers: speaking }), session("b", "15:30", "16:30", { room: "Hall B", speakers: speaking })]))).toEqual(["speaker:a+b"]);
  });

  it("finds two sessions for medical students at once, even in different student tracks, but not for everyone", () => {
    expect(types(program([session("a", "15:00", "16:00", { track: "students" }), session("b", "15:00", "16:00", { room: "Hall B", track: "students-2" })]))).toEqual(["audience:a+b"]);
    expect(types(program([session("a", "15:00", "16:00", { track: "oncology" }), session("b", "15:00", "16:00", { room: "Hall B", track: "oncology" })]))).toEqual([]);
  });

  it("finds sessions outside the meeting's days in its zone", () => {
    // 11 PM on March 6 in Phoenix is still inside; 1 AM on March 7 is not.
    const late = session("late", "15:00", "16:00", { startsAt: "2023-03-07T06:00:00.000Z", endsAt: "2023-03-07T06:45:00.000Z" });
    const outside = session("outside", "15:00", "16:00", { room: "Hall B", startsAt: "2023-03-07T08:00:00.000Z", endsAt: "2023-03-07T09:00:00.000Z" });
    expect(types(program([late, outside]))).toEqual(["outside:outside"]);
  });
});
