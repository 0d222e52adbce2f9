import { toVectorLiteral } from './vector-literal.js';
import type { Db, Queryable } from '../db/db.js';
import type { Embedder } from './embedder.js';
import { EmbedderMismatchError } from './embedder-mismatch-error.js';

type SettingsRow = { embedder_id: string; dimensions: number };

const maxIndexedDimensions = 2000;

/**
 * Binds the chunks table to one embedder: on first use it records the
 * embedder, fixes the vector column's dimensions and builds the HNSW index.
 * Afterwards a different embedder is refused until `reindex` runs.
 */
export async function ensureVectorIndex(db: Db, embedder: Embedder): Promise<void> {
  await db.transaction(async (transaction) => {
    const [settings] = await transaction.query<SettingsRow>('SELECT embedder_id, dimensions FROM embedding_settings FOR UPDATE');
    if (settings) {
      if (settings.embedder_id !== embedder.id || settings.dimensions !== embedder.dimensions) {
        throw new EmbedderMismatchError(
          { embedderId: settings.embedder_id, dimensions: settings.dimensions },
          { embedderId: embedder.id, dimensions: embedder.dimensions },
        );
      }
      return;
    }
    const [foreign] = await transaction.query<{ embedder_id: string; dimensions: number }>(
      'SELECT embedder_id, vector_dims(embedding) AS dimensions FROM chunks WHERE embedder_id <> $1 LIMIT 1',
      [embedder.id],
    );
    if (foreign) {
      throw new EmbedderMismatchError(
        { embedderId: foreign.embedder_id, dimensions: foreign.dimensions },
        { embedderId: embedder.id, dimensions: embedder.dimensions },
      );
    }
    await bindColumn(transaction, embedder);
  });
}

export interface ReindexProgress {
  (done: number, total: number): void;
}

/**
 * Re-embeds every chunk of every version with `embedder`, atomically: readers
 * see either all old vectors or all new ones, never a mix.
 */
export async function reindex(db: Db, embedder: Embedder, onProgress: ReindexProgress = () => undefined): Promise<number> {
  const chunks = await db.query<{ id: string; heading: string; text: string }>('SELECT id, heading, text FROM chunks ORDER BY id');
  // Embed before the transaction: a remote embedder may be slow.
  const vectors: number[][] = [];
  const batchSize = 256;
  for (let start = 0; start < chunks.length; start += batchSize) {
    const batch = chunks.slice(start, start + batchSize);
    vectors.push(...(await embedder.embed(batch.map((chunk) => `${chunk.heading}\n${chunk.text}`))));
    onProgress(Math.min(start + batchSize, chunks.length), chunks.length);
  }
  await db.transaction(async (transaction) => {
    await transaction.exec('DROP INDEX IF EXISTS chunks_embedding_hnsw; ALTER TABLE chunks ALTER COLUMN embedding TYPE vector');
    for (const [index, chunk] of chunks.entries()) {
      await transaction.query('UPDATE chunks SET embedding = $1::vector, embedder_id = $2 WHERE id = $3', [
        toVectorLiteral(vectors[index] ?? []),
        embedder.id,
        chunk.id,
      ]);
    }
    await transaction.query('DELETE FROM embedding_settings');
    await bindColumn(transaction, embedder);
    await transaction.query(
      `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
       VALUES ('system', 'system:reindex', 'knowledge.reindexed', 'embedder', $1, $2)`,
      [embedder.id, JSON.stringify({ dimensions: embedder.dimensions, chunks: chunks.length })],
    );
  });
  return chunks.length;
}

async function bindColumn(transaction: Queryable, embedder: Embedder): Promise<void> {
  const dimensions = Math.trunc(embedder.dimensions);
  if (!(dimensions > 0 && dimensions <= 16_000)) throw new Error(`Embedder ${embedder.id} has invalid dimensions ${embedder.dimensions}`);
  // DDL cannot take parameters; `dimensions` is a checked integer.
  await transaction.exec(`ALTER TABLE chunks ALTER COLUMN embedding TYPE vector(${dimensions})`);
  // pgvector's HNSW indexes at most 2,000 dimensions; larger vectors are searched exactly.
  if (dimensions <= maxIndexedDimensions) {
    // Only serving chunks are searched, so only they are indexed.
    await transaction.exec(
      'CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw ON chunks USING hnsw (embedding vector_cosine_ops) WHERE serving',
    );
  }
  await transaction.query('INSERT INTO embedding_settings (embedder_id, dimensions) VALUES ($1, $2)', [embedder.id, dimensions]);
}
