import { describe, expect, it } from "vitest";
import { claimReminderDue, claimReminderWindow } from "./claim-reminders";

// The meeting ends Wednesday March 8 in Phoenix (UTC-7); claims close April 30.
const window = claimReminderWindow({ endsOn: new Date("2023-03-08T00:00:00Z"), timeZone: "America/Phoenix" }, new Date("2023-04-30T00:00:00Z"));
const at = (text: string) => new Date(text);

describe("claim reminders", () => {
  it("open at midnight after the meeting's last day, and close when the deadline day ends, in the meeting's zone", () => {
    expect(window).toEqual({ opensAt: at("2023-03-09T07:00:00Z"), secondFrom: at("2023-04-23T07:00:00Z"), closesAt: at("2023-05-01T07:00:00Z") });
  });

  it("sends the first from the day after the meeting until the deadline, never before or after", () => {
    expect(claimReminderDue(null, window, at("2023-03-09T06:59:00Z"))).toBe(false);
    expect(claimReminderDue(null, window, at("2023-03-09T07:00:00Z"))).toBe(true);
    expect(claimReminderDue({ count: 0, lastSentAt: at("2023-03-01T00:00:00Z") }, window, at("2023-04-30T12:00:00Z"))).toBe(true);
    expect(claimReminderDue(null, window, at("2023-05-01T07:00:00Z"))).toBe(false);
  });

  it("sends the second a week before the deadline, and no third", () => {
    const first = { count: 1, lastSentAt: at("2023-03-09T08:00:00Z") };
    expect(claimReminderDue(first, window, at("2023-03-20T12:00:00Z"))).toBe(false);
    expect(claimReminderDue(first, window, at("2023-04-23T07:00:00Z"))).toBe(true);
    expect(claimReminderDue({ count: 2, lastSentAt: at("2023-04-23T08:00:00Z") }, window, at("2023-04-30T12:00:00Z"))).toBe(false);
  });

  it("keeps the two apart when the claim window is short", () => {
    const short = claimReminderWindow({ endsOn: new Date("2023-03-08T00:00:00Z"), timeZone: "America/Phoenix" }, new Date("2023-03-14T00:00:00Z"));
    const first = { count: 1, lastSentAt: at("2023-03-09T07:05:00Z") };
    expect(claimReminderDue(first, short, at("2023-03-10T12:00:00Z"))).toBe(false);
    expect(claimReminderDue(first, short, at("2023-03-12T07:05:00Z"))).toBe(true);
  });
});
