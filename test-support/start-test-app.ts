import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { composeAssistant, type AssistantParts } from '../bot/compose-assistant.js';
import { composeChannels, type ChannelParts } from '../bot/compose-channels.js';
import { describeSettings, loadConfig } from '../bot/config.js';
import type { Generator } from '../bot/answer-engine/generator.js';
import { createApp } from '../bot/create-app.js';
import { createLogger } from '../bot/logger.js';
import type { PgliteDb } from '../db/pglite-db.js';
import { recordSuiteLog, recordSuiteSecrets } from './suite-log-audit.js';
import { createTestDb } from './test-db.js';

export interface TestApp {
  baseUrl: string;
  /** The Express app itself, for tests that inspect its routes. */
  app: Express;
  db: PgliteDb;
  assistant: AssistantParts;
  channels: ChannelParts;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppParts {
  generator?: Generator;
  webChatHeartbeatMs?: number;
  /**
   * The database to serve from, migrated and with its knowledge base loaded;
   * the app closes it. A copy of the sample-knowledge test template unless
   * given (that template exists only inside a vitest run).
   */
  db?: PgliteDb;
}

/** The real app on an in-memory database with the sample knowledge base (or the given database), listening on 127.0.0.1. */
export async function startTestApp(environment: Record<string, string> = {}, parts: TestAppParts = {}): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'debug', ...environment });
  const secretSettings = new Set(describeSettings().filter((setting) => setting.secret).map((setting) => setting.name as string));
  recordSuiteSecrets(Object.entries(environment).flatMap(([name, value]) => (secretSettings.has(name) ? [value] : [])));
  const db = parts.db ?? (await createTestDb('sample-knowledge'));
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString('utf8');
      recordSuiteLog(text);
      for (const line of text.split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // Providers sign webhooks with the public URL; here that is the port just taken.
  const settings = { ...config, publicBaseUrl: environment.PUBLIC_BASE_URL ?? baseUrl };
  const assistant = await composeAssistant(db, { settings, logger, ...(parts.generator ? { generator: parts.generator } : {}) });
  const channels = await composeChannels(db, assistant, settings, logger);
  const app = createApp({
    config: settings,
    db,
    logger,
    assistant,
    channels,
    ...(parts.webChatHeartbeatMs === undefined ? {} : { webChatHeartbeatMs: parts.webChatHeartbeatMs }),
  });
  server.on('request', app);
  return {
    baseUrl,
    app,
    db,
    assistant,
    channels,
    logs,
    async close() {
      channels.events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await channels.close();
      await db.close();
    },
  };
}

/** POSTs JSON (or a raw string body) and returns status and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
