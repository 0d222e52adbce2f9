CREATE EXTENSION IF NOT EXISTS vector;

-- Curated knowledge: every version of every article is kept.
CREATE TABLE articles (
  id          text PRIMARY KEY,
  locale      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE article_versions (
  article_id    text NOT NULL REFERENCES articles (id),
  version       integer NOT NULL CHECK (version > 0),
  title         text NOT NULL,
  locale        text NOT NULL,
  status        text NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'retired')),
  owner         text NOT NULL,
  reviewed_at   date,
  review_due    date,
  valid_until   date,
  tags          text[] NOT NULL DEFAULT '{}',
  url           text,
  translations  jsonb NOT NULL DEFAULT '{}',
  body          text NOT NULL,
  content_hash  text NOT NULL,
  source_path   text,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, version)
);

-- The one definition of what may be served: per article, the latest version
-- that is approved or retired; served only when that version is approved
-- and not past its validity. Later drafts never hide the approved version.
CREATE VIEW served_article_versions AS
SELECT decided.*
FROM (
  SELECT DISTINCT ON (article_id) *
  FROM article_versions
  WHERE status IN ('approved', 'retired')
  ORDER BY article_id, version DESC
) AS decided
WHERE decided.status = 'approved'
  AND (decided.valid_until IS NULL OR decided.valid_until >= CURRENT_DATE);

CREATE TABLE chunks (
  id              text PRIMARY KEY,
  article_id      text NOT NULL,
  article_version integer NOT NULL,
  ordinal         integer NOT NULL,
  locale          text NOT NULL,
  heading         text NOT NULL DEFAULT '',
  text            text NOT NULL,
  embedder_id     text NOT NULL,
  embedding       vector NOT NULL,
  search_vector   tsvector GENERATED ALWAYS AS (
    to_tsvector(
      CASE locale WHEN 'nl' THEN 'dutch'::regconfig ELSE 'english'::regconfig END,
      heading || ' ' || text
    )
  ) STORED,
  FOREIGN KEY (article_id, article_version) REFERENCES article_versions (article_id, version)
);
CREATE INDEX chunks_article_idx ON chunks (article_id, article_version);
CREATE INDEX chunks_search_idx ON chunks USING gin (search_vector);

-- Conversations and every message in them, inbound and outbound.
CREATE TABLE conversations (
  id          text PRIMARY KEY,
  channel     text NOT NULL,
  locale      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE messages (
  id                   text PRIMARY KEY,
  conversation_id      text NOT NULL REFERENCES conversations (id),
  channel              text NOT NULL,
  provider_message_id  text NOT NULL,
  direction            text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  author_type          text NOT NULL CHECK (author_type IN ('customer', 'bot', 'expert')),
  author_id            text,
  text                 text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (channel, provider_message_id)
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at);

-- Every answer decision, with what it was based on.
CREATE TABLE answers (
  id                   text PRIMARY KEY,
  conversation_id      text NOT NULL REFERENCES conversations (id),
  inbound_message_id   text NOT NULL REFERENCES messages (id),
  outbound_message_id  text REFERENCES messages (id),
  question             text NOT NULL,
  locale               text NOT NULL,
  kb_version           text NOT NULL,
  decision             text NOT NULL CHECK (decision IN ('answer', 'handoff')),
  confidence           double precision NOT NULL,
  reasons              text[] NOT NULL DEFAULT '{}',
  citations            jsonb NOT NULL DEFAULT '[]',
  generator            text NOT NULL,
  latency_ms           integer NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX answers_conversation_idx ON answers (conversation_id, created_at);

-- Append-only record of who did what.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_type    text NOT NULL CHECK (actor_type IN ('customer', 'bot', 'expert', 'system')),
  actor_id      text,
  action        text NOT NULL,
  subject_type  text NOT NULL,
  subject_id    text NOT NULL,
  details       jsonb NOT NULL DEFAULT '{}'
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
