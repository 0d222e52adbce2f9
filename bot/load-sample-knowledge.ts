import type { Db } from '../db/db.js';
import type { Embedder } from '../retrieval/embedder.js';
import type { IngestReport } from '../retrieval/ingest/ingest-report.js';
import { ingestSources } from '../retrieval/ingest/ingest-sources.js';
import { countArticles } from '../retrieval/knowledge-store.js';

/** On a fresh database, ingests the sample knowledge base so the service answers from the first minute. */
export async function loadSampleKnowledge(
  db: Db,
  embedder: Embedder,
  options: { directory: string; defaultLocale: 'en' | 'nl'; today: string },
): Promise<IngestReport | undefined> {
  if ((await countArticles(db)) > 0) return undefined;
  return ingestSources(db, embedder, {
    path: options.directory,
    actor: 'system:sample-knowledge',
    defaultLocale: options.defaultLocale,
    defaultStatus: 'approved',
    defaultOwner: 'sample',
    today: options.today,
  });
}
