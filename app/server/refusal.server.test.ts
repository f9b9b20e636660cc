// A refusal as a Conform reply: one field's message beside it, a refusal with
// no field above the form, and every problem a check found at once.
import { describe, expect, it } from "vitest";
import { refuse, refuseAll } from "~/models/refusal";
import { refusalReply, refusalStatus } from "./refusal.server";

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
