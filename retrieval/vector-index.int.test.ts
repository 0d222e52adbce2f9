import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { createPgliteDb, type PgliteDb } from '../db/pglite-db.js';
import { articleFixture, type ArticleFixture } from '../test-support/article-fixture.js';
import { createTestDb } from '../test-support/test-db.js';
import type { Embedder } from './embedder.js';
import { EmbedderMismatchError } from './embedder-mismatch-error.js';
import { hybridSearch } from './hybrid-search.js';
import { saveArticleVersion } from '../test-support/save-article-version.js';
import { createLocalHashEmbedder } from './local-hash-embedder.js';
import { ensureVectorIndex, reindex } from './vector-index.js';

const indexed = createLocalHashEmbedder();
const smaller = createLocalHashEmbedder({ dimensions: 256 });

const parcelFee: ArticleFixture = {
  id: 'parcel-fee',
  title: 'Parcel delivery fee',
  body: '## What it costs\n\nA parcel delivery costs €4.95 per parcel.\n\n## When it arrives\n\nParcels arrive within 2 working days.',
};
const letterFee: ArticleFixture = {
  id: 'letter-fee',
  title: 'Letter postage',
  body: '## What it costs\n\nA letter costs €1.10 to send within the country.',
};

async function settingsOf(db: Db) {
  return db.query<{ embedder_id: string; dimensions: number }>('SELECT embedder_id, dimensions FROM embedding_settings');
}

/** The declared type of `chunks.embedding`, such as `vector(384)`. */
async function embeddingColumnType(db: Db): Promise<string | undefined> {
  const [row] = await db.query<{ type: string }>(
    "SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'chunks'::regclass AND attname = 'embedding'",
  );
  return row?.type;
}

async function hasHnswIndex(db: Db): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM pg_indexes WHERE tablename = 'chunks' AND indexname = 'chunks_embedding_hnsw'");
  return rows.length === 1;
}

async function chunkEmbedders(db: Db) {
  return db.query<{ embedder_id: string; dimensions: number; count: number }>(
    'SELECT embedder_id, vector_dims(embedding) AS dimensions, count(*)::int AS count FROM chunks GROUP BY 1, 2 ORDER BY 1, 2',
  );
}

