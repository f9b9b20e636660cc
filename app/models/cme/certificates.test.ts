import { describe, expect, it } from "vitest";
import { newVerificationCode, normalizeVerificationCode } from "./certificates";

describe("verification codes", () => {
  it("are three groups of four Crockford base32 characters, and differ", () => {
    const codes = new Set(Array.from({ length: 200 }, newVerificationCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("read as typed: any case, spaces or no hyphens, O for 0 and I or L for 1", () => {
    expect(normalizeVerificationCode(" 7k3m q9tx 2brd ")).toBe("7K3M-Q9TX-2BRD");
    expect(normalizeVerificationCode("OIL0-Q9TX-2BRD")).toBe("0110-Q9TX-2BRD");
    expect(normalizeVerificationCode(newVerificationCode().toLowerCase())).toMatch(/^[0-9A-Z-]{14}$/);
  });

  it("refuse what cannot be a code", () => {
    expect(normalizeVerificationCode("7K3M-Q9TX")).toBeNull();
    expect(normalizeVerificationCode("7K3M-Q9TX-2BRU")).toBeNull();
    expect(normalizeVerificationCode("../../etc/passwd")).toBeNull();
  });
});
