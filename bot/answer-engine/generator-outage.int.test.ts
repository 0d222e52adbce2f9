import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedLlmServer, type ScriptedLlmServer } from '../../fakes/scripted-llm/scripted-llm-server.js';
import type { ScriptedBehaviour } from '../../fakes/scripted-llm/scripted-behaviour.js';
import { postJson, startTestApp, type TestApp } from '../../test-support/start-test-app.js';

// The turn's budget for the language model, and the margin the reply must arrive within after it.
const timeoutMs = 1000;
const marginMs = 1000;

/** A base URL where nothing listens: every connection is refused. */
async function unreachableBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/v1`;
}

describe('with the language model down, slow or returning garbage', () => {
  let app: TestApp | undefined;
  let llm: ScriptedLlmServer | undefined;
  afterEach(async () => {
    await app?.close();
    await llm?.close();
    app = undefined;
    llm = undefined;
  });

  async function start(baseUrl: string): Promise<TestApp> {
    const started = await startTestApp({
      GENERATOR: 'openai',
      OPENAI_BASE_URL: baseUrl,
      OPENAI_API_KEY: 'scripted-test-key',
      GENERATION_TIMEOUT_MS: String(timeoutMs),
      GENERATION_MAX_RETRIES: '2',
    });
    // One question first, so the timed turn measures the outage, not a fresh process's one-time warm-up.
    await postJson(`${started.baseUrl}/api/web-chat/messages`, { text: 'What are your opening hours?', locale: 'en' });
    return started;
  }

  async function askAndTime(testApp: TestApp, text: string) {
    const started = performance.now();
    const { status, body } = await postJson(`${testApp.baseUrl}/api/web-chat/messages`, { text, locale: 'en' });
    const elapsedMs = performance.now() - started;
    const [row] = await testApp.db.query<{ reasons: string[]; generator: string }>(
      'SELECT reasons, generator FROM answers WHERE conversation_id = $1',
      [body.conversationId],
    );
    return { status, replies: body.replies as { text: string; decision: string }[], elapsedMs, answer: row };
  }

  it('answers with the embedded generator when the endpoint refuses connections', async () => {
    app = await start(await unreachableBaseUrl());
    const result = await askAndTime(app, 'How long does a SEPA transfer take to arrive?');
    expect(result.status).toBe(200);
    expect(result.replies[0]?.decision).toBe('answer');
    expect(result.answer).toMatchObject({ generator: 'extractive-v1' });
    expect(result.answer?.reasons).toContain('generator_fallback');
    expect(result.elapsedMs).toBeLessThan(timeoutMs + marginMs);
  });

  it.each<[string, ScriptedBehaviour]>([
    ['slower than the timeout', { kind: 'slow', delayMs: 10_000 }],
    ['malformed JSON', 'malformed_json'],
    ['500 errors', 'status_500'],
    ['429 errors', 'status_429'],
  ])('replies within the timeout plus a second when every answer is %s', async (_label, behaviour) => {
    llm = await startScriptedLlmServer();
    llm.setDefault(behaviour);
    app = await start(llm.baseUrl);
    const result = await askAndTime(app, 'What does a replacement card cost?');
    expect(result.status).toBe(200);
    expect(result.replies[0]?.text.length).toBeGreaterThan(0);
    expect(result.answer?.reasons).toContain('generator_fallback');
    expect(result.elapsedMs).toBeLessThan(timeoutMs + marginMs);
  });
});
