import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotFrameworkConnector, type FakeBotFrameworkConnector } from '../test-support/channel-drivers/fake-bot-framework-connector.js';
import { postJson, startTestApp, type TestApp } from '../test-support/start-test-app.js';
import type { CaseSummary } from './case-store.js';

const token = 'operations-token-for-bot-framework-replies';
const auth = { authorization: `Bearer ${token}` };

describe('a person replying to a Bot Framework (Teams, Direct Line) customer', () => {
  let connector: FakeBotFrameworkConnector;
  let app: TestApp;
  beforeAll(async () => {
    connector = await startFakeBotFrameworkConnector();
    app = await startTestApp({ OPERATIONS_API_TOKEN: token });
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  const conversation = 'teams-conversation-expert-reply';
  const message = (text: string) => ({
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: 'teams-user-1', name: 'Customer' },
    recipient: { id: 'assistant-bot', name: 'assistant' },
    conversation: { id: conversation },
    text,
    locale: 'en-US',
  });
  const postedTo = () => connector.activities.filter((activity) => activity.conversationId === conversation && activity.body.type === 'message');

  it('reaches the customer in their conversation through the connector, after the turn has ended', async () => {
    const inbound = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message('Can I get a mortgage for a houseboat?')),
    });
    expect(inbound.status).toBe(200);
    expect(postedTo().at(-1)?.body.channelData?.decision).toBe('handoff');
    const { cases } = (await (await fetch(`${app.baseUrl}/api/cases?status=open`, { headers: auth })).json()) as { cases: CaseSummary[] };
    const opened = cases.find((entry) => entry.channel === 'bot-framework');
    expect(opened).toBeDefined();

    const reply = await postJson(
      `${app.baseUrl}/api/cases/${opened?.id}/replies`,
      { expert: 'expert.anna', text: 'We finance houseboats with a permanent mooring; I will send you the details.' },
      auth,
    );
    expect(reply.status).toBe(201);
    expect(reply.body.delivery).toMatchObject({ outcome: 'queued' });
    await app.channels.worker.drain();

    const delivered = postedTo().at(-1);
    expect(delivered?.body.text).toContain('permanent mooring');
    const [row] = await app.db.query<{ status: string; provider_message_id: string }>(
      "SELECT status, provider_message_id FROM outbox WHERE channel = 'bot-framework'",
    );
    expect(row?.status).toBe('sent');
    expect(row?.provider_message_id).toMatch(/^reply-/);
  });

  it('keeps a reply for a retry, with the reason, while the connector cannot be reached', async () => {
    // The stored reference points at a connector that is gone: retried later, not lost.
    await connector.close();
    const [before] = await app.db.query<{ count: number }>("SELECT count(*)::int AS count FROM outbox WHERE channel = 'bot-framework'");
    const { cases } = (await (await fetch(`${app.baseUrl}/api/cases?status=claimed`, { headers: auth })).json()) as { cases: CaseSummary[] };
    const held = cases.find((entry) => entry.channel === 'bot-framework');
    const reply = await postJson(`${app.baseUrl}/api/cases/${held?.id}/replies`, { expert: 'expert.anna', text: 'One more detail.' }, auth);
    expect(reply.status).toBe(201);
    await app.channels.worker.drain();
    const rows = await app.db.query<{ status: string; last_error: string | null }>(
      "SELECT status, last_error FROM outbox WHERE channel = 'bot-framework' ORDER BY created_at DESC",
    );
    expect(rows).toHaveLength((before?.count ?? 0) + 1);
    expect(rows[0]?.status).toBe('pending');
    expect(rows[0]?.last_error).toMatch(/connector unavailable/);
  });
});
