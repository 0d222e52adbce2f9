import { once } from 'node:events';
import { createServer } from 'node:http';
import { DataDirLockedError } from '../db/data-dir-locked-error.js';
import { openDb } from '../db/open-db.js';
import { EmbedderMismatchError } from '../retrieval/embedder-mismatch-error.js';
import { ensureVectorIndex } from '../retrieval/vector-index.js';
import { composeAssistant } from './compose-assistant.js';
import { composeChannels } from './compose-channels.js';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './create-app.js';
import { createEmbedder } from './create-embedder.js';
import { installGracefulShutdown } from './graceful-shutdown.js';
import { loadSampleKnowledge } from './load-sample-knowledge.js';
import { createLogger } from './logger.js';

// The composition root: the only module that reads the environment (through
// loadConfig), opens the database and listens.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let db;
  try {
    db = await openDb(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      logger.fatal({ dataDir: error.dataDir, ownerPid: error.ownerPid }, error.message);
      process.stderr.write(`${error.message}\n`);
      process.exit(75);
    }
    throw error;
  }
  logger.info({ database: db.kind }, 'database ready');

  const embedder = createEmbedder(config);
  try {
    await ensureVectorIndex(db, embedder);
  } catch (error) {
    if (error instanceof EmbedderMismatchError) {
      await db.close();
      logger.fatal(error.message);
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const assistant = await composeAssistant(db, { settings: config, embedder, logger });
  if (config.loadSampleKnowledge) {
    const report = await loadSampleKnowledge(db, embedder, {
      directory: config.knowledgeDir,
      defaultLocale: config.defaultLocale,
      today: new Date().toISOString().slice(0, 10),
    });
    if (report) {
      for (const failure of report.failures) logger.warn(failure, 'knowledge source not loaded');
      logger.info(
        { created: report.created.length, chunks: report.chunks, failed: report.failures.length, ms: Math.round(report.seconds * 1000) },
        'sample knowledge base loaded',
      );
    }
  }

  const channels = await composeChannels(db, assistant, config, logger);
  if (channels.smtpListener) logger.info({ port: channels.smtpListener.port }, 'smtp listener ready');
  const app = createApp({
    config,
    db,
    logger,
    assistant,
    channels,
  });
  const server = createServer(app);
  server.listen(config.port, config.host);
  await once(server, 'listening');
  logger.info({ url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}` }, 'listening');

  installGracefulShutdown({
    server,
    logger,
    timeoutMs: config.shutdownTimeoutMs,
    onShutdownStarted: () => channels.events.close(),
    onServerClosed: async () => {
      await channels.close();
      await db.close();
    },
    exit: (code) => process.exit(code),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
