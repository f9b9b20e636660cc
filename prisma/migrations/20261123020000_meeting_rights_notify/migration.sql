-- A change to who may take part in or moderate a meeting reaches the live Q&A at
-- once: every sidecar LISTENs on "meeting_rights_changed" and checks the rights
-- of that person's connected sockets again. A trigger rather than calls in the
-- app, because roles change on many paths (a registration confirmed, cancelled
-- or refunded, an invitation accepted, a team member removed, a seed) and none
-- may be missed. PostgreSQL delivers the notice when the transaction commits.
CREATE FUNCTION "meeting_role_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_changed "MeetingRole"%ROWTYPE;
BEGIN
  row_changed := COALESCE(NEW, OLD);
  PERFORM pg_notify('meeting_rights_changed', json_build_object('userId', row_changed."userId", 'meetingId', row_changed."meetingId")::text);
  IF TG_OP = 'UPDATE' AND (OLD."userId", OLD."meetingId") IS DISTINCT FROM (NEW."userId", NEW."meetingId") THEN
    PERFORM pg_notify('meeting_rights_changed', json_build_object('userId', OLD."userId", 'meetingId', OLD."meetingId")::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "MeetingRole_rights_changed" AFTER INSERT OR UPDATE OR DELETE ON "MeetingRole"
  FOR EACH ROW EXECUTE FUNCTION "meeting_role_changed"();

-- Platform admins hold every role in every meeting.
CREATE FUNCTION "user_admin_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('meeting_rights_changed', json_build_object('userId', NEW."id")::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "User_admin_changed" AFTER UPDATE OF "isAdmin" ON "User"
  FOR EACH ROW WHEN (OLD."isAdmin" IS DISTINCT FROM NEW."isAdmin") EXECUTE FUNCTION "user_admin_changed"();
