import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestApp, type TestApp } from '../../test-support/start-test-app.js';

const token = 'operations-token-for-metrics-tests';

describe('GET /metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ OPERATIONS_API_TOKEN: token });
  });
  afterAll(async () => {
    await app.close();
  });

  const scrape = (authorization?: string) =>
    fetch(`${app.baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });

  it('refuses a scraper without the operations token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong')).status).toBe(401);
  });

  it('counts answered messages by channel and decision, handoff reasons, latency and the outbox', async () => {
    await postJson(`${app.baseUrl}/api/web-chat/messages`, { text: 'I forgot my PIN code' });
    await postJson(`${app.baseUrl}/api/web-chat/messages`, { text: 'I want to speak to a person please' });
    await app.db.query(
      // Waiting for a retry an hour from now: the running worker leaves it alone.
      `INSERT INTO outbox (id, channel, recipient, payload, idempotency_key, created_at, next_attempt_at)
       VALUES ('waiting-1', 'sms', '+31612345678', '{}', 'metrics-test-1', now() - interval '90 seconds', now() + interval '1 hour')`,
    );

    const response = await scrape(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/assistant_messages_total\{channel="web-chat",decision="answer"\} 1/);
    expect(text).toMatch(/assistant_messages_total\{channel="web-chat",decision="handoff"\} 1/);
    expect(text).toMatch(/assistant_handoff_reasons_total\{reason="human_requested"\} 1/);
    expect(text).toMatch(/assistant_turn_duration_seconds_count\{channel="web-chat",decision="answer"\} 1/);
    expect(text).toMatch(/assistant_outbox_depth\{channel="sms"\} 1/);
    const age = Number(/assistant_outbox_oldest_age_seconds ([\d.]+)/.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(89);
    expect(text).toContain('process_resident_memory_bytes');
  });
});

describe('GET /metrics without OPERATIONS_API_TOKEN', () => {
  it('is switched off', async () => {
    const app = await startTestApp();
    try {
      const response = await fetch(`${app.baseUrl}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('OPERATIONS_API_TOKEN');
    } finally {
      await app.close();
    }
  });
});
