import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/meetings/sir-2023", "/meetings/sir-2023"],
    ["/meetings/sir-2023/agenda?day=2023-03-04&track=residents", "/meetings/sir-2023/agenda?day=2023-03-04&track=residents"],
    ["/account#devices", "/account#devices"],
    ["/", "/"],
  ])("keeps the same-site path %s", (to, expected) => {
    expect(safeRedirect(to, "/fallback")).toBe(expected);
  });

  it.each([
    ["//evil.example/steal", "protocol-relative URL"],
    ["/\\evil.example", "backslash read as a slash by browsers"],
    ["\\\\evil.example", "leading backslashes"],
    ["https://evil.example/", "absolute URL"],
    ["javascript:alert(1)", "script scheme"],
    ["data:text/html,hi", "data scheme"],
    ["meetings", "relative path without a leading slash"],
    ["/\t/evil.example", "a tab that URL parsers strip"],
    ["/\n/evil.example", "a newline that URL parsers strip"],
    ["", "empty"],
    [null, "missing"],
    [undefined, "undefined"],
  ])("refuses %j (%s)", (to, _why) => {
    expect(safeRedirect(to as string | null | undefined, "/fallback")).toBe("/fallback");
  });

  it("defaults the fallback to the home page", () => {
    expect(safeRedirect("https://evil.example")).toBe("/");
  });

  it("refuses absurdly long values", () => {
    expect(safeRedirect(`/${"a".repeat(5000)}`, "/fallback")).toBe("/fallback");
  });
});
