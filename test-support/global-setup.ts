import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../db/migrate.js';
import { createPgliteDb } from '../db/pglite-db.js';
import { createLocalHashEmbedder } from '../retrieval/local-hash-embedder.js';
import { ingestSources } from '../retrieval/ingest/ingest-sources.js';
import { ensureVectorIndex } from '../retrieval/vector-index.js';
import { auditSuiteLogs } from './suite-log-audit.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Dumped data directory of a freshly migrated, empty database. */
    migratedTemplatePath: string;
    /** The same, with the sample knowledge base loaded. */
    sampleKnowledgeTemplatePath: string;
    /** Where every app's log lines (and the secrets tests configured) are kept for the audit at the end of the run. */
    suiteLogDirectory: string;
  }
}

/**
 * Creating a PGlite database runs initdb (seconds); loading a dump takes about
 * one. Build the two templates every test file starts from once per run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const directory = await mkdtemp(join(tmpdir(), 'groundline-templates-'));
  const db = await createPgliteDb();
  await migrate(db);
  const embedder = createLocalHashEmbedder();
  await ensureVectorIndex(db, embedder);
  const migratedTemplatePath = join(directory, 'migrated.tar.gz');
  await writeFile(migratedTemplatePath, Buffer.from(await (await db.dump()).arrayBuffer()));

  const report = await ingestSources(db, embedder, {
    path: 'knowledge/articles',
    actor: 'system:sample-knowledge',
    defaultLocale: 'en',
    defaultStatus: 'approved',
    defaultOwner: 'sample',
    today: new Date().toISOString().slice(0, 10),
  });
  if (report.failures.length > 0) {
    throw new Error(`Sample knowledge base has invalid files: ${JSON.stringify(report.failures)}`);
  }
  const sampleKnowledgeTemplatePath = join(directory, 'sample-knowledge.tar.gz');
  await writeFile(sampleKnowledgeTemplatePath, Buffer.from(await (await db.dump()).arrayBuffer()));
  await db.close();

  project.provide('migratedTemplatePath', migratedTemplatePath);
  project.provide('sampleKnowledgeTemplatePath', sampleKnowledgeTemplatePath);
  const suiteLogDirectory = join(directory, 'logs');
  await mkdir(suiteLogDirectory);
  project.provide('suiteLogDirectory', suiteLogDirectory);
  return async () => {
    // The whole run's logs hold no personal data and no secret, or the run fails.
    const { lines, findings } = await auditSuiteLogs(suiteLogDirectory);
    await rm(directory, { recursive: true, force: true });
    if (findings.length > 0) {
      const listed = findings.slice(0, 20).map((finding) => `  ${finding.kind} ${finding.masked} (${finding.file})`);
      throw new Error(`${findings.length} log line finding(s) of personal data or secrets in ${lines} lines:\n${listed.join('\n')}`);
    }
  };
}
