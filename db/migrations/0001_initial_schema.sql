CREATE EXTENSION IF NOT EXISTS vector;

-- Curated knowledge: every version of every article is kept. `source` and
-- `source_hash` say where the article was last ingested from, so re-ingesting
-- an unchanged source costs nothing and a removed one is retired.
CREATE TABLE articles (
  id           text PRIMARY KEY,
  locale       text NOT NULL,
  source       text,
  source_hash  text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_source_idx ON articles (source);

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
  change_note   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, version)
);
CREATE INDEX article_versions_status_idx ON article_versions (article_id, version DESC) WHERE status IN ('approved', 'retired');

-- The one definition of what may be served, in two steps: the decision (per
-- article, the latest approved-or-retired version, if it is approved; later
-- drafts never hide it) and its validity date.
CREATE VIEW decided_article_versions AS
SELECT decided.*
FROM (
  SELECT DISTINCT ON (article_id) *
  FROM article_versions
  WHERE status IN ('approved', 'retired')
  ORDER BY article_id, version DESC
) AS decided
WHERE decided.status = 'approved';

CREATE VIEW served_article_versions AS
SELECT * FROM decided_article_versions
WHERE valid_until IS NULL OR valid_until >= CURRENT_DATE;

-- Chunks of every version. The decision is mirrored onto `serving` in the
-- same transaction as every version write (refresh_chunk_serving), so search
-- can use partial indexes of serving chunks only; validity and tags are
-- immutable per version and copied onto its chunks. The embedding column gets
-- its dimensions, and the HNSW index, when an embedder is bound
-- (retrieval/vector-index.ts).
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
  serving         boolean NOT NULL DEFAULT false,
  valid_until     date,
  tags            text[] NOT NULL DEFAULT '{}',
  -- The chunk's own language, 'simple' where Postgres has no stemmer configured.
  search_vector   tsvector GENERATED ALWAYS AS (
    to_tsvector(
      CASE locale WHEN 'en' THEN 'english'::regconfig WHEN 'nl' THEN 'dutch'::regconfig ELSE 'simple'::regconfig END,
      heading || ' ' || text
    )
  ) STORED,
  FOREIGN KEY (article_id, article_version) REFERENCES article_versions (article_id, version)
);
CREATE INDEX chunks_article_idx ON chunks (article_id, article_version);
CREATE INDEX chunks_locale_idx ON chunks (locale);
CREATE INDEX chunks_search_idx ON chunks USING gin (search_vector) WHERE serving;
CREATE INDEX chunks_serving_idx ON chunks (article_id, article_version) WHERE serving;

-- The one embedder whose vectors the chunks table holds. Changing embedder or
-- dimensions requires an explicit re-index; vectors are never mixed.
CREATE TABLE embedding_settings (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  embedder_id  text NOT NULL,
  dimensions   integer NOT NULL CHECK (dimensions > 0),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A counter bumped by every change to what may be served (expiry aside), so
-- caches derived from the knowledge base can check freshness with one lookup.
CREATE TABLE knowledge_state (
  singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  change_count  bigint NOT NULL DEFAULT 0
);
INSERT INTO knowledge_state DEFAULT VALUES;

CREATE FUNCTION refresh_chunk_serving(article_ids text[]) RETURNS void LANGUAGE sql AS $$
  WITH wanted AS (
    SELECT c.id, (d.version IS NOT NULL) AS serving
    FROM chunks c
    LEFT JOIN decided_article_versions d ON d.article_id = c.article_id AND d.version = c.article_version
    WHERE c.article_id = ANY (article_ids)
  )
  UPDATE chunks c SET serving = wanted.serving
  FROM wanted
  WHERE c.id = wanted.id AND c.serving <> wanted.serving;
  UPDATE knowledge_state SET change_count = change_count + 1;
$$;

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
