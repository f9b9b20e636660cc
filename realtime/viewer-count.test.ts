// "N watching now" costs a write to every watcher each time the number changes
// (realtime/fanout.ts), and during a join storm it changes at every presence
// tick: a room takes a new count at most every watchers/countWritesPerSecond
// seconds. Here two writes a second make that a second or more for a room of
// two to four, against a presence tick of 100 ms.
import { expect, it } from "vitest";
import { makeSession, quietFor, sidecarForFile, Watcher } from "./test-support";

const sidecar = sidecarForFile({ fanout: { countWritesPerSecond: 2 } });

it("a room's changing count is shown at most every watchers/countWritesPerSecond seconds, and the last one is shown", async () => {
  const session = await makeSession();
  const first = await Watcher.join(await sidecar.connect(), session.id);
  await first.until((w) => w.viewers === 1, "the first count");
  const shown: { count: number; at: number }[] = [];
  first.socket.on("viewers:count", ({ count }) => shown.push({ count, at: performance.now() }));
  // One arrival every 300 ms: at each presence tick the count has changed.
  for (let i = 0; i < 3; i++) {
    await quietFor(300);
    await Watcher.join(await sidecar.connect(), session.id);
  }
  await first.until((w) => w.viewers === 4, "the last count to be shown");

  expect(shown.length, "fewer counts shown than arrivals").toBeLessThan(3);
  const gaps = shown.slice(1).map((change, i) => change.at - shown[i]!.at);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950);
});
