import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilioApi, type FakeTwilioApi } from '../../fakes/twilio-api/index.js';
import { type OutboundDelivery, PermanentDeliveryError, RetryableDeliveryError } from '../../outbox/channel-sender.js';
import { createTwilioSender, type TwilioSenderOptions } from './twilio-sender.js';

const customer = '+31612345678';
const contentSid = 'HXb5b62575e6e4ff6129ad7c8efe1f983e';

function delivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return {
    outboxId: 'outbox-17',
    channel: 'sms',
    recipient: customer,
    payload: { body: 'Block your card in the app.\n\nMore: https://help.lumenbank.example/en/cards/card-lost-or-stolen' },
    idempotencyKey: 'sms:message-1:0',
    attempt: 1,
    ...overrides,
  };
}

async function sendError(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the send to fail');
}

describe('createTwilioSender', () => {
  let api: FakeTwilioApi;
  const options = (overrides: Partial<TwilioSenderOptions> = {}): TwilioSenderOptions => ({
    channel: 'sms',
    accountSid: api.accountSid,
    authToken: api.authToken,
    apiBaseUrl: api.baseUrl,
    from: '+3197010250123',
    timeoutMs: 2_000,
    ...overrides,
  });

  beforeAll(async () => {
    api = await startFakeTwilioApi({ slowDelayMs: 1_000 });
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.reset();
  });

  it('sends an SMS through the Messages API and returns its sid', async () => {
    const sender = createTwilioSender(options());
    expect(sender.channel).toBe('sms');
    const result = await sender.send(delivery());
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(api.messages).toEqual([
      expect.objectContaining({
        sid: result.providerMessageId,
        accountSid: api.accountSid,
        to: customer,
        from: '+3197010250123',
        body: delivery().payload.body,
        attempt: 1,
      }),
    ]);
    expect(api.messages[0]).not.toHaveProperty('statusCallback');
  });

  it('asks for status callbacks with the outbox id on the URL', async () => {
    const sender = createTwilioSender(options({ statusCallbackUrl: 'https://assistant.lumenbank.example/api/twilio/status' }));
    await sender.send(delivery({ attempt: 3 }));
    expect(api.messages[0]).toMatchObject({
      statusCallback: 'https://assistant.lumenbank.example/api/twilio/status?outboxId=outbox-17',
      attempt: 3,
    });
  });

  it('sends WhatsApp with whatsapp: on both numbers, whether or not the settings carry it', async () => {
    for (const from of ['+3197010250456', 'whatsapp:+3197010250456']) {
      const sender = createTwilioSender(options({ channel: 'whatsapp', from }));
      await sender.send(delivery({ channel: 'whatsapp' }));
    }
    expect(api.messages.map((message) => [message.from, message.to])).toEqual([
      ['whatsapp:+3197010250456', `whatsapp:${customer}`],
      ['whatsapp:+3197010250456', `whatsapp:${customer}`],
    ]);
  });

  it('sends a WhatsApp template by ContentSid and ContentVariables, without a Body', async () => {
    const sender = createTwilioSender(options({ channel: 'whatsapp', from: '+3197010250456' }));
    await sender.send(delivery({ channel: 'whatsapp', payload: { contentSid, contentVariables: '{"1":"Sanne"}' } }));
    expect(api.messages[0]).toMatchObject({ contentSid, contentVariables: '{"1":"Sanne"}' });
    expect(api.messages[0]).not.toHaveProperty('body');
  });

  it('retries after a 429, with the wait Twilio asked for', async () => {
    api.script({ kind: 'rate_limited', retryAfterSeconds: 7 });
    const error = await sendError(createTwilioSender(options()).send(delivery()));
    expect(error).toBeInstanceOf(RetryableDeliveryError);
    expect(error).toMatchObject({ retryAfterMs: 7_000, message: expect.stringContaining('20429') });
  });

  it('retries after a server error', async () => {
    api.script({ kind: 'server_error' });
    const error = await sendError(createTwilioSender(options()).send(delivery()));
    expect(error).toBeInstanceOf(RetryableDeliveryError);
    expect((error as RetryableDeliveryError).retryAfterMs).toBeUndefined();
    // Only the scripted request failed: the retry goes through.
    await expect(createTwilioSender(options()).send(delivery({ attempt: 2 }))).resolves.toMatchObject({ providerMessageId: expect.any(String) });
  });

  it('gives up on an invalid number, naming the Twilio error but not the number', async () => {
    api.script({ kind: 'invalid_number' });
    const error = await sendError(createTwilioSender(options()).send(delivery()));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.message).toContain('21211');
    expect(error.message).not.toContain('612345678');
  });

  it('gives up on a recipient who replied STOP', async () => {
    api.script({ kind: 'unsubscribed' });
    const error = await sendError(createTwilioSender(options()).send(delivery()));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.message).toContain('21610');
  });

  it('retries when the sender queue is full even though Twilio answers 400', async () => {
    api.script({ kind: 'error', status: 400, code: 21611, message: 'Queue full' });
    expect(await sendError(createTwilioSender(options()).send(delivery()))).toBeInstanceOf(RetryableDeliveryError);
  });

  it('retries when our credentials are refused: fixing the setting lets the message go', async () => {
    const error = await sendError(createTwilioSender(options({ authToken: 'wrong' })).send(delivery()));
    expect(error).toBeInstanceOf(RetryableDeliveryError);
    expect(error.message).toContain('401');
  });

  it('retries after a timeout', async () => {
    api.script({ kind: 'slow', delayMs: 1_000 });
    const error = await sendError(createTwilioSender(options({ timeoutMs: 100 })).send(delivery()));
    expect(error).toBeInstanceOf(RetryableDeliveryError);
    expect(error.message).toMatch(/could not be reached/);
  });

  it('retries when the connection drops without an answer', async () => {
    api.script({ kind: 'drop_connection' });
    expect(await sendError(createTwilioSender(options()).send(delivery()))).toBeInstanceOf(RetryableDeliveryError);
  });

  it('retries when nothing listens at the API address', async () => {
    const gone = await startFakeTwilioApi();
    await gone.close();
    const error = await sendError(createTwilioSender(options({ apiBaseUrl: gone.baseUrl })).send(delivery()));
    expect(error).toBeInstanceOf(RetryableDeliveryError);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('does not retry when Twilio took the message but its answer is unreadable: a retry would send it twice', async () => {
    api.script({ kind: 'malformed' });
    const error = await sendError(createTwilioSender(options()).send(delivery()));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.message).toMatch(/send it twice/);
    expect(api.messages).toHaveLength(1);
  });

  it.each([
    ['an empty body', { body: '' }],
    ['a body over 1,600 characters', { body: 'x'.repeat(1601) }],
    ['an unknown field', { body: 'Hi', media: [] }],
    ['a bad template id', { contentSid: 'MG1', contentVariables: '{}' }],
    ['nothing', {}],
  ])('refuses %s without calling Twilio', async (_name, payload) => {
    const error = await sendError(createTwilioSender(options()).send(delivery({ payload })));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(api.requests).toEqual([]);
  });

  it('refuses a template on SMS, a recipient that is not E.164 and a message for another channel', async () => {
    const sender = createTwilioSender(options());
    const errors = [
      await sendError(sender.send(delivery({ payload: { contentSid, contentVariables: '{}' } }))),
      await sendError(sender.send(delivery({ recipient: '0612345678' }))),
      await sendError(sender.send(delivery({ channel: 'whatsapp' }))),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(errors[1]?.message).not.toContain('0612345678');
    expect(api.requests).toEqual([]);
  });

  describe('findAccepted: asking Twilio whether a send cut off by a crash went through', () => {
    it('finds the message Twilio took, by recipient and body, among our recent messages only', async () => {
      const sender = createTwilioSender(options());
      const since = new Date();
      const taken = await sender.send(delivery());
      await sender.send(delivery({ payload: { body: 'Another answer.' } }));
      await sender.send(delivery({ recipient: '+31687654321' }));
      expect(await sender.findAccepted?.(delivery(), since)).toEqual([taken.providerMessageId]);
      expect(api.requests.at(-1)).toMatchObject({ method: 'GET', status: 200 });
    });

    it('finds nothing when the cut-off attempt never reached Twilio, or when the match is older than that attempt', async () => {
      const sender = createTwilioSender(options());
      expect(await sender.findAccepted?.(delivery(), new Date())).toEqual([]);
      await sender.send(delivery());
      expect(await sender.findAccepted?.(delivery(), new Date(Date.now() + 10 * 60_000))).toEqual([]);
    });

    it('counts any recent message to the number for a WhatsApp template (its body is not ours to compare)', async () => {
      const sender = createTwilioSender(options({ channel: 'whatsapp' }));
      const template = delivery({ channel: 'whatsapp', payload: { contentSid, contentVariables: '{"1":"Lumen Bank"}' } });
      const since = new Date();
      const taken = await sender.send(template);
      expect(await sender.findAccepted?.(template, since)).toEqual([taken.providerMessageId]);
    });

    it('reports Twilio being unreachable as retryable', async () => {
      const sender = createTwilioSender(options({ apiBaseUrl: 'http://127.0.0.1:1' }));
      expect(await sendError(sender.findAccepted?.(delivery(), new Date()) ?? Promise.resolve())).toBeInstanceOf(RetryableDeliveryError);
    });
  });
});
