// Folding several releases' changes to one session into what changed overall,
// and saying it old → new: what My schedule marks and the e-mail lists.
import { describe, expect, it } from "vitest";
import { type CreditState, describeCredit, describeOldNew, netSessionChanges, oldNewText, type SessionChange } from "./changes";

const ref = { session: "dotter-lecture", title: "Dr. Charles T. Dotter Lecture" };
const time = (start: string, end: string) => ({ startsAt: `2023-03-06T${start}:00.000Z`, endsAt: `2023-03-06T${end}:00.000Z` });
const lammer = { name: "Johannes Lammer", role: "SPEAKER" as const };
const tan = { name: "Lenny K. Tan", role: "MODERATOR" as const };

describe("netSessionChanges", () => {
  it("keeps the first old value and the last new one", () => {
    const changes: SessionChange[] = [
      { ...ref, type: "moved", from: time("16:00", "17:00"), to: time("17:00", "18:00") },
      { ...ref, type: "re-roomed", from: "Hall A", to: "Hall B" },
      { ...ref, type: "moved", from: time("17:00", "18:00"), to: time("17:30", "18:30") },
      { ...ref, type: "re-roomed", from: "Hall B", to: "Hall C" },
    ];
    expect(netSessionChanges(changes)).toEqual([
      { ...ref, type: "moved", from: time("16:00", "17:00"), to: time("17:30", "18:30") },
      { ...ref, type: "re-roomed", from: "Hall A", to: "Hall C" },
    ]);
  });

  it("drops what a later release undid: moved back, cancelled and reinstated, a speaker added and removed, renamed back", () => {
    const changes: SessionChange[] = [
      { ...ref, type: "moved", from: time("16:00", "17:00"), to: time("17:00", "18:00") },
      { ...ref, type: "cancelled", ...time("17:00", "18:00") },
      { ...ref, type: "speakers", added: [tan], removed: [lammer] },
      { ...ref, title: "The Dotter Lecture", type: "updated", fields: ["title"], previousTitle: ref.title },
      { ...ref, type: "moved", from: time("17:00", "18:00"), to: time("16:00", "17:00") },
      { ...ref, type: "reinstated", ...time("16:00", "17:00") },
      { ...ref, type: "speakers", added: [], removed: [tan] },
      { ...ref, type: "updated", fields: ["title"], previousTitle: "The Dotter Lecture" },
    ];
    // Lammer was removed and stays removed; Tan came and went.
    expect(netSessionChanges(changes)).toEqual([{ ...ref, type: "speakers", added: [], removed: [lammer] }]);
  });

  it("keeps a status that changed overall, and says a removal alone", () => {
    expect(netSessionChanges([{ ...ref, type: "cancelled", ...time("16:00", "17:00") }]).map((change) => change.type)).toEqual(["cancelled"]);
    const removed: SessionChange = { ...ref, type: "removed", ...time("16:00", "17:00"), room: "Hall A" };
    expect(netSessionChanges([{ ...ref, type: "re-roomed", from: "Hall A", to: "Hall B" }, removed])).toEqual([removed]);
  });
});

describe("describeOldNew", () => {
  it("says each change as old → new in the viewer's zone", () => {
    const zone = "America/Phoenix";
    expect(oldNewText(describeOldNew({ ...ref, type: "moved", from: time("16:00", "17:00"), to: time("17:30", "18:30") }, zone))).toBe(
      "Time: Mon, Mar 6, 9:00–10:00 AM MST → Mon, Mar 6, 10:30–11:30 AM MST",
    );
    expect(oldNewText(describeOldNew({ ...ref, type: "re-roomed", from: null, to: "Hall B" }, zone))).toBe("Room: no room (to be announced) → Hall B");
    expect(oldNewText(describeOldNew({ ...ref, type: "reinstated", ...time("16:00", "17:00") }, zone))).toBe("Status: cancelled → back on the program, Mon, Mar 6, 9:00–10:00 AM MST");
    expect(oldNewText(describeOldNew({ ...ref, title: "The Dotter Lecture", type: "updated", fields: ["title"], previousTitle: ref.title }, zone))).toBe(
      "Title: “Dr. Charles T. Dotter Lecture” → “The Dotter Lecture”",
    );
    expect(oldNewText(describeOldNew({ ...ref, type: "speakers", added: [tan], removed: [] }, zone))).toBe("Speakers: added Lenny K. Tan (moderator)");
  });
});

describe("describeCredit", () => {
  const state = (quarters: number, extra: Partial<CreditState> = {}): CreditState => ({ accredited: true, quarters, saCme: false, followsLength: true, ...extra });
  it("says how a session's CME credit changed, and why", () => {
    expect(describeCredit(state(4), state(6))).toBe("CME credit 1.00 → 1.50, follows the new length");
    expect(describeCredit(state(4, { followsLength: false }), state(6))).toBe("CME credit 1.00 → 1.50, follows the length");
    expect(describeCredit(state(6), state(5, { followsLength: false }))).toBe("CME credit 1.50 → 1.25");
    expect(describeCredit(state(4, { accredited: false }), state(4, { saCme: true }))).toBe("Accredited for CME: 1.00 credit, SA-CME");
    expect(describeCredit(state(6), state(6, { accredited: false }))).toBe("No longer accredited for CME (was 1.50 credits)");
    expect(describeCredit(state(6), state(6, { saCme: true }))).toBe("now counts as SA-CME");
  });
});

describe("presentation changes", () => {
  const talk = (title: string, start: string, end: string, presenter: string | null = "Ho-Young Song") => ({ title, ...time(start, end), presenter, abstract: 12 });
  const change = (presentation: string, before: ReturnType<typeof talk> | null, after: ReturnType<typeof talk> | null): SessionChange => ({ ...ref, type: "presentation", presentation, before, after });

  it("folds several releases into one change per talk, and drops a talk added then removed", () => {
    const a1 = talk("Cone-beam CT", "16:00", "16:10");
    const a2 = talk("Cone-beam CT", "16:10", "16:20");
    const a3 = talk("Cone-beam CT in PAE", "16:20", "16:30", "Lenny K. Tan");
    const changes = [change("cbct", a1, a2), change("fleeting", null, talk("Fleeting", "16:40", "16:50")), change("cbct", a2, a3), change("fleeting", talk("Fleeting", "16:40", "16:50"), null)];
    expect(netSessionChanges(changes)).toEqual([change("cbct", a1, a3)]);
    // Moved back where it was: no change.
    expect(netSessionChanges([change("cbct", a1, a2), change("cbct", a2, a1)])).toEqual([]);
  });

  it("says each in words, old → new for e-mail", () => {
    const zone = "America/Phoenix";
    expect(oldNewText(describeOldNew(change("cbct", null, talk("Cone-beam CT", "16:08", "16:20")), zone))).toBe("Presentation added: 9:08 AM “Cone-beam CT” — Ho-Young Song");
    expect(oldNewText(describeOldNew(change("cbct", talk("Cone-beam CT", "16:08", "16:20"), null), zone))).toBe("Presentation removed: 9:08 AM “Cone-beam CT” — Ho-Young Song");
    expect(oldNewText(describeOldNew(change("cbct", talk("Cone-beam CT", "16:00", "16:10"), talk("Cone-beam CT", "16:10", "16:20", null)), zone))).toBe(
      "Presentation changed: 9:00–9:10 AM “Cone-beam CT” — Ho-Young Song → 9:10–9:20 AM “Cone-beam CT”",
    );
  });
});
