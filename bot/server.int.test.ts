import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from '../test-support/start-test-app.js';
import { freePort, spawnServer, type SpawnedServer } from '../test-support/spawn-server.js';

// These tests run the real entry point as a separate process: start-up,
// the data-directory lock, persistence across restarts and signals.
describe('server process', () => {
  const started: SpawnedServer[] = [];
  const start = (environment: Record<string, string>) => {
    const server = spawnServer(environment);
    started.push(server);
    return server;
  };
  afterEach(async () => {
    for (const server of started.splice(0)) {
      if (server.process.exitCode === null && server.process.signalCode === null) {
        server.process.kill('SIGKILL');
        await server.exited;
      }
    }
  });

  it('starts on an empty data directory with the sample knowledge base, answers, and hands off', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'server-'));
    const server = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
    await server.listening;

    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    const answer = await postJson(`${server.baseUrl}/api/web-chat/messages`, { text: 'I forgot my PIN code' });
    expect(answer.body.replies).toEqual([
      expect.objectContaining({ decision: 'answer', citations: expect.arrayContaining([expect.objectContaining({ articleId: 'pin-reset' })]) }),
    ]);
    const handoff = await postJson(`${server.baseUrl}/api/web-chat/messages`, { text: 'What is the capital of Mongolia?' });
    expect(handoff.body.replies).toEqual([expect.objectContaining({ decision: 'handoff', citations: [] })]);
  });

  it('refuses a second process on the same data directory, loses nothing, and keeps data across a restart', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'server-'));
    const first = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
    await first.listening;
    const conversation = await postJson(`${first.baseUrl}/api/web-chat/messages`, { text: 'I forgot my PIN code' });
    const asCustomer = { authorization: `Bearer ${String(conversation.body.conversationToken)}` };

    const second = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await second.exited).toBe(75);
    expect(second.stderr()).toContain(`The data directory ${dataDir} is in use by another process (pid ${first.process.pid})`);

    // The first process is unaffected and still writes.
    const followUp = await postJson(`${first.baseUrl}/api/web-chat/messages`, {
      text: 'How fast does an instant payment arrive?',
      conversationId: conversation.body.conversationId,
    }, asCustomer);
    expect(followUp.status).toBe(200);

    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.stdout()).toContain('"msg":"shutdown complete"');
    expect(existsSync(join(dataDir, 'service.lock'))).toBe(false);

    // After a restart the conversation continues with the same token: nothing was lost.
    const restarted = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
    await restarted.listening;
    expect(restarted.stdout()).not.toContain('sample knowledge base loaded');
    const afterRestart = await postJson(`${restarted.baseUrl}/api/web-chat/messages`, {
      text: 'I forgot my PIN code',
      conversationId: conversation.body.conversationId,
    }, asCustomer);
    expect(afterRestart.status).toBe(200);
    expect(afterRestart.body.disclosure).toBeUndefined();
  });

  it('stops at start-up with one message naming every bad variable', async () => {
    const server = start({ PORT: 'eighty', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://root:s3cret@db/app' });
    expect(await server.exited).toBe(78);
    const message = server.stderr();
    expect(message).toContain('Invalid configuration:');
    expect(message).toContain('PORT: expected an integer port between 1 and 65535, got "eighty"');
    expect(message).toContain('LOG_LEVEL: expected one of');
    expect(message).toContain('DATABASE_URL: expected a postgres:// or postgresql:// connection URL');
    expect(message).not.toContain('s3cret');
  });
});
