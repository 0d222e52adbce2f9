import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createPgliteDb, type PgliteDb } from '../db/pglite-db.js';

/** A private in-memory database, migrated, optionally with the sample knowledge base. */
export async function createTestDb(template: 'migrated' | 'sample-knowledge' = 'migrated'): Promise<PgliteDb> {
  const path = inject(template === 'migrated' ? 'migratedTemplatePath' : 'sampleKnowledgeTemplatePath');
  const dump = new Blob([await readFile(path)]);
  return createPgliteDb({ loadDataDir: dump });
}
