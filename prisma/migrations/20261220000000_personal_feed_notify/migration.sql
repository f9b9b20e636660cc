-- A person's calendar feed is answered from memory in the web process (what
-- its ETag needs, per token: app/models/schedule/schedule-feed-memo.server.ts).
-- The web process LISTENs on "calendar_feed_changed" and forgets a person's
-- remembered feeds when their schedule or their feed's token changes. Triggers
-- rather than calls in the app, because schedules change on many paths (a
-- click, a cancelled session, a deleted account, a seed) and none may be
-- missed. PostgreSQL delivers the notice when the transaction commits.
CREATE FUNCTION "calendar_feed_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('calendar_feed_changed', OLD."userId");
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."userId" IS DISTINCT FROM OLD."userId") THEN
    PERFORM pg_notify('calendar_feed_changed', NEW."userId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ScheduleItem_calendar_feed_changed" AFTER INSERT OR UPDATE OR DELETE ON "ScheduleItem"
  FOR EACH ROW EXECUTE FUNCTION "calendar_feed_changed"();

CREATE TRIGGER "CalendarFeed_calendar_feed_changed" AFTER INSERT OR UPDATE OR DELETE ON "CalendarFeed"
  FOR EACH ROW EXECUTE FUNCTION "calendar_feed_changed"();
