import type { WebChatEvents } from './web-chat-events.js';
import type { PgliteDb } from '../../db/pglite-db.js';
import { startTestApp } from '../../test-support/start-test-app.js';

export interface WebChatTestApp {
  baseUrl: string;
  db: PgliteDb;
  events: WebChatEvents;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface WebChatTestAppOptions {
  allowedOrigins?: readonly string[];
  heartbeatMs?: number;
}

export const testTokenSecret = 'web-chat-test-secret-0123456789abcdef';

/** The test app with a known web-chat token secret and the given origin allow-list. */
export async function startWebChatTestApp(options: WebChatTestAppOptions = {}): Promise<WebChatTestApp> {
  const app = await startTestApp(
    { WEB_CHAT_TOKEN_SECRET: testTokenSecret, WEB_CHAT_ALLOWED_ORIGINS: (options.allowedOrigins ?? []).join(',') },
    options.heartbeatMs === undefined ? {} : { webChatHeartbeatMs: options.heartbeatMs },
  );
  return { baseUrl: app.baseUrl, db: app.db, events: app.channels.events, logs: app.logs, close: () => app.close() };
}
