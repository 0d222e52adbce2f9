-- Guarded answers: a third decision (clarify), what each guard found, the
-- standalone question a follow-up was rewritten to, and the decisions cache
-- that makes every channel get the same answer to the same question.

ALTER TABLE answers DROP CONSTRAINT answers_decision_check;
ALTER TABLE answers ADD CONSTRAINT answers_decision_check CHECK (decision IN ('answer', 'clarify', 'handoff'));
ALTER TABLE answers
  ADD COLUMN standalone_question text,
  ADD COLUMN sentences jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN pii_kinds text[] NOT NULL DEFAULT '{}',
  ADD COLUMN retrieved jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN guards jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN handoff jsonb,
  ADD COLUMN from_cache boolean NOT NULL DEFAULT false;

COMMENT ON COLUMN answers.question IS 'The customer message with personal data redacted; the clear text is never stored.';

-- One decision per (normalised standalone question, locale, knowledge-base
-- version). The first process to decide wins; later turns on any channel read it.
CREATE TABLE answer_decisions (
  cache_key   text PRIMARY KEY,
  kb_version  text NOT NULL,
  locale      text NOT NULL,
  question    text NOT NULL,
  outcome     jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX answer_decisions_kb_version_idx ON answer_decisions (kb_version);
