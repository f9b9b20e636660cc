// The credit rules on figures a CME office would check by hand.
import { describe, expect, it } from "vitest";
import { coveredMinutes, creditsLabel, defaultCreditQuarters, designatedQuarters, formatCredits, parseCredits } from "./credit";

const at = (time: string) => new Date(`2023-03-05T${time}:00.000Z`);

describe("credit in quarter hours", () => {
  it("defaults to the session's length, to the nearest quarter hour", () => {
    expect(defaultCreditQuarters(60)).toBe(4);
    expect(defaultCreditQuarters(90)).toBe(6);
    expect(defaultCreditQuarters(50)).toBe(3); // 0.83 hours → 0.75
    expect(defaultCreditQuarters(53)).toBe(4); // 0.88 hours → 1.00
    expect(defaultCreditQuarters(7)).toBe(0);
    expect(designatedQuarters({ creditQuarters: null, startsAt: at("08:00"), endsAt: at("09:30") })).toBe(6);
    expect(designatedQuarters({ creditQuarters: 5, startsAt: at("08:00"), endsAt: at("09:30") })).toBe(5);
  });

  it("prints with two decimals and the right noun", () => {
    expect(formatCredits(5)).toBe("1.25");
    expect(creditsLabel(4)).toBe("1.00 credit");
    expect(creditsLabel(6)).toBe("1.50 credits");
  });

  it("reads typed figures in 0.25 steps and refuses the rest", () => {
    expect(parseCredits("1.5")).toEqual({ quarters: 6 });
    expect(parseCredits(" 0.75 ")).toEqual({ quarters: 3 });
    expect(parseCredits("1.3")).toEqual({ error: expect.stringContaining("steps of 0.25") });
    expect(parseCredits("-1")).toEqual({ error: expect.stringContaining("negative") });
    expect(parseCredits("one")).toEqual({ error: expect.stringContaining("number") });
    expect(parseCredits("")).toEqual({ error: expect.stringContaining("number") });
  });
});

describe("minutes covered by intervals", () => {
  it("counts overlapping intervals once (two tabs, a reconnect)", () => {
    const intervals = [
      { start: at("08:00"), end: at("08:40") },
      { start: at("08:30"), end: at("09:00") }, // overlaps the first by 10 minutes
      { start: at("08:10"), end: at("08:20") }, // inside the first
      { start: at("09:10"), end: at("09:20") },
    ];
    expect(coveredMinutes(intervals)).toBe(70);
  });

  it("counts only what falls inside the window", () => {
    const window = { start: at("08:00"), end: at("09:00") };
    expect(coveredMinutes([{ start: at("07:30"), end: at("08:15") }, { start: at("08:50"), end: at("10:00") }], window)).toBe(25);
    expect(coveredMinutes([{ start: at("06:00"), end: at("07:00") }], window)).toBe(0);
  });

  it("touching intervals join without a gap or a double count, and seconds add up before rounding down", () => {
    const seconds = (time: string) => new Date(`2023-03-05T${time}.000Z`);
    expect(coveredMinutes([{ start: at("08:00"), end: at("08:30") }, { start: at("08:30"), end: at("09:00") }])).toBe(60);
    expect(coveredMinutes([{ start: seconds("08:00:00"), end: seconds("08:00:40") }, { start: seconds("08:01:00"), end: seconds("08:01:40") }])).toBe(1);
  });
});