function mismatchOf(promise: Promise<unknown>): Promise<EmbedderMismatchError> {
  return promise.then(
    () => {
      throw new Error('expected an EmbedderMismatchError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(EmbedderMismatchError);
      return error as EmbedderMismatchError;
    },
  );
}

describe('vector index', () => {
  describe('on the migrated template, bound to the local 384-dimension embedder', () => {
    let db: PgliteDb;
    const save = (fixture: ArticleFixture, embedder: Embedder = indexed) =>
      saveArticleVersion(db, embedder, articleFixture(fixture), { actor: 'system:test' });

    beforeEach(async () => {
      db = await createTestDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('accepts the embedder it is bound to, again and again', async () => {
      await ensureVectorIndex(db, indexed);
      await ensureVectorIndex(db, createLocalHashEmbedder({ dimensions: 384 }));
      expect(await settingsOf(db)).toEqual([{ embedder_id: 'local-hash-v1-384', dimensions: 384 }]);
      expect(await embeddingColumnType(db)).toBe('vector(384)');
      expect(await hasHnswIndex(db)).toBe(true);
    });

    it('refuses another embedder, naming both and how to resolve it', async () => {
      const error = await mismatchOf(ensureVectorIndex(db, smaller));
      expect(error.indexed).toEqual({ embedderId: 'local-hash-v1-384', dimensions: 384 });
      expect(error.configured).toEqual({ embedderId: 'local-hash-v1-256', dimensions: 256 });
      expect(error.message).toContain('local-hash-v1-384 (384 dimensions)');
      expect(error.message).toContain('local-hash-v1-256 (256 dimensions)');
      expect(error.message).toContain('npm run kb -- reindex');
      expect(error.isRetryable).toBe(false);
      expect(await settingsOf(db)).toEqual([{ embedder_id: 'local-hash-v1-384', dimensions: 384 }]);
    });

    it('refuses an embedder with the same size but another id', async () => {
      const renamed: Embedder = { ...indexed, id: 'openai:some-model:384' };
      const error = await mismatchOf(ensureVectorIndex(db, renamed));
      expect(error.configured).toEqual({ embedderId: 'openai:some-model:384', dimensions: 384 });
    });

    it('re-indexes every chunk of every version with a new embedder, atomically', async () => {
      await save(parcelFee);
      await save({ ...parcelFee, version: 2, status: 'draft', body: `${parcelFee.body}\n\nA draft sentence.` });
      await save(letterFee);
      const [{ count } = { count: 0 }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM chunks');
      expect(count).toBeGreaterThan(3);
      const progress: [number, number][] = [];

      expect(await reindex(db, smaller, (done, total) => progress.push([done, total]))).toBe(count);

      expect(await chunkEmbedders(db)).toEqual([{ embedder_id: 'local-hash-v1-256', dimensions: 256, count }]);
      expect(await settingsOf(db)).toEqual([{ embedder_id: 'local-hash-v1-256', dimensions: 256 }]);
      expect(await embeddingColumnType(db)).toBe('vector(256)');
      expect(await hasHnswIndex(db)).toBe(true);
      expect(progress).toEqual([[count, count]]);
      const audit = await db.query<{ actor_type: string; actor_id: string; subject_type: string; subject_id: string; details: unknown }>(
        "SELECT actor_type, actor_id, subject_type, subject_id, details FROM audit_log WHERE action = 'knowledge.reindexed'",
      );
      expect(audit).toEqual([
        {
          actor_type: 'system',
          actor_id: 'system:reindex',
          subject_type: 'embedder',
          subject_id: 'local-hash-v1-256',
          details: { dimensions: 256, chunks: count },
        },
      ]);
    });

    it('searches with the new embedder after re-indexing, and refuses the old one', async () => {
      await save(parcelFee);
      await save(letterFee);
      await reindex(db, smaller);

      const found = await hybridSearch(db, smaller, { query: 'How much is the parcel delivery fee?', locale: 'en' });
      expect(found[0]?.articleId).toBe('parcel-fee');
      expect(found.some((chunk) => chunk.vectorSimilarity > 0)).toBe(true);
      await ensureVectorIndex(db, smaller);
      const error = await mismatchOf(ensureVectorIndex(db, indexed));
      expect(error.indexed).toEqual({ embedderId: 'local-hash-v1-256', dimensions: 256 });
    });

    it('stores new versions with the new embedder after re-indexing', async () => {
      await save(parcelFee);
      await reindex(db, smaller);
      await save(letterFee, smaller);
      expect((await chunkEmbedders(db)).map(({ embedder_id, dimensions }) => [embedder_id, dimensions])).toEqual([['local-hash-v1-256', 256]]);
    });

    it('leaves the index as it was when re-indexing fails part-way', async () => {
      await save(parcelFee);
      await save(letterFee);
      const before = await chunkEmbedders(db);
      // Right size for every chunk but the last: the column cannot take the new size, so nothing may change.
      const faulty: Embedder = {
        id: 'faulty-256',
        dimensions: 256,
        async embed(texts) {
          const vectors = await smaller.embed(texts);
          return vectors.map((vector, index) => (index === vectors.length - 1 ? vector.slice(0, 128) : vector));
        },
      };

      await expect(reindex(db, faulty)).rejects.toThrow(/expected 256 dimensions, not 128/);

      expect(await chunkEmbedders(db)).toEqual(before);
      expect(await settingsOf(db)).toEqual([{ embedder_id: 'local-hash-v1-384', dimensions: 384 }]);
      expect(await embeddingColumnType(db)).toBe('vector(384)');
      expect(await hasHnswIndex(db)).toBe(true);
      expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'knowledge.reindexed'")).toEqual([]);
      await ensureVectorIndex(db, indexed);
    });

    it('re-indexes an empty knowledge base', async () => {
      expect(await reindex(db, smaller)).toBe(0);
      expect(await settingsOf(db)).toEqual([{ embedder_id: 'local-hash-v1-256', dimensions: 256 }]);
      await ensureVectorIndex(db, smaller);
    });
  });

  describe('on a fresh database', () => {
    let db: PgliteDb;
    beforeEach(async () => {
      db = await createPgliteDb();
      await migrate(db);
    });
    afterEach(async () => {
      await db.close();
    });

    it('binds to the first embedder used, then refuses others', async () => {
      expect(await settingsOf(db)).toEqual([]);
      expect(await embeddingColumnType(db)).toBe('vector');
      expect(await hasHnswIndex(db)).toBe(false);

      await ensureVectorIndex(db, smaller);

      expect(await settingsOf(db)).toEqual([{ embedder_id: 'local-hash-v1-256', dimensions: 256 }]);
      expect(await embeddingColumnType(db)).toBe('vector(256)');
      expect(await hasHnswIndex(db)).toBe(true);
      await ensureVectorIndex(db, smaller);
      const error = await mismatchOf(ensureVectorIndex(db, indexed));
      expect(error.indexed).toEqual({ embedderId: 'local-hash-v1-256', dimensions: 256 });

      // Past pgvector's 2,000-dimension HNSW limit, vectors are searched exactly, without the index.
      const large = createLocalHashEmbedder({ dimensions: 3072 });
      await saveArticleVersion(db, smaller, articleFixture(parcelFee), { actor: 'system:test' });
      await reindex(db, large);
      expect(await embeddingColumnType(db)).toBe('vector(3072)');
      expect(await hasHnswIndex(db)).toBe(false);
      const found = await hybridSearch(db, large, { query: 'parcel delivery fee', locale: 'en' });
      expect(found[0]?.articleId).toBe('parcel-fee');
    });

    it('refuses to bind when stored chunks came from another embedder', async () => {
      await saveArticleVersion(db, smaller, articleFixture(parcelFee), { actor: 'system:test' });

      const error = await mismatchOf(ensureVectorIndex(db, indexed));

      expect(error.indexed).toEqual({ embedderId: 'local-hash-v1-256', dimensions: 256 });
      expect(await settingsOf(db)).toEqual([]);
      await ensureVectorIndex(db, smaller);
      expect(await settingsOf(db)).toEqual([{ embedder_id: 'local-hash-v1-256', dimensions: 256 }]);
    });
  });
});
