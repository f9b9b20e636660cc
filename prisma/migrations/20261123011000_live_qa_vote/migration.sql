-- Votes are the hot path of live Q&A (thousands of viewers, one session): one
-- call does all of a vote in one round trip and one transaction, the way
-- app/models/live-qa.server.ts does every other change: take the session's
-- lock (so event ids rise in commit order within a session), check the question
-- and the Q&A settings, add or remove the vote (the unique key refuses a
-- second one), keep the count, write the event with the question as it now is
-- (the QuestionRecord shape of app/models/live-qa.ts) and NOTIFY the sidecars.
-- The outcome says why nothing was written; the caller turns it into a message.
CREATE FUNCTION "qa_vote"(p_session_id TEXT, p_question_id TEXT, p_user_id TEXT, p_up BOOLEAN, p_vote_id TEXT)
RETURNS TABLE (outcome TEXT, event_id BIGINT, question JSONB, settings JSONB)
LANGUAGE plpgsql AS $$
DECLARE
  q "AudienceQuestion"%ROWTYPE;
  qa JSONB;
  changed INTEGER;
  record JSONB;
  new_event_id BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(7341, hashtext(p_session_id));
  SELECT * INTO q FROM "AudienceQuestion" WHERE id = p_question_id AND "sessionId" = p_session_id;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_FOUND'::TEXT, NULL::BIGINT, NULL::JSONB, NULL::JSONB;
    RETURN;
  END IF;
  SELECT jsonb_build_object('open', COALESCE(s.open, TRUE), 'moderationEnabled', COALESCE(s."moderationEnabled", TRUE), 'pinnedQuestionId', s."pinnedQuestionId")
    INTO qa FROM (SELECT 1) AS one LEFT JOIN "SessionQa" s ON s."sessionId" = p_session_id;
  IF NOT (qa->>'open')::BOOLEAN THEN
    RETURN QUERY SELECT 'CLOSED'::TEXT, NULL::BIGINT, NULL::JSONB, qa;
    RETURN;
  END IF;
  IF q.status <> 'APPROVED' THEN
    RETURN QUERY SELECT q.status::TEXT, NULL::BIGINT, NULL::JSONB, qa;
    RETURN;
  END IF;
  IF p_up THEN
    INSERT INTO "QuestionVote" (id, "questionId", "userId") VALUES (p_vote_id, p_question_id, p_user_id)
      ON CONFLICT ("questionId", "userId") DO NOTHING;
  ELSE
    DELETE FROM "QuestionVote" WHERE "questionId" = p_question_id AND "userId" = p_user_id;
  END IF;
  GET DIAGNOSTICS changed = ROW_COUNT;
  IF changed = 0 THEN
    RETURN QUERY SELECT (CASE WHEN p_up THEN 'ALREADY_VOTED' ELSE 'NOT_VOTED' END)::TEXT, NULL::BIGINT, NULL::JSONB, qa;
    RETURN;
  END IF;
  UPDATE "AudienceQuestion" SET "voteCount" = "voteCount" + (CASE WHEN p_up THEN 1 ELSE -1 END)
    WHERE id = p_question_id RETURNING * INTO q;
  SELECT jsonb_build_object(
      'id', q.id, 'sessionId', q."sessionId", 'authorId', q."authorId", 'authorName', u.name,
      'anonymous', q.anonymous, 'body', q.body, 'status', q.status, 'voteCount', q."voteCount",
      'createdAt', to_char(q."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'editedAt', to_char(q."editedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'approvedAt', to_char(q."approvedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'answeredAt', to_char(q."answeredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'dismissedAt', to_char(q."dismissedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'dismissReason', q."dismissReason")
    INTO record FROM "User" u WHERE u.id = q."authorId";
  INSERT INTO "QaEvent" ("sessionId", "kind", "questionId", "actorId", "payload")
    VALUES (p_session_id, (CASE WHEN p_up THEN 'QUESTION_VOTED' ELSE 'QUESTION_UNVOTED' END)::"QaEventKind", p_question_id, p_user_id,
            jsonb_build_object('qa', qa, 'question', record))
    RETURNING id INTO new_event_id;
  PERFORM pg_notify('qa_events', p_session_id || ':' || new_event_id);
  RETURN QUERY SELECT 'OK'::TEXT, new_event_id, record, qa;
END $$;
