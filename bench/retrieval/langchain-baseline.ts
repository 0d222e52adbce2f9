import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Embeddings } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import pg from 'pg';
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
 * LangChain's PGVectorStore on the same PGlite database (reached over the
 * Postgres wire protocol) and the same embedder, holding the same served
 * chunks: the peer baseline for quality and latency.
 */
export async function createLangchainBaseline(db: PgliteDb, embedder: Embedder): Promise<LangchainBaseline> {
  const server = new PGLiteSocketServer({ db: db.pglite, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  // PGVectorStore holds one pooled client for its lifetime and queries through
  // the pool too, so a pool of one would wait forever.
  const pool = new pg.Pool({ connectionString: `postgres://postgres:postgres@${server.getServerConn()}/postgres`, max: 2 });
  const store = await PGVectorStore.initialize(new PortEmbeddings(embedder), {
    pool,
    tableName: 'langchain_baseline_chunks',
    dimensions: embedder.dimensions,
    distanceStrategy: 'cosine',
  });
  await store.createHnswIndex({ dimensions: embedder.dimensions, efConstruction: 64, m: 16 });
  const chunks = await db.query<{ article_id: string; locale: string; heading: string; text: string }>(
    `SELECT c.article_id, c.locale, c.heading, c.text
     FROM chunks c JOIN served_article_versions s ON s.article_id = c.article_id AND s.version = c.article_version
     ORDER BY c.id`,
  );
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
      await pool.end();
      await server.stop();
    },
  };
}
