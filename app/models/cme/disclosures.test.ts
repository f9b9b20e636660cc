import { describe, expect, it } from "vitest";
import {
  carryOverReviews,
  countDisclosures,
  describeDisclosureWarning,
  DisclosureFormSchema,
  disclosureState,
  findDisclosureWarnings,
  isEditable,
  learnerDisclosure,
  MAX_REMINDERS,
  REMINDER_INTERVAL_MS,
  relationshipsOf,
  reminderDue,
  ReviewFormSchema,
} from "./disclosures";

const day = 24 * 60 * 60 * 1000;
const submitted = new Date("2023-02-01T00:00:00Z");
const row = (over: Partial<{ company: string; nature: "CONSULTANT" | "SPEAKER"; ongoing: boolean; relevant: boolean | null; mitigation: string | null }> = {}) => ({
  company: "Meridian Vascular Devices",
  nature: "CONSULTANT" as const,
  ongoing: true,
  relevant: null,
  mitigation: null,
  ...over,
});

describe("the disclosure form", () => {
  it("accepts 'none' even with leftover empty rows, and a list of relationships", () => {
    expect(DisclosureFormSchema.safeParse({ answer: "none", relationships: [{ company: "" }] }).success).toBe(true);
    const some = DisclosureFormSchema.parse({ answer: "some", relationships: [{ company: " Halvorsen Therapeutics ", nature: "SPEAKER", ongoing: "ended" }] });
    expect(relationshipsOf(some)).toEqual([{ company: "Halvorsen Therapeutics", nature: "SPEAKER", ongoing: false }]);
    expect(relationshipsOf({ answer: "none" })).toEqual([]);
  });

  it("refuses 'some' with no relationship, a row without a company, or an unknown nature", () => {
    expect(DisclosureFormSchema.safeParse({ answer: "some", relationships: [] }).success).toBe(false);
    expect(DisclosureFormSchema.safeParse({ answer: "some", relationships: [{ company: " ", nature: "SPEAKER", ongoing: "ongoing" }] }).success).toBe(false);
    expect(DisclosureFormSchema.safeParse({ answer: "some", relationships: [{ company: "X", nature: "FRIEND", ongoing: "ongoing" }] }).success).toBe(false);
    expect(DisclosureFormSchema.safeParse({}).success).toBe(false);
  });

  it("a review of 'not relevant' drops any mitigation text", () => {
    expect(ReviewFormSchema.parse({ relationshipId: "r", relevant: "no", mitigation: "ignored" })).toEqual({ relationshipId: "r", relevant: false, mitigation: null });
    expect(ReviewFormSchema.parse({ relationshipId: "r", relevant: "yes", mitigation: "  Peer reviewed " })).toEqual({ relationshipId: "r", relevant: true, mitigation: "Peer reviewed" });
    expect(ReviewFormSchema.parse({ relationshipId: "r", relevant: "yes", mitigation: "" }).mitigation).toBeNull();
  });
});

describe("where a disclosure stands", () => {
  it("missing, unreviewed, unmitigated, complete", () => {
    expect(disclosureState({ submittedAt: null, noRelationships: false, relationships: [] })).toBe("missing");
    expect(disclosureState({ submittedAt: submitted, noRelationships: true, relationships: [] })).toBe("complete");
    expect(disclosureState({ submittedAt: submitted, noRelationships: false, relationships: [row()] })).toBe("unreviewed");
    expect(disclosureState({ submittedAt: submitted, noRelationships: false, relationships: [row({ relevant: true, mitigation: "  " })] })).toBe("unmitigated");
    expect(disclosureState({ submittedAt: submitted, noRelationships: false, relationships: [row({ relevant: true, mitigation: "Peer review" }), row({ relevant: false })] })).toBe("complete");
  });

  it("counts people and relationships for the board; unanswered rows are not counted as relevant", () => {
    const counts = countDisclosures([
      { submittedAt: null, noRelationships: false, relationships: [row({ relevant: true })] },
      { submittedAt: submitted, noRelationships: true, relationships: [] },
      { submittedAt: submitted, noRelationships: false, relationships: [row({ relevant: true }), row({ relevant: true, mitigation: "Recused" }), row()] },
    ]);
    expect(counts).toEqual({ people: 3, disclosed: 2, missing: 1, relevant: 2, unmitigated: 1, unreviewed: 1 });
  });
});

