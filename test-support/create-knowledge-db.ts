import { migrate } from '../db/migrate.js';
import { createPgliteDb, type PgliteDb } from '../db/pglite-db.js';
import type { Embedder } from '../retrieval/embedder.js';
import type { IngestReport } from '../retrieval/ingest/ingest-report.js';
import { ingestSources } from '../retrieval/ingest/ingest-sources.js';
import { createLocalHashEmbedder } from '../retrieval/local-hash-embedder.js';
import { ensureVectorIndex } from '../retrieval/vector-index.js';

export interface KnowledgeDb {
  db: PgliteDb;
  /** What ingesting the folder did: files read, articles created, failures with their reasons. */
  report: IngestReport;
}

/**
 * A fresh in-memory database, migrated, with every document under `directory`
 * ingested as approved, in any format ingestion reads (markdown with or
 * without front matter, HTML, text, PDF, JSONL and CSV exports). Works outside
 * vitest, unlike the test templates.
 */
export async function createKnowledgeDb(
  directory: string,
  options: { embedder?: Embedder; defaultLocale?: 'en' | 'nl'; today?: string } = {},
): Promise<KnowledgeDb> {
  const db = await createPgliteDb();
  try {
    await migrate(db);
    const embedder = options.embedder ?? createLocalHashEmbedder();
    await ensureVectorIndex(db, embedder);
    const report = await ingestSources(db, embedder, {
      path: directory,
      actor: 'system:eval-knowledge',
      defaultLocale: options.defaultLocale ?? 'en',
      defaultStatus: 'approved',
      defaultOwner: 'eval',
      today: options.today ?? new Date().toISOString().slice(0, 10),
    });
    return { db, report };
  } catch (error) {
    await db.close();
    throw error;
  }
}
