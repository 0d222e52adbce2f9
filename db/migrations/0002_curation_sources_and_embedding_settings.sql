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
