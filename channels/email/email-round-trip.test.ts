import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../fakes/smtp-sink/smtp-sink.js';
import type { ReplyChannelData } from '../../bot/assistant-bot.js';
import { buildOutboundEmail } from './build-outbound-email.js';
import { createEmailSender } from './email-sender.js';
import type { InboundEmail } from './inbound-email.js';
import { parseInboundEmail } from './parse-inbound-email.js';
import { renderEmail } from './render-email.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';

/**
 * The pieces of this folder wired the way the integrator will, minus the
 * database, the outbox and the bot: mail in over SMTP, a canned reply out over
 * SMTP to the sink, threaded under the customer's message.
 */
const from = 'Lumen Bank <help@lumenbank.example>';
const channelData: ReplyChannelData = {
  decision: 'answer',
  citations: [{ articleId: 'card-replacement', title: 'Order a new card', url: 'https://help.lumenbank.example/en/cards/new-card' }],
  disclosure: 'You are chatting with an automated assistant.',
};

let sink: SmtpSink;
let listener: SmtpListener;
const dropped: InboundEmail[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  const sender = createEmailSender({ smtpUrl: sink.url, from });
  let sent = 0;
  listener = await startSmtpListener({
    port: 0,
    maxMessageBytes: 256 * 1024,
    async onMessage(raw, envelope) {
      const inbound = await parseInboundEmail(raw, { maxAttachmentBytes: 128 * 1024, envelopeFrom: envelope.mailFrom, ownAddresses: ['help@lumenbank.example'] });
      if (inbound.loop.automated) {
        dropped.push(inbound);
        return;
      }
      const rendered = renderEmail({ type: 'message', text: 'A new card arrives within 5 working days.', channelData }, { locale: 'en', subject: inbound.subject });
      const payload = buildOutboundEmail({ from, to: inbound.from.address, rendered, inbound });
      sent += 1;
      await sender.send({ outboxId: `o${sent}`, channel: 'email', recipient: inbound.from.address, payload, idempotencyKey: `reply-${sent}`, attempt: 1 });
    },
  });
});

afterAll(async () => {
  await listener.close();
  await sink.close();
});

function deliver(fixture: string, envelopeFrom: string) {
  const raw = readFileSync(new URL(`./fixtures/${fixture}`, import.meta.url));
  return createTransport({ host: '127.0.0.1', port: listener.port, ignoreTLS: true }).sendMail({
    envelope: { from: envelopeFrom, to: ['help@lumenbank.example'] },
    raw,
  });
}

describe('email round trip', () => {
  it('answers a Gmail reply in the same thread', async () => {
    await deliver('gmail-reply-en.eml', 'emma.jansen@gmail.example');
    const reply = await sink.waitFor((message) => message.envelope.rcptTo.includes('emma.jansen@gmail.example'));
    expect(reply.parsed.subject).toBe('Re: Your question about blocking your card');
    expect(reply.parsed.inReplyTo).toBe('<CAF7x9kq3mV2d5yQmXw+Lb4E9zT_r0oP1u2gkW6hYJ3=Hn8sA@mail.gmail.example>');
    expect(reply.parsed.references).toEqual([
      '<a1b2c3d4-0001@mail.lumenbank.example>',
      '<CAF7x9kq3mV2d5yQmXw+Lb4E9zT_r0oP1u2gkW6hYJ3=Hn8sA@mail.gmail.example>',
    ]);
    expect(reply.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(reply.parsed.text).toContain('[1] Order a new card: https://help.lumenbank.example/en/cards/new-card');
  });

  it('records and drops an out-of-office reply without answering it', async () => {
    const before = sink.messages.length;
    await deliver('auto-reply-out-of-office.eml', 'r.visser@contoso.example');
    expect(dropped.map((email) => email.from.address)).toContain('r.visser@contoso.example');
    expect(sink.messages).toHaveLength(before);
  });
});
