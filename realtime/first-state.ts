// What sockets joining a session together get first (realtime/fanout.ts lets
// them in as a batch): the events each missed when it comes back with a recent
// last event id, else its own view of the board. One read serves them all: a
// catch-up read per distinct last id (a restarted sidecar's viewers come back
// with the same one), and one board snapshot for everyone who needs a board.
import { getQaBoards, getQaEventsSince } from "~/models/live-qa/board.server";
import { viewQaEvents, type QaViewer } from "~/models/live-qa/questions";
import type { JoinResult } from "./contract";

export type FirstState = JoinResult["sync"];

/** More missed events than this and a reconnecting client gets a fresh board instead. */
const CATCH_UP_LIMIT = 500;

/** Each joiner's first state, in order; `head` is the session's last event id when they are let in. */
export async function firstStates(
  sessionId: string,
  joiners: readonly { viewer: QaViewer; lastEventId: number | null | undefined }[],
  head: number,
): Promise<FirstState[]> {
  const states: (FirstState | undefined)[] = joiners.map(() => undefined);
  const byLastId = new Map<number, number[]>();
  joiners.forEach(({ lastEventId }, i) => {
    if (lastEventId === null || lastEventId === undefined || lastEventId > head) return;
    const same = byLastId.get(lastEventId);
    if (same) same.push(i);
    else byLastId.set(lastEventId, [i]);
  });
  for (const [lastEventId, indexes] of byLastId) {
    const missed = await getQaEventsSince(sessionId, lastEventId, CATCH_UP_LIMIT + 1);
    if (missed.length > CATCH_UP_LIMIT) continue;
    for (const i of indexes) states[i] = { kind: "events", events: viewQaEvents(missed, joiners[i]!.viewer) };
  }
  const needBoards = states.flatMap((state, i) => (state ? [] : [i]));
  if (needBoards.length) {
    const boards = await getQaBoards(sessionId, needBoards.map((i) => joiners[i]!.viewer));
    needBoards.forEach((i, k) => (states[i] = { kind: "snapshot", board: boards[k]! }));
  }
  return states as FirstState[];
}
