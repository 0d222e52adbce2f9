import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

function send(target: SmtpSink, subject: string) {
  return createTransport({ url: target.url }).sendMail({
    from: 'Lumen Bank <help@lumenbank.example>',
    to: 'emma.jansen@gmail.example',
    subject,
    text: `Body of ${subject}`,
    messageId: `<${subject.replace(/\W/g, '')}@lumenbank.example>`,
  });
}

describe('startSmtpSink', () => {
  it('listens on 127.0.0.1 on a free port and keeps every message, parsed', async () => {
    sink = await startSmtpSink();
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
    await send(sink, 'First');
    await send(sink, 'Second');
    expect(sink.messages.map((message) => message.parsed.subject)).toEqual(['First', 'Second']);
    expect(sink.messages[0]?.envelope).toEqual({ mailFrom: 'help@lumenbank.example', rcptTo: ['emma.jansen@gmail.example'] });
    expect(sink.messages[0]?.parsed.text?.trim()).toBe('Body of First');
    expect(sink.messages[0]?.raw.toString('utf8')).toContain('Subject: First');
  });

  it('resolves waitFor with a message that arrives later', async () => {
    sink = await startSmtpSink();
    const waiting = sink.waitFor((message) => message.parsed.subject === 'Later');
    await send(sink, 'Earlier');
    await send(sink, 'Later');
    expect((await waiting).parsed.messageId).toBe('<Later@lumenbank.example>');
  });

  it('resolves waitFor at once with a message already received', async () => {
    sink = await startSmtpSink();
    await send(sink, 'Already');
    expect((await sink.waitFor(() => true, 10)).parsed.subject).toBe('Already');
  });

  it('rejects waitFor after the timeout', async () => {
    sink = await startSmtpSink();
    await expect(sink.waitFor(() => false, 20)).rejects.toThrow(/within 20 ms/);
  });

  it('answers the next deliveries as scripted, then accepts again', async () => {
    sink = await startSmtpSink();
    sink.failNext(2, 451);
    sink.failNext(1, 550);
    await expect(send(sink, 'One')).rejects.toMatchObject({ responseCode: 451 });
    await expect(send(sink, 'Two')).rejects.toMatchObject({ responseCode: 451 });
    await expect(send(sink, 'Three')).rejects.toMatchObject({ responseCode: 550 });
    await send(sink, 'Four');
    expect(sink.refused.map((message) => message.parsed.subject)).toEqual(['One', 'Two', 'Three']);
    expect(sink.messages.map((message) => message.parsed.subject)).toEqual(['Four']);
  });

  it('forgets everything on reset', async () => {
    sink = await startSmtpSink();
    sink.failNext(1, 550);
    await expect(send(sink, 'Refused')).rejects.toMatchObject({ responseCode: 550 });
    await send(sink, 'Kept');
    sink.failNext(1, 451);
    sink.reset();
    await send(sink, 'After reset');
    expect(sink.messages.map((message) => message.parsed.subject)).toEqual(['After reset']);
    expect(sink.refused).toEqual([]);
  });

  it('rejects pending waitFor calls when closed', async () => {
    sink = await startSmtpSink();
    const waiting = sink.waitFor(() => false, 5000);
    await sink.close();
    sink = undefined;
    await expect(waiting).rejects.toThrow(/closed/);
  });
});
