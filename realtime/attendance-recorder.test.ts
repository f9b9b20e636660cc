// The recorder's batching on its own, with a fake write: what a batch holds,
// what a failed write keeps for the next one, and what stopping writes.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AttendanceIntervalRow } from "~/models/cme/attendance-intervals.server";
import { AttendanceRecorder } from "./attendance";

const MINUTE = 60_000;

function recorder(fail: () => boolean = () => false) {
  let clock = 0;
  const batches: AttendanceIntervalRow[][] = [];
  const errors: string[] = [];
  const write = async (rows: AttendanceIntervalRow[]) => {
    if (fail()) throw new Error("database unreachable");
    batches.push(rows);
    return rows.length;
  };
  // A batch window far longer than the test: every batch here is an explicit flush.
  const attendance = new AttendanceRecorder(write, { batchMs: 3_600_000, heartbeatMs: MINUTE, now: () => clock }, (_, what) => errors.push(what));
  const ends = (batch: AttendanceIntervalRow[] | undefined) => batch?.map((row) => [row.userId, row.endedAt.getTime() / MINUTE]);
  return { attendance, batches, errors, ends, tick: (minutes: number) => (clock += minutes * MINUTE) };
}

describe("attendance recorder", () => {
  it("writes only intervals that moved since the last batch; a silent one closes one heartbeat after its last sign", async () => {
    const { attendance, batches, ends, tick } = recorder();
    attendance.visible("s1", "session", "ada");
    attendance.visible("s2", "session", "ben");
    tick(1);
    attendance.visible("s1", "session", "ada");
    await attendance.flush();
    // Ben's last sign was at 0: his page vouches for one heartbeat, until minute 1.
    expect(ends(batches[0])).toEqual([
      ["ada", 1],
      ["ben", 1],
    ]);
    await attendance.flush();
    expect(batches).toHaveLength(1);
    tick(1.5);
    await attendance.flush();
    // Ada vouched for until 2; Ben silent for 2.5 minutes, past the timeout (two heartbeats): closed at 1.
    expect(ends(batches[1])).toEqual([
      ["ada", 2],
      ["ben", 1],
    ]);
    expect(attendance.recording("s1")).toBe(true);
    expect(attendance.recording("s2")).toBe(false);
  });

  it("a failed write loses nothing: closed intervals wait for the next batch, open ones are written again", async () => {
    let down = true;
    const { attendance, batches, errors, ends, tick } = recorder(() => down);
    attendance.visible("s1", "session", "ada");
    attendance.visible("s2", "session", "ben");
    tick(0.5);
    attendance.close("s2");
    await attendance.flush();
    expect(errors).toEqual(["writing 2 attendance intervals"]);
    down = false;
    tick(0.25);
    await attendance.flush();
    expect(ends(batches[0])).toEqual([
      ["ben", 0.5],
      ["ada", 0.75],
    ]);
    expect(attendance.summary()).toMatchObject({ open: 1, batches: 1, rowsWritten: 2, failures: 1 });
  });

  it("stopping ends every open interval now and writes it; nothing is recorded after", async () => {
    const { attendance, batches, ends, tick } = recorder();
    attendance.visible("s1", "session", "ada");
    tick(0.5);
    await attendance.stop();
    expect(ends(batches[0])).toEqual([["ada", 0.5]]);
    attendance.visible("s1", "session", "ada");
    expect(attendance.recording("s1")).toBe(false);
  });

  describe("on its timer", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("writes each open interval once a batch window, a fifth of them a tick, and a closed one at the next tick", async () => {
      vi.useFakeTimers();
      let clock = 0;
      const written: string[][] = [];
      const attendance = new AttendanceRecorder(
        async (rows) => {
          written.push(rows.map((row) => `${row.userId}@${row.endedAt.getTime()}`));
          return rows.length;
        },
        { batchMs: 5_000, heartbeatMs: 30_000, now: () => clock },
        () => {},
      );
      const people = Array.from({ length: 10 }, (_, i) => `p${i}`);
      for (const person of people) attendance.visible(person, "session", person);
      const tick = async () => {
        clock += 1_000;
        await vi.advanceTimersByTimeAsync(1_000);
      };
      for (let i = 0; i < 5; i++) await tick();
      // Five ticks of one second: two intervals each, ten in all, every one once.
      expect(written.map((batch) => batch.length)).toEqual([2, 2, 2, 2, 2]);
      expect(new Set(written.flat().map((row) => row.split("@")[0])).size).toBe(10);
      attendance.close("p9");
      await tick();
      // The next tick: the closed one, and its part (the first two again, five seconds after their last write).
      expect(written[5]).toEqual(["p9@5000", "p0@6000", "p5@6000"]);
      for (let i = 0; i < 4; i++) await tick();
      expect(written.flat()).toHaveLength(10 + 3 + 7);
      await attendance.stop();
    });
  });
});
