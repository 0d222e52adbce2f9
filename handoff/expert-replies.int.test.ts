import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from '../fakes/twilio-api/index.js';
import { signedTwilioRequest } from '../fakes/twilio-api/sign-twilio-webhook.js';
import { postJson, startTestApp, type TestApp } from '../test-support/start-test-app.js';
import type { CaseSummary } from './case-store.js';

const token = 'operations-token-0123456789abcdef';
const auth = { authorization: `Bearer ${token}` };
const whatsAppNumber = '+3197010000001';

describe('a person replying to a case', () => {
  let twilioApi: FakeTwilioApi;
  let app: TestApp;
  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi();
    app = await startTestApp({
      OPERATIONS_API_TOKEN: token,
      TWILIO_ACCOUNT_SID: fakeAccountSid,
      TWILIO_AUTH_TOKEN: fakeAuthToken,
      TWILIO_API_BASE_URL: twilioApi.baseUrl,
      TWILIO_SMS_FROM: '+3197010000000',
      TWILIO_WHATSAPP_FROM: whatsAppNumber,
    });
  });
  afterAll(async () => {
    await app?.close();
    await twilioApi?.close();
  });

  async function settle() {
    await app.channels.turns.idle();
    await app.channels.worker.drain();
  }

  async function openCaseFor(conversationId: string): Promise<CaseSummary> {
    const { cases } = (await (await fetch(`${app.baseUrl}/api/cases`, { headers: auth })).json()) as { cases: CaseSummary[] };
    const found = cases.find((entry) => entry.conversationId === conversationId && (entry.status === 'open' || entry.status === 'claimed'));
    if (!found) throw new Error('no open case');
    return found;
  }

  it('reaches a WhatsApp customer through the Twilio API, recorded as written by that person', async () => {
    const customer = '+31612399001';
    const url = `${app.baseUrl}/api/twilio/messages`;
    const params = {
      MessageSid: `SM${'7'.repeat(32)}`,
      SmsSid: `SM${'7'.repeat(32)}`,
      NumSegments: '1',
      ApiVersion: '2010-04-01',
      AccountSid: fakeAccountSid,
      From: `whatsapp:${customer}`,
      To: `whatsapp:${whatsAppNumber}`,
      Body: 'Can I get a mortgage for a houseboat?',
      NumMedia: '0',
    };
    expect((await fetch(url, signedTwilioRequest({ authToken: fakeAuthToken, url, params }))).status).toBe(200);
    await settle();
    expect(twilioApi.messages.at(-1)?.body).toMatch(/A colleague will reply here/);
    const [conversation] = await app.db.query<{ id: string }>("SELECT id FROM conversations WHERE channel = 'whatsapp' AND address = $1", [customer]);
    const opened = await openCaseFor(conversation?.id ?? '');

    const reply = await postJson(
      `${app.baseUrl}/api/cases/${opened.id}/replies`,
      { expert: 'expert.anna', text: 'Yes: we finance houseboats with a permanent mooring in the Netherlands. I will send you the details.' },
      auth,
    );
    expect(reply.status).toBe(201);
    expect(reply.body.delivery).toMatchObject({ outcome: 'queued' });
    await settle();
    expect(twilioApi.messages.at(-1)).toMatchObject({ to: `whatsapp:${customer}`, from: `whatsapp:${whatsAppNumber}` });
    expect(twilioApi.messages.at(-1)?.body).toContain('permanent mooring');

    const [stored] = await app.db.query<{ author_type: string; author_id: string }>(
      "SELECT author_type, author_id FROM messages WHERE conversation_id = $1 AND author_type = 'expert'",
      [conversation?.id],
    );
    expect(stored).toEqual({ author_type: 'expert', author_id: 'expert.anna' });
    expect(await openCaseFor(conversation?.id ?? '')).toMatchObject({ status: 'claimed', assignee: 'expert.anna' });
  });

  it('appears in the web-chat conversation, and refuses a reply to a case that is not open', async () => {
    const first = await postJson(`${app.baseUrl}/api/web-chat/messages`, { text: 'What is the capital of Mongolia?' });
    const conversationId = first.body.conversationId as string;
    const opened = await openCaseFor(conversationId);
    const reply = await postJson(`${app.baseUrl}/api/cases/${opened.id}/replies`, { expert: 'expert.bo', text: 'Ulaanbaatar, but we are a bank.' }, auth);
    expect(reply.body.delivery).toEqual({ outcome: 'published' });
    const history = (await (
      await fetch(`${app.baseUrl}/api/web-chat/conversations/${conversationId}/messages`, {
        headers: { authorization: `Bearer ${String(first.body.conversationToken)}` },
      })
    ).json()) as { messages: { author: string; text: string }[] };
    expect(history.messages.at(-1)).toMatchObject({ author: 'expert', text: 'Ulaanbaatar, but we are a bank.' });

    await postJson(`${app.baseUrl}/api/cases/${opened.id}/hand-back`, { actor: 'expert.bo' }, auth);
    expect((await postJson(`${app.baseUrl}/api/cases/${opened.id}/replies`, { expert: 'expert.bo', text: 'Late.' }, auth)).status).toBe(404);
    expect((await postJson(`${app.baseUrl}/api/cases/${opened.id}/replies`, { expert: 'expert.bo', text: '' }, auth)).status).toBe(400);
  });
});
