import { exitWith } from '../bot/cli/exit-with.js';
import { loadConfig } from '../bot/config.js';
import { openDb } from '../db/open-db.js';
import { runCreateAdminCli } from './create-admin-cli.js';
import { readPassword } from './read-password.js';

// `npm run console:create-admin -- --username NAME --display-name "..."`: the first console admin.
async function main(): Promise<number> {
  const config = loadConfig();
  const db = await openDb(config);
  try {
    return await runCreateAdminCli(process.argv.slice(2), {
      db,
      passwordFromEnvironment: config.consoleAdminPassword,
      readPassword: () => readPassword(process.stdin, process.stderr),
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } finally {
    await db.close();
  }
}

exitWith(main, 'Stop the service first, or create further accounts in the console (Users).');
