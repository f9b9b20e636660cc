// A refusal as a Conform reply: one field's message beside it, a refusal with
// no field above the form, and every problem a check found at once; a verb's
// outcome as the message above a page.
import { describe, expect, it } from "vitest";
import { refuse, refuseAll } from "~/models/refusal";
import { outcomeMessage, refusalReply, refusalStatus } from "./refusal.server";

describe("refusalReply", () => {
  it("puts a refusal beside its field, or above the form when it names none", () => {
    expect(refusalReply(refuse("INVALID", "Choose a category", "category")).error).toEqual({ category: ["Choose a category"] });
    expect(refusalReply(refuse("CLOSED", "Registration is closed.")).error).toEqual({ "": ["Registration is closed."] });
  });

  it("shows every problem of a refuseAll at once, two on one field in order", () => {
    const refusal = refuseAll([
      { field: "category", message: "Member rates are for members." },
      { field: "promoCode", message: "We do not know that promo code." },
      { field: "category", message: "Not sold in person." },
    ]);
    expect(refusalStatus(refusal)).toBe(400);
    expect(refusalReply(refusal).error).toEqual({
      category: ["Member rates are for members.", "Not sold in person."],
      promoCode: ["We do not know that promo code."],
    });
  });
});

describe("outcomeMessage", () => {
  it("says what was done, or passes the refusal on with its status", () => {
    expect(outcomeMessage({ ok: true }, "Question removed.")).toEqual({ ok: true, message: "Question removed.", field: null });
    expect(outcomeMessage({ ok: true as const, number: 12 }, (done) => `Abstract ${done.number} proposed.`)).toEqual({ ok: true, message: "Abstract 12 proposed.", field: null });
    expect(outcomeMessage(refuse("CONFLICT", "The session is full."), "Placed.")).toMatchObject({ data: { ok: false, message: "The session is full.", field: null }, init: { status: 409 } });
  });
});
