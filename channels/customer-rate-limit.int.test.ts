import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from '../fakes/twilio-api/index.js';
import { replyTexts } from '../bot/reply-texts.js';
import { sendInboundSms } from '../test-support/inbound-sms-burst.js';
import { startTestApp, type TestApp } from '../test-support/start-test-app.js';

const smsNumber = '+3197010000000';
const perMinute = 3;
let sequence = 0;

describe('abuse limits', () => {
  let twilioApi: FakeTwilioApi;
  let app: TestApp;
  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi();
    app = await startTestApp({
      TWILIO_ACCOUNT_SID: fakeAccountSid,
      TWILIO_AUTH_TOKEN: fakeAuthToken,
      TWILIO_API_BASE_URL: twilioApi.baseUrl,
      TWILIO_SMS_FROM: smsNumber,
      OUTBOX_POLL_INTERVAL_MS: '50',
      CUSTOMER_MESSAGES_PER_MINUTE: String(perMinute),
      CLIENT_REQUESTS_PER_MINUTE: '12',
    });
  });
  afterAll(async () => {
    await app?.close();
    await twilioApi?.close();
  });

  async function sms(from: string, body: string): Promise<number> {
    sequence += 1;
    const url = `${app.baseUrl}/api/twilio/messages`;
    const account = { accountSid: fakeAccountSid, authToken: fakeAuthToken, to: smsNumber, signedUrl: url };
    const response = await sendInboundSms(url, account, { messageSid: `SM${String(sequence).padStart(32, '0')}`, from, body });
    await response.text();
    await app.channels.turns.idle();
    await app.channels.worker.drain();
    return response.status;
  }

  it('answers a customer up to the per-minute limit, then stores their messages with one notice to slow down', async () => {
    const customer = '+31612340001';
    for (let index = 0; index < perMinute + 3; index += 1) expect(await sms(customer, `How long does a SEPA transfer take? (${index})`)).toBe(200);
    const received = twilioApi.messages.filter((message) => message.to === customer).map((message) => message.body);
    expect(received).toHaveLength(perMinute + 1);
    expect(received.at(-1)).toBe(replyTexts.en.slowDown);
    const [stored] = await app.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.address = $1 AND m.direction = 'inbound'`,
      [customer],
    );
    expect(stored?.count).toBe(perMinute + 3);
    // Another customer is not affected.
    expect(await sms('+31612340002', 'How long does a SEPA transfer take?')).toBe(200);
    expect(twilioApi.messages.filter((message) => message.to === '+31612340002')).toHaveLength(1);
  });

  it('refuses a web-chat customer past the per-minute limit with 429, storing nothing, and an address past its request limit', async () => {
    const send = (body: Record<string, unknown>, token?: string) =>
      fetch(`${app.baseUrl}/api/web-chat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const first = await send({ text: 'How long does a SEPA transfer take?' });
    expect(first.status).toBe(200);
    const { conversationId, conversationToken } = (await first.json()) as { conversationId: string; conversationToken: string };
    for (let index = 1; index < perMinute; index += 1) expect((await send({ conversationId, text: `And for a card? ${index}` }, conversationToken)).status).toBe(200);
    const refused = await send({ conversationId, text: 'One more question' }, conversationToken);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    const [stored] = await app.db.query<{ count: number }>("SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1 AND direction = 'inbound'", [
      conversationId,
    ]);
    expect(stored?.count).toBe(perMinute);

    // 12 requests a minute from this address: the 4 above, then 8 more get through and the next is refused.
    const statuses: number[] = [];
    for (let index = 0; index < 9; index += 1) statuses.push((await fetch(`${app.baseUrl}/api/web-chat/conversations/${conversationId}/messages`, { headers: { authorization: `Bearer ${conversationToken}` } })).status);
    expect(statuses.slice(0, 8).every((status) => status === 200)).toBe(true);
    expect(statuses[8]).toBe(429);
  });
});
