import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../fakes/smtp-sink/smtp-sink.js';
import { type OutboundDelivery, PermanentDeliveryError, RetryableDeliveryError } from '../../outbox/channel-sender.js';
import { buildOutboundEmail } from './build-outbound-email.js';
import { createEmailSender, deliveryError } from './email-sender.js';

const from = 'Lumen Bank <help@lumenbank.example>';
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
beforeEach(() => sink.reset());

function delivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  const payload = buildOutboundEmail({
    from,
    to: 'emma.jansen@gmail.example',
    rendered: { subject: 'Re: Lost card', text: 'Blocking a card takes effect immediately.\n', html: '<p>Blocking a card takes effect immediately.</p>' },
    inbound: { messageId: '<CAF7x9kq@mail.gmail.example>', references: ['<root@mail.lumenbank.example>'] },
  });
  return {
    outboxId: 'outbox-1',
    channel: 'email',
    recipient: 'emma.jansen@gmail.example',
    payload,
    idempotencyKey: 'reply-7f3a9c',
    attempt: 1,
    ...overrides,
  };
}

describe('createEmailSender', () => {
  it('delivers a threaded, auto-replied message with text and HTML, and returns its Message-ID', async () => {
    const sender = createEmailSender({ smtpUrl: sink.url, from });
    expect(sender.channel).toBe('email');
    const result = await sender.send(delivery());
    expect(result).toEqual({ providerMessageId: '<reply-7f3a9c@lumenbank.example>' });

    const received = await sink.waitFor((message) => message.parsed.messageId === result.providerMessageId);
    expect(received.envelope).toEqual({ mailFrom: 'help@lumenbank.example', rcptTo: ['emma.jansen@gmail.example'] });
    expect(received.parsed.inReplyTo).toBe('<CAF7x9kq@mail.gmail.example>');
    expect(received.parsed.references).toEqual(['<root@mail.lumenbank.example>', '<CAF7x9kq@mail.gmail.example>']);
    expect(received.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(received.parsed.subject).toBe('Re: Lost card');
    expect(received.parsed.text).toBe('Blocking a card takes effect immediately.\n');
    expect(received.parsed.html).toBe('<p>Blocking a card takes effect immediately.</p>');
  });

  it('sends to the outbox recipient, not to an address in the payload', async () => {
    const sender = createEmailSender({ smtpUrl: sink.url, from });
    const base = delivery();
    await sender.send({ ...base, payload: { ...base.payload, to: 'someone.else@example.com' } });
    expect(sink.messages[0]?.envelope.rcptTo).toEqual(['emma.jansen@gmail.example']);
  });

  it('turns a 451 into a retryable error, and the retry carries the same Message-ID', async () => {
    const sender = createEmailSender({ smtpUrl: sink.url, from });
    sink.failNext(1, 451);
    const error = await sender.send(delivery()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetryableDeliveryError);
    expect((error as Error).message).toMatch(/^Outbox outbox-1: 451/);

    const result = await sender.send(delivery({ attempt: 2 }));
    expect(sink.refused.map((message) => message.parsed.messageId)).toEqual([result.providerMessageId]);
    expect(sink.messages.map((message) => message.parsed.messageId)).toEqual([result.providerMessageId]);
  });

  it('turns a 550 into a permanent error', async () => {
    const sender = createEmailSender({ smtpUrl: sink.url, from });
    sink.failNext(1, 550);
    await expect(sender.send(delivery())).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(sink.messages).toHaveLength(0);
  });

  it('turns a refused connection into a retryable error', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const sender = createEmailSender({ smtpUrl: closed.url, from, timeoutMs: 2000 });
    await expect(sender.send(delivery())).rejects.toBeInstanceOf(RetryableDeliveryError);
  });

  it('refuses a malformed payload for good without connecting', async () => {
    const sender = createEmailSender({ smtpUrl: sink.url, from });
    const error = await sender.send(delivery({ payload: { subject: 'only a subject' } })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect((error as Error).message).toMatch(/malformed/);
    expect(sink.messages).toHaveLength(0);
  });
});

describe('deliveryError', () => {
  it.each([421, 450, 451, 452, 503])('retries an SMTP %i', (responseCode) => {
    expect(deliveryError({ responseCode, response: `${responseCode} try later` }, 'o')).toBeInstanceOf(RetryableDeliveryError);
  });

  it.each([550, 552, 553, 554])('gives up on an SMTP %i', (responseCode) => {
    expect(deliveryError({ responseCode, response: `${responseCode} no` }, 'o')).toBeInstanceOf(PermanentDeliveryError);
  });

  it.each(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH'])('retries a %s without a reply code', (code) => {
    expect(deliveryError({ code, message: 'failed' }, 'o')).toBeInstanceOf(RetryableDeliveryError);
  });

  it('gives up on an envelope the transport itself refuses', () => {
    expect(deliveryError({ code: 'EENVELOPE', message: 'No recipients defined' }, 'o')).toBeInstanceOf(PermanentDeliveryError);
  });

  it('retries anything unknown and keeps it as the cause', () => {
    const cause = new Error('boom');
    const error = deliveryError(cause, 'o');
    expect(error).toBeInstanceOf(RetryableDeliveryError);
    expect(error.cause).toBe(cause);
  });
});
