import { exitWith } from '../bot/cli/exit-with.js';
import { loadConfig } from '../bot/config.js';
import { openDb } from '../db/open-db.js';
import { runReportCli } from './report-cli.js';

// `npm run report -- --since 7d`: the service figures in a terminal, as JSON or as CSV.
async function main(): Promise<number> {
  const config = loadConfig();
  return runReportCli(process.argv.slice(2), {
    openDb: (dataDir) => openDb({ ...config, dataDir: dataDir ?? config.dataDir }),
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

exitWith(main, 'Stop the service first, or read the same figures from GET /api/insight/summary (or .csv).');
