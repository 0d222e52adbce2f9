import { Embeddings } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import type pg from 'pg';
import type { PgliteDb } from '../../db/pglite-db.js';
import type { Embedder } from '../../retrieval/embedder.js';

/** Our embedder behind LangChain's `Embeddings` interface, so both systems compare on the same vectors. */
class PortEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }
  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedder.embed(texts);
  }
  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedder.embed([text]);
    return vector ?? [];
  }
}

export interface LangchainBaseline {
  /** Article ids in rank order for one question, vector-only, as LangChain's store returns them. */
  rank(question: string, locale: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * LangChain's PGVectorStore on the same PGlite database and the same
 * embedder, holding the same served chunks: the peer baseline for quality and
 * latency. Its queries go straight to PGlite through a minimal `pg.Pool`
 * stand-in, so it pays no wire-protocol cost that our search does not pay.
 */
export async function createLangchainBaseline(db: PgliteDb, embedder: Embedder, trace: (step: string) => void = () => undefined): Promise<LangchainBaseline> {
  const pool = poolOver(db);
  const store = await PGVectorStore.initialize(new PortEmbeddings(embedder), {
    pool,
    tableName: 'langchain_baseline_chunks',
    dimensions: embedder.dimensions,
    distanceStrategy: 'cosine',
  });
  trace('store initialised');
  await store.createHnswIndex({ dimensions: embedder.dimensions, efConstruction: 64, m: 16 });
  trace('index created');
  const chunks = await db.query<{ article_id: string; locale: string; heading: string; text: string }>(
    `SELECT c.article_id, c.locale, c.heading, c.text
     FROM chunks c JOIN served_article_versions s ON s.article_id = c.article_id AND s.version = c.article_version
     ORDER BY c.id`,
  );
  trace(`adding ${chunks.length} chunks`);
  await store.addDocuments(
    chunks.map(
      (chunk) =>
        new Document({ pageContent: `${chunk.heading}\n${chunk.text}`, metadata: { articleId: chunk.article_id, locale: chunk.locale } }),
    ),
  );
  return {
    async rank(question, locale) {
      const results = await store.similaritySearchWithScore(question, 20, { locale });
      const ranking: string[] = [];
      for (const [document] of results) {
        const articleId = String(document.metadata.articleId);
        if (!ranking.includes(articleId)) ranking.push(articleId);
      }
      return ranking;
    },
    async close() {
      await store.end();
    },
  };
}

/**
 * The slice of `pg.Pool` that PGVectorStore uses (query, connect/release,
 * end), answered by PGlite in process. pglite-socket serves every connection
 * from one backend session, and PGVectorStore's held client plus pooled
 * queries stalled on it under load.
 */
function poolOver(db: PgliteDb): pg.Pool {
  const query = async (sql: string, params?: unknown[]) => {
    const result = await db.pglite.query(sql, params ?? []);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  };
  const stand = { query, connect: async () => ({ query, release: () => undefined }), end: async () => undefined, on: () => stand };
  return stand as unknown as pg.Pool;
}
