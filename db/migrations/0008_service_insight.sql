-- Service insight: the figures supervisors, curators and admins read in the
-- console (insight/). A new staff role, and the indexes the period queries
-- need to stay fast on a million messages.

-- `supervisor` reads the service figures and nothing else.
ALTER TABLE staff_users DROP CONSTRAINT staff_users_roles_check;
ALTER TABLE staff_users ADD CONSTRAINT staff_users_roles_check
  CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['expert', 'curator', 'admin', 'supervisor']::text[]);

-- Two questions are the same when they differ only in case, punctuation and
-- spacing (the decision cache also folds accents, which needs an extension
-- Postgres does not always have).
CREATE FUNCTION insight_question_key(question text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN btrim(regexp_replace(lower(question), '[^[:alnum:]]+', ' ', 'g'));

-- Every figure selects its rows by the time they happened.
CREATE INDEX conversations_created_idx ON conversations (created_at);
CREATE INDEX answers_created_idx ON answers (created_at) INCLUDE (conversation_id, decision, latency_ms);
CREATE INDEX cases_opened_idx ON cases (opened_at);
CREATE INDEX cases_conversation_idx ON cases (conversation_id);
CREATE INDEX csat_responses_created_idx ON csat_responses (created_at);
CREATE INDEX outbox_created_idx ON outbox (created_at) INCLUDE (channel, status, conversation_id);
-- A case's first response: the first message a person wrote in its conversation after it opened.
CREATE INDEX messages_expert_idx ON messages (conversation_id, created_at) WHERE author_type = 'expert';
