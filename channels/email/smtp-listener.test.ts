import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../bot/errors/service-unavailable-error.js';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { InboundEmailTooLargeError } from './inbound-email-too-large-error.js';
import { startSmtpListener, type SmtpEnvelope, type SmtpListener, type SmtpListenerOptions } from './smtp-listener.js';

const gmailReply = readFileSync(new URL('./fixtures/gmail-reply-en.eml', import.meta.url));
const swaks = '/usr/bin/swaks';

let listener: SmtpListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

interface Received {
  raw: Buffer;
  envelope: SmtpEnvelope;
}

async function start(overrides: Partial<SmtpListenerOptions> = {}): Promise<{ listener: SmtpListener; received: Received[] }> {
  const received: Received[] = [];
  listener = await startSmtpListener({
    port: 0,
    maxMessageBytes: 64 * 1024,
    onMessage: async (raw, envelope) => {
      received.push({ raw, envelope });
    },
    ...overrides,
  });
  return { listener, received };
}

function send(port: number, raw: Buffer | string, envelope = { from: 'emma.jansen@gmail.example', to: ['help@lumenbank.example'] }) {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail({ envelope, raw });
}

/** Speaks SMTP line by line and returns each reply (all its lines), for dialogues nodemailer will not have (a null sender). */
async function dialogue(port: number, commands: readonly string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  const replies: string[] = [];
  let buffer = '';
  let pending = '';
  const waiters: ((reply: string) => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      pending += `${buffer.slice(0, end)}\n`;
      const last = buffer.charAt(3) !== '-';
      buffer = buffer.slice(end + 2);
      // Multi-line replies ("250-...") end with the line whose fourth character is a space.
      if (!last) continue;
      waiters.shift()?.(pending);
      pending = '';
    }
  });
  const reply = () => new Promise<string>((resolve) => waiters.push(resolve));
  await reply();
  for (const command of commands) {
    socket.write(`${command}\r\n`);
    replies.push(await reply());
  }
  socket.end();
  return replies;
}

function codes(replies: readonly string[]): number[] {
  return replies.map((reply) => Number(reply.slice(0, 3)));
}

describe('startSmtpListener', () => {
  it('hands the message, byte for byte, and its envelope to onMessage, then accepts it', async () => {
    const { listener, received } = await start();
    const info = await send(listener.port, gmailReply);
    expect(info.response).toMatch(/^250 /);
    expect(received).toHaveLength(1);
    expect(received[0]?.raw.toString('utf8').trimEnd()).toBe(gmailReply.toString('utf8').trimEnd());
    expect(received[0]?.envelope).toMatchObject({
      mailFrom: 'emma.jansen@gmail.example',
      rcptTo: ['help@lumenbank.example'],
      remoteAddress: '127.0.0.1',
    });
  });

  it('listens on 127.0.0.1 and reports the port it got', async () => {
    const { listener } = await start();
    expect(listener.port).toBeGreaterThan(0);
  });

  it('reports the null sender of a bounce as an empty MAIL FROM', async () => {
    const { listener, received } = await start();
    const replies = await dialogue(listener.port, [
      'EHLO mx1.example.net',
      'MAIL FROM:<>',
      'RCPT TO:<help@lumenbank.example>',
      'DATA',
      'From: MAILER-DAEMON@mx1.example.net\r\nSubject: Undelivered\r\n\r\nBounce\r\n.',
      'QUIT',
    ]);
    expect(codes(replies)).toEqual([250, 250, 250, 354, 250, 221]);
    expect(received[0]?.envelope.mailFrom).toBe('');
  });

  it('answers 451 when onMessage fails, so the sending server retries', async () => {
    const { listener } = await start({
      onMessage: () => Promise.reject(new ServiceUnavailableError('database down')),
    });
    await expect(send(listener.port, gmailReply)).rejects.toMatchObject({ responseCode: 451 });
  });

  it('does not tell the sending server what went wrong inside', async () => {
    const { listener } = await start({ onMessage: () => Promise.reject(new Error('password=hunter2 at db.internal')) });
    const error: unknown = await send(listener.port, gmailReply).catch((caught: unknown) => caught);
    expect(String((error as { response?: string }).response)).not.toContain('hunter2');
  });

  it('refuses for good (550) when onMessage fails with a non-retryable error', async () => {
    const { listener } = await start({ onMessage: () => Promise.reject(new ValidationError('not an email')) });
    await expect(send(listener.port, gmailReply)).rejects.toMatchObject({ responseCode: 550 });
  });

  it('answers 552 when onMessage finds the email too large', async () => {
    const { listener } = await start({ onMessage: () => Promise.reject(new InboundEmailTooLargeError('attachments', 10)) });
    await expect(send(listener.port, gmailReply)).rejects.toMatchObject({ responseCode: 552 });
  });

  it('refuses a message over maxMessageBytes with 552 and never calls onMessage', async () => {
    const { listener, received } = await start({ maxMessageBytes: 1024 });
    const large = `From: a@example.com\r\nSubject: big\r\n\r\n${'x'.repeat(70).concat('\r\n').repeat(100)}`;
    await expect(send(listener.port, large)).rejects.toMatchObject({ responseCode: 552 });
    expect(received).toHaveLength(0);
  });

  it('refuses recipients it does not take mail for', async () => {
    const { listener, received } = await start({ acceptsRecipient: (address) => address.toLowerCase().endsWith('@lumenbank.example') });
    await expect(send(listener.port, gmailReply, { from: 'a@example.com', to: ['someone@elsewhere.example'] })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(received).toHaveLength(0);
  });

  it('offers neither AUTH nor STARTTLS on a plain loopback listener', async () => {
    const { listener } = await start();
    const [ehlo] = await dialogue(listener.port, ['EHLO test.example', 'QUIT']);
    expect(ehlo).not.toMatch(/AUTH|STARTTLS/);
    expect(ehlo).toMatch(/SIZE 65536/);
  });

  it('fails to start on a port that is taken', async () => {
    const { listener: first } = await start();
    await expect(startSmtpListener({ port: first.port, maxMessageBytes: 1024, onMessage: async () => undefined })).rejects.toThrow(/EADDRINUSE/);
  });

  it.skipIf(!existsSync(swaks))('accepts a message from swaks, a real SMTP client (skipped when swaks is not installed)', async () => {
    const { listener, received } = await start();
    await promisify(execFile)(swaks, [
      '--server',
      '127.0.0.1',
      '--port',
      String(listener.port),
      '--from',
      'emma.jansen@gmail.example',
      '--to',
      'help@lumenbank.example',
      '--header',
      'Subject: Lost card',
      '--body',
      'How do I block my card?',
      '--silent',
      '2',
    ]);
    expect(received[0]?.raw.toString('utf8')).toContain('How do I block my card?');
  });
});
