import { describe, expect, it } from "vitest";
import { parseAgendaQuery, parseSpeakerQuery } from "./program";

const meeting = { days: ["2023-03-04", "2023-03-05", "2023-03-06"], trackSlugs: ["medical-students", "residents", "oncology"] };
const parse = (query: string) => parseAgendaQuery(new URLSearchParams(query), meeting);

describe("parseAgendaQuery", () => {
  it("reads every filter of a well-formed query", () => {
    expect(parse("day=2023-03-05&track=medical-students&audience=residents&kind=named-lecture&level=200&q=%20Dotter%20")).toEqual({
      query: { day: "2023-03-05", track: "medical-students", audience: "residents", kind: "named-lecture", level: 200, q: "Dotter" },
      ignored: [],
    });
  });

  it("treats empty values as absent (what an untouched GET form sends)", () => {
    expect(parse("day=&track=&audience=&kind=&level=&q=")).toEqual({ query: {}, ignored: [] });
  });

  it("drops malformed values with a reason and keeps the good ones", () => {
    const { query, ignored } = parse("day=banana&level=999&kind=xyz&audience=martians&track=medical-students");
    expect(query).toEqual({ track: "medical-students" });
    expect(ignored).toEqual([
      { name: "day", value: "banana", reason: "is not a date like 2023-03-06" },
      { name: "audience", value: "martians", reason: "is not an audience" },
      { name: "kind", value: "xyz", reason: "is not a kind of session" },
      { name: "level", value: "999", reason: "is not a learning level (100, 200 or 300)" },
    ]);
  });

  it("drops well-formed values that are not the meeting's own", () => {
    const { query, ignored } = parse("day=2023-04-01&track=cardiology");
    expect(query).toEqual({});
    expect(ignored.map((i) => `${i.name}: ${i.reason}`)).toEqual(["day: is not a day of this meeting", "track: is not a track of this meeting"]);
  });

  it("refuses a 2 KB search and shortens the value it reports", () => {
    const { query, ignored } = parse(`q=${"a".repeat(2048)}`);
    expect(query.q).toBeUndefined();
    expect(ignored[0]?.reason).toBe("is longer than 200 characters");
    expect(ignored[0]?.value.length).toBeLessThanOrEqual(41);
  });

  it("rejects impossible dates and track slugs with odd characters", () => {
    expect(parse("day=2023-02-30").ignored[0]?.name).toBe("day");
    expect(parse("track=%3Cscript%3E").ignored[0]).toMatchObject({ name: "track", reason: "is not a track" });
  });
});

describe("the agenda's CME filter", () => {
  it("reads cme=1 and drops any other value with a note", () => {
    expect(parse("cme=1")).toEqual({ query: { cme: "1" }, ignored: [] });
    expect(parse("cme=yes&level=100")).toEqual({ query: { level: 100 }, ignored: [{ name: "cme", value: "yes", reason: "is not 1 (sessions with CME credit)" }] });
  });
});

describe("parseSpeakerQuery", () => {
  const countries = ["Austria", "Korea", "United States"];

  it("accepts a country of the meeting's speakers and a name", () => {
    expect(parseSpeakerQuery(new URLSearchParams("country=Korea&q=song"), countries)).toEqual({ query: { country: "Korea", q: "song" }, ignored: [] });
  });

  it("ignores an unknown country and an overlong name, saying why", () => {
    const { query, ignored } = parseSpeakerQuery(new URLSearchParams(`country=Atlantis&q=${"x".repeat(500)}`), countries);
    expect(query).toEqual({});
    expect(ignored.map((i) => i.name)).toEqual(["country", "q"]);
  });
});
