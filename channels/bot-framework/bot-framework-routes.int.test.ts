import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotFrameworkConnector, type FakeBotFrameworkConnector } from '../../test-support/channel-drivers/fake-bot-framework-connector.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';

describe('POST /api/messages (Bot Framework)', () => {
  let app: TestApp;
  let connector: FakeBotFrameworkConnector;
  beforeAll(async () => {
    app = await startTestApp();
    connector = await startFakeBotFrameworkConnector();
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  async function postActivity(body: unknown): Promise<number> {
    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  }

  const activity = (id: string, text: string, conversationId = 'teams-conversation-1') => ({
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: 'teams-user-1', name: 'Customer' },
    recipient: { id: 'assistant-bot', name: 'assistant' },
    conversation: { id: conversationId },
    text,
    locale: 'en-US',
  });

  it('answers a message through the connector, citing the article, and only once when redelivered', async () => {
    expect(await postActivity(activity('act-1', 'How long does a SEPA transfer take?'))).toBe(200);
    expect(await postActivity(activity('act-1', 'How long does a SEPA transfer take?'))).toBe(200);

    const messages = connector.activities.filter((reply) => reply.body.type === 'message');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.path).toContain('/v3/conversations/teams-conversation-1/activities');
    expect(messages[0]?.body.channelData?.decision).toBe('answer');
    expect(messages[0]?.body.channelData?.citations?.map((citation) => citation.articleId)).toContain('sepa-transfers');

    const [stored] = await app.db.query<{ channel: string; address: string; customer_id: string | null }>(
      "SELECT channel, address, customer_id FROM conversations WHERE channel = 'bot-framework'",
    );
    expect(stored).toMatchObject({ channel: 'bot-framework', address: 'teams-conversation-1' });
    expect(stored?.customer_id).toBeTruthy();
  });

  it('refuses with 400, not 500, a body without the fields the turn reads (found by bench/fuzz)', async () => {
    const { from: _from, ...withoutSender } = activity('act-3', 'Hi');
    expect(await postActivity(withoutSender)).toBe(400);
    expect(await postActivity({ ...activity('act-4', 'Hi'), text: 5 })).toBe(400);
    expect(await postActivity({ text: 'no type' })).toBe(400);
  });

  it('ignores activities that carry no question', async () => {
    const before = connector.activities.length;
    expect(await postActivity({ ...activity('act-2', ''), type: 'conversationUpdate' })).toBe(200);
    expect(connector.activities.length).toBe(before);
  });
});
