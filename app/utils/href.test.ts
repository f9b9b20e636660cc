import { describe, expect, test } from "vitest";
import { href, withQuery } from "./href";

describe("href", () => {
  test("builds the public pages of a meeting from a slug or a record", () => {
    expect(href.session("sir-2023", { slug: "y90-radioembolization" })).toBe("/meetings/sir-2023/sessions/y90-radioembolization");
    expect(href.sessionCalendar({ slug: "sir-2023" }, "y90")).toBe("/meetings/sir-2023/sessions/y90.ics");
    expect(href.organize.session("sir-2023", "y90", { saved: 1 })).toBe("/organize/sir-2023/sessions/y90?saved=1");
  });

  test("encodes a slug, so an echoed parameter cannot add a path", () => {
    expect(href.meeting("../organize")).toBe("/meetings/..%2Forganize");
  });

  test("leaves empty query values out and keeps Stripe's placeholder whole", () => {
    expect(withQuery("/x", { a: "", b: null, c: undefined, d: 0 })).toBe("/x?d=0");
    expect(href.login()).toBe("/login");
    expect(href.login("/meetings/sir-2023/schedule?day=2023-03-05")).toBe("/login?redirectTo=%2Fmeetings%2Fsir-2023%2Fschedule%3Fday%3D2023-03-05");
    expect(href.registerSuccess("sir-2023")).toBe("/meetings/sir-2023/register/success?session_id={CHECKOUT_SESSION_ID}");
  });
});