describe("editing and reminders", () => {
  const start = new Date("2023-03-04T15:00:00Z");
  it("is editable until the first session starts, not from its first minute", () => {
    expect(isEditable(start, new Date(start.getTime() - 1))).toBe(true);
    expect(isEditable(start, start)).toBe(false);
    expect(isEditable(null, start)).toBe(true);
  });

  it("reminds every interval after the request, at most MAX_REMINDERS times, never after an answer or the session's start", () => {
    const requestedAt = new Date(start.getTime() - 20 * day);
    const base = { submittedAt: null, requestedAt, lastRemindedAt: null, reminders: 0 };
    expect(reminderDue(base, start, new Date(requestedAt.getTime() + REMINDER_INTERVAL_MS - 1))).toBe(false);
    expect(reminderDue(base, start, new Date(requestedAt.getTime() + REMINDER_INTERVAL_MS))).toBe(true);
    const last = new Date(requestedAt.getTime() + 4 * day);
    expect(reminderDue({ ...base, lastRemindedAt: last, reminders: 1 }, start, new Date(last.getTime() + day))).toBe(false);
    expect(reminderDue({ ...base, lastRemindedAt: last, reminders: 1 }, start, new Date(last.getTime() + REMINDER_INTERVAL_MS))).toBe(true);
    expect(reminderDue({ ...base, reminders: MAX_REMINDERS }, start, new Date(start.getTime() - day))).toBe(false);
    expect(reminderDue({ ...base, submittedAt: submitted }, start, new Date(start.getTime() - day))).toBe(false);
    expect(reminderDue(base, start, start)).toBe(false);
    expect(reminderDue({ ...base, requestedAt: null }, start, new Date(start.getTime() - day))).toBe(false);
  });
});

describe("a resubmission", () => {
  it("keeps the review of a relationship still listed (same company, any case, same nature) and starts new ones unreviewed", () => {
    const reviewedAt = new Date("2023-02-02T00:00:00Z");
    const previous = [
      { ...row({ relevant: true, mitigation: "Peer reviewed" }), reviewedById: "u1", reviewedAt },
      { ...row({ company: "Halvorsen Therapeutics", nature: "SPEAKER", relevant: false }), reviewedById: "u1", reviewedAt },
    ];
    const next = carryOverReviews(previous, [
      { company: "meridian vascular devices", nature: "CONSULTANT", ongoing: false },
      { company: "Halvorsen Therapeutics", nature: "CONSULTANT", ongoing: true },
    ]);
    expect(next[0]).toMatchObject({ company: "meridian vascular devices", ongoing: false, relevant: true, mitigation: "Peer reviewed", reviewedById: "u1" });
    expect(next[1]).toMatchObject({ relevant: null, mitigation: null, reviewedById: null, reviewedAt: null });
  });
});

describe("publish warnings and what learners see", () => {
  const session = { slug: "s", title: "Embolization Update", startsAt: new Date("2023-03-04T15:00:00Z"), endsAt: new Date("2023-03-04T16:00:00Z") };
  it("warns for a missing disclosure or an unmitigated relevant relationship, not for a complete one", () => {
    const warnings = findDisclosureWarnings([
      {
        ...session,
        faculty: [
          { name: "Ho-Young Song", submittedAt: null, noRelationships: false, relationships: [] },
          { name: "Lenny K. Tan", submittedAt: submitted, noRelationships: false, relationships: [row({ relevant: true })] },
          { name: "Jim A. Reekers", submittedAt: submitted, noRelationships: true, relationships: [] },
        ],
      },
      { ...session, slug: "ok", faculty: [{ name: "Jim A. Reekers", submittedAt: submitted, noRelationships: true, relationships: [] }] },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.problems).toEqual([
      { name: "Ho-Young Song", state: "missing" },
      { name: "Lenny K. Tan", state: "unmitigated" },
    ]);
    expect(describeDisclosureWarning(warnings[0]!)).toBe(
      "“Embolization Update” is accredited for CME: Ho-Young Song has not disclosed; Lenny K. Tan has a relevant financial relationship not yet mitigated.",
    );
  });

  it("shows learners only relevant relationships, once all are mitigated; pending otherwise", () => {
    const person = { name: "Lenny K. Tan", submittedAt: submitted, noRelationships: false };
    expect(learnerDisclosure({ ...person, relationships: [row({ relevant: false })] })).toEqual({ name: "Lenny K. Tan", state: "none" });
    expect(learnerDisclosure({ ...person, relationships: [row({ relevant: true })] }).state).toBe("pending");
    expect(learnerDisclosure({ ...person, submittedAt: null, relationships: [] }).state).toBe("pending");
    expect(
      learnerDisclosure({ ...person, relationships: [row({ relevant: true, mitigation: "Peer review", ongoing: false }), row({ company: "Acme", relevant: false })] }),
    ).toEqual({ name: "Lenny K. Tan", state: "relevant", relationships: [{ company: "Meridian Vascular Devices", nature: "Consultant", ended: true }] });
  });
});
