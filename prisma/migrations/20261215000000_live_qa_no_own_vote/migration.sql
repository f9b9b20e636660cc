-- Authors may not upvote their own question. The vote verb (app/models/live-qa/
-- asking.server.ts) calls "qa_vote" for the socket and the no-JavaScript form
-- alike, so the rule lives in that call, in the same round trip: the vote itself
-- keeps its body (renamed "qa_cast_vote"), and "qa_vote" refuses an upvote of
-- one's own question before casting it. A question's author never changes, so
-- the check needs no lock. Taking back a vote cast before this rule stays possible.
ALTER FUNCTION "qa_vote"(TEXT, TEXT, TEXT, BOOLEAN, TEXT) RENAME TO "qa_cast_vote";

CREATE FUNCTION "qa_vote"(p_session_id TEXT, p_question_id TEXT, p_user_id TEXT, p_up BOOLEAN, p_vote_id TEXT)
RETURNS TABLE (outcome TEXT, event_id BIGINT, question JSONB, settings JSONB)
LANGUAGE plpgsql AS $$
BEGIN
  IF p_up AND EXISTS (
    SELECT 1 FROM "AudienceQuestion" q
     WHERE q.id = p_question_id AND q."sessionId" = p_session_id AND q."authorId" = p_user_id
  ) THEN
    RETURN QUERY SELECT 'OWN_QUESTION'::TEXT, NULL::BIGINT, NULL::JSONB, NULL::JSONB;
    RETURN;
  END IF;
  RETURN QUERY SELECT * FROM "qa_cast_vote"(p_session_id, p_question_id, p_user_id, p_up, p_vote_id);
END $$;
