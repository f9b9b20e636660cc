// The web process's LISTEN for "calendar_feed_changed", which is what lets a
// person's calendar feed be answered from memory (app/models/schedule/schedule-feed-memo.server.ts).
// One dedicated connection, reconnecting like the sidecar's; while it is down
// the memo is off and every feed request reads the database.
import { NotificationBus } from "../realtime/bus";
import {
  CALENDAR_FEED_CHANGED_CHANNEL,
  scheduleFeedChanged,
  scheduleFeedListening,
} from "../app/models/schedule/schedule-feed-memo.server";
import { logger } from "../app/utils/logger.server";

/** Starts listening; the memo is used from the moment LISTEN is in place. A failed first connection leaves it off. */
export async function listenForScheduleFeedChanges(databaseUrl: string): Promise<{ close: () => Promise<void> }> {
  const bus = new NotificationBus(
    databaseUrl,
    // The payload is a person's id; any other string forgets nothing.
    { [CALENDAR_FEED_CHANGED_CHANNEL]: (userId) => scheduleFeedChanged(userId) },
    {
      onReconnected: () => scheduleFeedListening(true),
      onLost: () => scheduleFeedListening(false),
      onError: (error) => logger.warn({ err: error }, "calendar feeds: the LISTEN connection failed; personal feeds read the database until it is back"),
    },
  );
  try {
    await bus.start();
    scheduleFeedListening(true);
  } catch (error) {
    logger.warn({ err: error }, "calendar feeds: could not LISTEN; personal feeds read the database on every request");
  }
  return {
    close: async () => {
      scheduleFeedListening(false);
      await bus.close();
    },
  };
}
