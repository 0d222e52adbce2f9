import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from '../../fakes/twilio-api/index.js';
import { signedTwilioRequest } from '../../fakes/twilio-api/sign-twilio-webhook.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';
import { createPendingTurnStore } from '../pending-turns/pending-turn-store.js';
import { receiveInboundMessage } from '../receive-inbound-message.js';

const smsNumber = '+3197010000000';
/** A process id nobody registered: what a process killed with -9 looks like to the others. */
const killedProcess = 'killed-process';
let sequence = 0;

// What a process killed after acknowledging Twilio leaves behind, and how the
// next sweep answers it: once, the way the webhook would have.
describe('recovering SMS turns a crashed process left', () => {
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
    });
  });
  beforeEach(() => twilioApi.reset());
  afterAll(async () => {
    await app?.close();
    await twilioApi?.close();
  });

  const nextSid = () => {
    sequence += 1;
    return `SM${String(sequence).padStart(32, '0')}`;
  };

  /** Stores a message and its pending turn the way the webhook does, claimed by a process that then died. */
  async function leftByKilledProcess(from: string, text: string, providerMessageId = nextSid()): Promise<{ messageId: string; providerMessageId: string }> {
    const received = await receiveInboundMessage(
      { ...app.assistant, pendingTurns: createPendingTurnStore(app.db, { processId: killedProcess }), defaultLocale: 'en' },
      { channel: 'sms', identity: { kind: 'phone', address: from }, address: from, providerMessageId, text, turnInput: { mediaOnly: false } },
    );
    return { messageId: received.messageId, providerMessageId };
  }

  async function postWebhook(from: string, body: string, messageSid = nextSid()): Promise<number> {
    const url = `${app.baseUrl}/api/twilio/messages`;
    const params = { MessageSid: messageSid, SmsSid: messageSid, AccountSid: fakeAccountSid, From: from, To: smsNumber, Body: body, NumMedia: '0', NumSegments: '1', ApiVersion: '2010-04-01' };
    const response = await fetch(url, signedTwilioRequest({ authToken: fakeAuthToken, url, params }));
    await response.text();
    return response.status;
  }

  async function settle(): Promise<void> {
    await app.channels.turns.idle();
    await app.channels.recovery.sweep();
    await app.channels.turns.idle();
    await app.channels.worker.drain();
  }

  const sentTo = (phone: string) => twilioApi.messages.filter((message) => message.to === phone);
  const pendingTurns = () => app.db.query('SELECT inbound_message_id FROM pending_turns');

  it('answers a message its process acknowledged but never answered, once, with the disclosure', async () => {
    const customer = '+31612340001';
    await leftByKilledProcess(customer, 'I lost my debit card, how do I block it?');
    await settle();
    await settle();
    expect(sentTo(customer)).toHaveLength(1);
    expect(sentTo(customer)[0]?.body).toContain('automated assistant');
    expect(await pendingTurns()).toEqual([]);
  });

  it('answers a redelivered webhook of a stored, unanswered message once', async () => {
    const customer = '+31612340002';
    const { providerMessageId } = await leftByKilledProcess(customer, 'I forgot my PIN code');
    expect(await postWebhook(customer, 'I forgot my PIN code', providerMessageId)).toBe(200);
    await settle();
    expect(await postWebhook(customer, 'I forgot my PIN code', providerMessageId)).toBe(200);
    await settle();
    expect(sentTo(customer)).toHaveLength(1);
  });

  it('enqueues a reply that was recorded but not yet in the outbox, as recorded, without deciding again', async () => {
    const customer = '+31612340003';
    await postWebhook(customer, 'What does a replacement card cost?');
    await settle();
    const [original] = sentTo(customer);
    const [inbound] = await app.db.query<{ id: string }>("SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.address = $1 AND m.direction = 'inbound'", [customer]);
    // The crash came after the reply was recorded and before it reached the outbox.
    await app.db.query('DELETE FROM outbox WHERE recipient = $1', [customer]);
    await app.db.query("INSERT INTO pending_turns (inbound_message_id, channel, claimed_by, attempts) VALUES ($1, 'sms', $2, 1)", [inbound?.id, killedProcess]);
    twilioApi.reset();

    await settle();
    expect(sentTo(customer).map((message) => message.body)).toEqual([original?.body]);
    expect(await app.db.query('SELECT id FROM answers WHERE inbound_message_id = $1', [inbound?.id])).toHaveLength(1);
  });

  it('opens the case a recorded handoff owes when the crash came before it was opened, and only once', async () => {
    const customer = '+31612340004';
    await postWebhook(customer, 'What is the capital of Mongolia?');
    await settle();
    const [answer] = await app.db.query<{ id: string; inbound_message_id: string }>(
      "SELECT a.id, a.inbound_message_id FROM answers a JOIN conversations c ON c.id = a.conversation_id WHERE c.address = $1 AND a.decision = 'handoff'",
      [customer],
    );
    await app.db.query('DELETE FROM cases WHERE answer_id = $1', [answer?.id]);
    await app.db.query('DELETE FROM outbox WHERE recipient = $1', [customer]);
    await app.db.query("INSERT INTO pending_turns (inbound_message_id, channel, claimed_by, attempts) VALUES ($1, 'sms', $2, 1)", [answer?.inbound_message_id, killedProcess]);
    twilioApi.reset();

    await settle();
    await app.db.query("INSERT INTO pending_turns (inbound_message_id, channel, claimed_by, attempts) VALUES ($1, 'sms', $2, 1)", [answer?.inbound_message_id, killedProcess]);
    await settle();
    expect(await app.db.query("SELECT id FROM cases WHERE answer_id = $1 AND status = 'open'", [answer?.id])).toHaveLength(1);
    expect(sentTo(customer)).toHaveLength(1);
  });

  it('leaves a message that arrived while a person owns the conversation unanswered', async () => {
    const customer = '+31612340005';
    await postWebhook(customer, 'What is the capital of Mongolia?');
    await settle();
    twilioApi.reset();
    await leftByKilledProcess(customer, 'Hello? Is anyone there?');
    await settle();
    expect(sentTo(customer)).toEqual([]);
    expect(await pendingTurns()).toEqual([]);
  });

  it('records a STOP left pending and sends nothing', async () => {
    const customer = '+31612340006';
    await leftByKilledProcess(customer, 'STOP');
    await settle();
    expect(await app.db.query('SELECT phone FROM sms_opt_outs WHERE phone = $1', [customer])).toHaveLength(1);
    expect(sentTo(customer)).toEqual([]);
  });

  it('answers once when two runs of the same turn race', async () => {
    const customer = '+31612340007';
    const { messageId } = await leftByKilledProcess(customer, 'How fast does an instant payment arrive?');
    const turn = { inboundMessageId: messageId, channel: 'sms' as const, input: { mediaOnly: false }, attempts: 1 };
    await Promise.all([app.channels.twilio.resume(turn), app.channels.twilio.resume(turn)]);
    await app.channels.pendingTurns.complete(messageId);
    await settle();
    expect(sentTo(customer)).toHaveLength(1);
    expect(await app.db.query('SELECT id FROM answers WHERE inbound_message_id = $1', [messageId])).toHaveLength(1);
  });

  it('leaves a turn alone while the live process that acknowledged it still holds it', async () => {
    const customer = '+31612340008';
    const live = await receiveInboundMessage(
      { ...app.assistant, pendingTurns: app.channels.pendingTurns, defaultLocale: 'en' },
      { channel: 'sms', identity: { kind: 'phone', address: customer }, address: customer, providerMessageId: nextSid(), text: 'I forgot my PIN code' },
    );
    await settle();
    expect(sentTo(customer)).toEqual([]);
    expect((await pendingTurns()).map((row) => row.inbound_message_id)).toContain(live.messageId);
    await app.channels.pendingTurns.complete(live.messageId);
  });
});
