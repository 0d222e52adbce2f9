import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from '../fakes/twilio-api/index.js';
import { signedTwilioRequest } from '../fakes/twilio-api/sign-twilio-webhook.js';
import { postJson, startTestApp, type TestApp } from '../test-support/start-test-app.js';
import type { CaseSummary } from './case-store.js';

const operations = { authorization: 'Bearer operations-token-0123456789abcdef' };
const curation = { authorization: 'Bearer curation-token-0123456789abcdef', 'x-curator': 'curator.kim' };
const smsNumber = '+3197010000000';
const whatsAppNumber = '+3197010000001';
const question = 'Can I get a mortgage for a houseboat?';
let sequence = 0;

describe('the knowledge loop, through the APIs', () => {
  let twilioApi: FakeTwilioApi;
  let app: TestApp;
  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi();
    app = await startTestApp({
      OPERATIONS_API_TOKEN: 'operations-token-0123456789abcdef',
      CURATION_API_TOKEN: 'curation-token-0123456789abcdef',
      TWILIO_ACCOUNT_SID: fakeAccountSid,
      TWILIO_AUTH_TOKEN: fakeAuthToken,
      TWILIO_API_BASE_URL: twilioApi.baseUrl,
      TWILIO_SMS_FROM: smsNumber,
      TWILIO_WHATSAPP_FROM: whatsAppNumber,
      HELP_CENTRE_URL: 'https://help.lumenbank.example',
    });
  });
  afterAll(async () => {
    await app?.close();
    await twilioApi?.close();
  });

  async function customerWrites(channel: 'sms' | 'whatsapp', from: string, body: string) {
    sequence += 1;
    const sid = `SM${String(sequence).padStart(32, 'a')}`;
    const prefix = channel === 'whatsapp' ? 'whatsapp:' : '';
    const params = {
      MessageSid: sid,
      SmsSid: sid,
      AccountSid: fakeAccountSid,
      From: `${prefix}${from}`,
      To: `${prefix}${channel === 'whatsapp' ? whatsAppNumber : smsNumber}`,
      Body: body,
      NumMedia: '0',
      NumSegments: '1',
      ApiVersion: '2010-04-01',
    };
    const url = `${app.baseUrl}/api/twilio/messages`;
    expect((await fetch(url, signedTwilioRequest({ authToken: fakeAuthToken, url, params }))).status).toBe(200);
    await app.channels.turns.idle();
    await app.channels.worker.drain();
    return twilioApi.messages.filter((message) => message.to === `${prefix}${from}`).at(-1);
  }

  it('turns an expert answer into an approved article the bot then cites on another channel', async () => {
    const customer = '+31612377001';
    const first = await customerWrites('whatsapp', customer, question);
    expect(first?.body).toMatch(/A colleague will reply here/);

    const { cases } = (await (await fetch(`${app.baseUrl}/api/cases?status=open`, { headers: operations })).json()) as { cases: CaseSummary[] };
    const opened = cases.find((entry) => entry.channel === 'whatsapp');
    expect(opened).toBeDefined();
    const answerText =
      'Yes. Lumen Bank offers a houseboat mortgage for a houseboat with a permanent mooring in the Netherlands. You can borrow up to 70% of the houseboat value.';
    const reply = await postJson(`${app.baseUrl}/api/cases/${opened?.id}/replies`, { expert: 'expert.anna', text: answerText }, operations);
    await app.channels.worker.drain();
    expect(twilioApi.messages.at(-1)?.body).toContain('permanent mooring');

    const draft = await postJson(
      `${app.baseUrl}/api/cases/${opened?.id}/knowledge-drafts`,
      { expert: 'expert.anna', messageId: reply.body.messageId, title: 'Houseboat mortgage' },
      operations,
    );
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', version: 1 });
    const articleId = draft.body.articleId as string;

    // A draft is never served: the same question still goes to a person.
    await postJson(`${app.baseUrl}/api/cases/${opened?.id}/hand-back`, { actor: 'expert.anna' }, operations);
    const whileDraft = await customerWrites('sms', '+31612377002', question);
    expect(whileDraft?.body).toMatch(/A colleague will reply here/);

    const approved = await postJson(`${app.baseUrl}/api/kb/articles/${articleId}/approve`, { note: 'checked with the mortgage team' }, curation);
    expect(approved.status).toBe(200);
    const afterApproval = await customerWrites('sms', '+31612377003', question);
    expect(afterApproval?.body).toContain('permanent mooring');
    expect(afterApproval?.body).toContain(`https://help.lumenbank.example/en/${articleId}`);

    const [linked] = await app.db.query<{ knowledge_article_id: string }>('SELECT knowledge_article_id FROM cases WHERE id = $1', [opened?.id]);
    expect(linked?.knowledge_article_id).toBe(articleId);
  });

  it('refuses to draft from a message that is not an expert reply on that case', async () => {
    const { cases } = (await (await fetch(`${app.baseUrl}/api/cases`, { headers: operations })).json()) as { cases: CaseSummary[] };
    const response = await postJson(
      `${app.baseUrl}/api/cases/${cases[0]?.id}/knowledge-drafts`,
      { expert: 'expert.anna', messageId: 'not-a-message', title: 'Anything' },
      operations,
    );
    expect(response.status).toBe(404);
  });
});
