-- Where each article was last ingested from, and the hash of that source, so
-- re-ingesting an unchanged source costs nothing and a removed one is retired.
ALTER TABLE articles ADD COLUMN source text;
ALTER TABLE articles ADD COLUMN source_hash text;
CREATE INDEX articles_source_idx ON articles (source);

-- What a version change was about: ingestion, approval, retirement, an edit.
ALTER TABLE article_versions ADD COLUMN change_note text;

-- The one embedder whose vectors the chunks table holds. Changing embedder or
-- dimensions requires an explicit re-index; vectors are never mixed.
CREATE TABLE embedding_settings (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  embedder_id  text NOT NULL,
  dimensions   integer NOT NULL CHECK (dimensions > 0),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX chunks_locale_idx ON chunks (locale);
CREATE INDEX article_versions_status_idx ON article_versions (article_id, version DESC) WHERE status IN ('approved', 'retired');

-- Full text in the chunk's own language, with 'simple' for languages that
-- Postgres has no stemmer configuration for here.
DROP INDEX chunks_search_idx;
ALTER TABLE chunks DROP COLUMN search_vector;
ALTER TABLE chunks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  to_tsvector(
    CASE locale WHEN 'en' THEN 'english'::regconfig WHEN 'nl' THEN 'dutch'::regconfig ELSE 'simple'::regconfig END,
    heading || ' ' || text
  )
) STORED;
CREATE INDEX chunks_search_idx ON chunks USING gin (search_vector);

-- Servability split in two: the decision (latest approved-or-retired version
-- is approved) and its validity date. The decision is mirrored onto chunks as
-- `serving`, refreshed in the same transaction as every version write, so
-- search can use partial HNSW and GIN indexes of serving chunks only; the
-- validity date is immutable per version and copied onto its chunks.
CREATE VIEW decided_article_versions AS
SELECT decided.*
FROM (
  SELECT DISTINCT ON (article_id) *
  FROM article_versions
  WHERE status IN ('approved', 'retired')
  ORDER BY article_id, version DESC
) AS decided
WHERE decided.status = 'approved';

CREATE OR REPLACE VIEW served_article_versions AS
SELECT * FROM decided_article_versions
WHERE valid_until IS NULL OR valid_until >= CURRENT_DATE;

ALTER TABLE chunks ADD COLUMN serving boolean NOT NULL DEFAULT false;
ALTER TABLE chunks ADD COLUMN valid_until date;
ALTER TABLE chunks ADD COLUMN tags text[] NOT NULL DEFAULT '{}';

CREATE FUNCTION refresh_chunk_serving(article_ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE chunks c
  SET serving = EXISTS (
    SELECT 1 FROM decided_article_versions d WHERE d.article_id = c.article_id AND d.version = c.article_version
  )
  WHERE c.article_id = ANY (article_ids)
    AND c.serving IS DISTINCT FROM EXISTS (
      SELECT 1 FROM decided_article_versions d WHERE d.article_id = c.article_id AND d.version = c.article_version
    );
$$;

DROP INDEX chunks_search_idx;
CREATE INDEX chunks_search_idx ON chunks USING gin (search_vector) WHERE serving;
CREATE INDEX chunks_serving_idx ON chunks (article_id, article_version) WHERE serving;

-- A counter bumped by every change to what may be served (expiry aside), so
-- caches derived from the knowledge base can check freshness with one lookup.
CREATE TABLE knowledge_state (
  singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  change_count  bigint NOT NULL DEFAULT 0
);
INSERT INTO knowledge_state DEFAULT VALUES;

CREATE OR REPLACE FUNCTION refresh_chunk_serving(article_ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE chunks c
  SET serving = EXISTS (
    SELECT 1 FROM decided_article_versions d WHERE d.article_id = c.article_id AND d.version = c.article_version
  )
  WHERE c.article_id = ANY (article_ids)
    AND c.serving IS DISTINCT FROM EXISTS (
      SELECT 1 FROM decided_article_versions d WHERE d.article_id = c.article_id AND d.version = c.article_version
    );
  UPDATE knowledge_state SET change_count = change_count + 1;
$$;
