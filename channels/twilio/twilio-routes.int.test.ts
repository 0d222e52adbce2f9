import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from '../../fakes/twilio-api/index.js';
import { signedTwilioRequest } from '../../fakes/twilio-api/sign-twilio-webhook.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';

const smsNumber = '+3197010000000';
const whatsAppNumber = '+3197010000001';
let sequence = 0;

describe('Twilio webhooks', () => {
  let twilioApi: FakeTwilioApi;
  let app: TestApp;
  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi({ statusCallbacks: true });
    app = await startTestApp({
      TWILIO_ACCOUNT_SID: fakeAccountSid,
      TWILIO_AUTH_TOKEN: fakeAuthToken,
      TWILIO_API_BASE_URL: twilioApi.baseUrl,
      TWILIO_SMS_FROM: smsNumber,
      TWILIO_WHATSAPP_FROM: whatsAppNumber,
      OUTBOX_POLL_INTERVAL_MS: '50',
    });
  });
  beforeEach(() => twilioApi.reset());
  afterAll(async () => {
    await app?.close();
    await twilioApi?.close();
  });

  function inbound(fields: Partial<Record<string, string>> & { From: string; Body: string }): Record<string, string> {
    sequence += 1;
    const sid = `SM${String(sequence).padStart(32, '0')}`;
    return { MessageSid: sid, SmsSid: sid, AccountSid: fakeAccountSid, To: smsNumber, NumMedia: '0', NumSegments: '1', ApiVersion: '2010-04-01', ...fields } as Record<string, string>;
  }

  async function post(params: Record<string, string>, signature?: string) {
    const url = `${app.baseUrl}/api/twilio/messages`;
    const request = signedTwilioRequest({ authToken: fakeAuthToken, url, params });
    if (signature !== undefined) request.headers['x-twilio-signature'] = signature;
    const response = await fetch(url, request);
    const body = await response.text();
    await app.channels.turns.idle();
    await app.channels.worker.drain();
    return { status: response.status, contentType: response.headers.get('content-type'), body };
  }

  it('acknowledges with empty TwiML at once and answers through the REST API, citing the article', async () => {
    const result = await post(inbound({ From: '+31612345001', Body: 'How long does a SEPA transfer take?' }));
    expect(result.status).toBe(200);
    expect(result.contentType).toContain('text/xml');
    expect(result.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(twilioApi.messages).toHaveLength(1);
    expect(twilioApi.messages[0]).toMatchObject({ to: '+31612345001', from: smsNumber });
    expect(twilioApi.messages[0]?.body).toContain('https://help.lumenbank.example/');
    await twilioApi.callbacksSettled();
    const [row] = await app.db.query<{ status: string }>('SELECT status FROM outbox WHERE recipient = $1', ['+31612345001']);
    expect(row?.status).toBe('delivered');
  });

  it('answers a redelivered webhook once', async () => {
    const message = inbound({ From: '+31612345002', Body: 'What does a replacement card cost?' });
    expect((await post(message)).status).toBe(200);
    expect((await post(message)).status).toBe(200);
    expect(twilioApi.messages).toHaveLength(1);
  });

  it('refuses a bad signature and a message for another account, storing nothing', async () => {
    const before = await app.db.query('SELECT id FROM messages');
    expect((await post(inbound({ From: '+31612345003', Body: 'hello' }), 'bm90LXRoZS1zaWduYXR1cmU=')).status).toBe(403);
    expect((await post(inbound({ From: '+31612345003', Body: 'hello', AccountSid: `AC${'1'.repeat(32)}` }))).status).toBe(403);
    expect(await app.db.query('SELECT id FROM messages')).toHaveLength(before.length);
    expect(twilioApi.messages).toHaveLength(0);
  });

  it('respects STOP until START, and answers HELP', async () => {
    const customer = '+31612345004';
    await post(inbound({ From: customer, Body: 'STOP' }));
    await post(inbound({ From: customer, Body: 'How long does a SEPA transfer take?' }));
    expect(twilioApi.messages).toHaveLength(0);
    await post(inbound({ From: customer, Body: 'start' }));
    await post(inbound({ From: customer, Body: 'HELP' }));
    expect(twilioApi.messages.map((message) => message.body)).toEqual([
      expect.stringContaining('you will receive our messages again'),
      expect.stringContaining('Reply STOP to opt out'),
    ]);
    const notices = await app.db.query<{ text: string }>(
      "SELECT m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.address = $1 AND m.author_type = 'bot' ORDER BY m.created_at",
      [customer],
    );
    expect(notices.map((notice) => notice.text)).toEqual([expect.stringContaining('you will receive our messages again'), expect.stringContaining('Reply STOP to opt out')]);
  });

  it('answers a photo without text politely', async () => {
    await post(inbound({ From: '+31612345005', Body: '', NumMedia: '1', MediaUrl0: 'https://api.twilio.com/media/ME1', MediaContentType0: 'image/jpeg' }));
    expect(twilioApi.messages[0]?.body).toContain('I can only read text');
  });

  it('answers WhatsApp from the WhatsApp number, and links the customer across channels by phone number', async () => {
    const customer = '+31612345006';
    await post(inbound({ From: customer, Body: 'How long does a SEPA transfer take?' }));
    await post(inbound({ From: `whatsapp:${customer}`, To: `whatsapp:${whatsAppNumber}`, Body: 'What does a replacement card cost?', ProfileName: 'Jan' }));
    const whatsApp = twilioApi.messages.find((message) => message.to === `whatsapp:${customer}`);
    expect(whatsApp?.from).toBe(`whatsapp:${whatsAppNumber}`);
    const customers = await app.db.query<{ customer_id: string }>('SELECT DISTINCT customer_id FROM conversations WHERE address = $1', [customer]);
    expect(customers).toHaveLength(1);
  });
});
