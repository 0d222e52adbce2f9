import { openDb } from '../db/open-db.js';
import { ensureVectorIndex } from '../retrieval/vector-index.js';
import { exitWith } from './cli/exit-with.js';
import { runKbCli } from './cli/kb-cli.js';
import { loadConfig } from './config.js';
import { createEmbedder } from './create-embedder.js';

// `npm run kb -- <command>`: knowledge-base curation and ingestion from a terminal.
async function main(): Promise<number> {
  const config = loadConfig();
  const command = process.argv[2];
  const db = await openDb(config);
  try {
    const embedder = createEmbedder(config);
    // Re-indexing is how a mismatch is resolved, so it must not be refused by one.
    if (command !== 'reindex') await ensureVectorIndex(db, embedder);
    return await runKbCli(process.argv.slice(2), {
      db,
      embedder,
      defaultLocale: config.defaultLocale,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } finally {
    await db.close();
  }
}

exitWith(main, 'While the service runs, curate through its HTTP API (/api/kb, see README) or stop it first.');
