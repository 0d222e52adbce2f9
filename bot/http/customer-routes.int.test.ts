import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerDirectory } from '../conversations/customer-directory.js';
import { postJson, startTestApp, type TestApp } from '../../test-support/start-test-app.js';

const token = 'operations-token-0123456789abcdef';

describe('customer API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ OPERATIONS_API_TOKEN: token });
  });
  afterAll(async () => {
    await app.close();
  });
  const auth = { authorization: `Bearer ${token}` };

  it('links a verified email address to a customer, whose timeline then spans both channels', async () => {
    const customers = createCustomerDirectory(app.db);
    const byPhone = await customers.resolve({ kind: 'phone', address: '+31612340001' });
    const byEmail = await customers.resolve({ kind: 'email', address: 'Emma@Example.nl' });
    expect(byEmail).not.toBe(byPhone);
    for (const [channel, address, customerId] of [
      ['sms', '+31612340001', byPhone],
      ['email', 'emma@example.nl', byEmail],
    ] as const) {
      const conversation = await app.assistant.conversations.create({ channel, locale: 'en', customerId, address });
      await app.assistant.conversations.recordInbound({ conversationId: conversation.id, channel, providerMessageId: `${channel}-1`, text: `hello on ${channel}` });
    }

    const linked = await postJson(`${app.baseUrl}/api/customers/${byPhone}/identities`, { kind: 'email', address: 'emma@example.nl' }, auth);
    expect(linked.status).toBe(201);
    expect(await customers.resolve({ kind: 'email', address: 'EMMA@example.nl' })).toBe(byPhone);
    const response = await fetch(`${app.baseUrl}/api/customers/${byPhone}/timeline`, { headers: auth });
    const timeline = (await response.json()) as { messages: { channel: string; text: string }[] };
    expect(timeline.messages.map((message) => message.channel)).toEqual(['sms', 'email']);
  });

  it('refuses a malformed identity, an unknown customer and a missing token', async () => {
    const customers = createCustomerDirectory(app.db);
    const id = await customers.resolve({ kind: 'phone', address: '+31612340002' });
    expect((await postJson(`${app.baseUrl}/api/customers/${id}/identities`, { kind: 'email', address: 'not-an-address' }, auth)).status).toBe(400);
    expect((await postJson(`${app.baseUrl}/api/customers/nobody/identities`, { kind: 'phone', address: '+31612340003' }, auth)).status).toBe(404);
    expect((await postJson(`${app.baseUrl}/api/customers/${id}/identities`, { kind: 'phone', address: '+31612340003' })).status).toBe(401);
  });
});
