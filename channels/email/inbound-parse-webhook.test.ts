import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { inboundParseWebhookFieldsSchema, inboundWebhookTokenMatches, parseInboundParseWebhook } from './inbound-parse-webhook.js';
import { parseInboundEmail } from './parse-inbound-email.js';
import { readInboundParseForm } from './read-inbound-parse-form.js';

const limits = { maxAttachmentBytes: 1_000_000 };
const sendgridForm = readInboundParseForm(
  readFileSync(new URL('./fixtures/sendgrid-inbound-parse.multipart', import.meta.url)),
  'multipart/form-data; boundary=xYzZY',
);

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

describe('parseInboundParseWebhook', () => {
  it('turns a parsed-mode SendGrid post into an InboundEmail with threading from the original headers', async () => {
    const email = await parseInboundParseWebhook(sendgridForm.fields, { ...limits, attachmentsAlreadyIgnored: sendgridForm.files });
    expect(email).toEqual({
      messageId: '<DB9PR10MB5978A7E2C41F0B8D3E2A1F4C9B3D8@DB9PR10MB5978.EURPRD10.PROD.OUTLOOK.example>',
      inReplyTo: '<beef0005-0005@mail.lumenbank.example>',
      references: ['<beef0004-0004@mail.lumenbank.example>', '<beef0005-0005@mail.lumenbank.example>'],
      from: { address: 'p.vandijk@hotmail.example', name: 'Pieter van Dijk' },
      to: ['help@inbound.lumenbank.example'],
      subject: 'Antw: Uw vraag over een betaalverzoek',
      text: 'Goedenavond,\n\nHoe lang blijft een betaalverzoek geldig? Mijn zoon heeft er een gestuurd van €25.\nIk heb een schermafbeelding bijgevoegd.\n\nGroet,\nPieter',
      attachmentsIgnored: 1,
      loop: { automated: false },
    });
  });

  it('gives the same result as the SMTP path for the same message sent raw', async () => {
    const raw = fixture('gmail-reply-nl.eml');
    const viaWebhook = await parseInboundParseWebhook(
      { from: 'Sanne de Vries <sanne.devries@gmail.example>', email: raw, envelope: '{"to":["help@lumenbank.example"],"from":"sanne.devries@gmail.example"}' },
      limits,
    );
    expect(viaWebhook).toEqual(await parseInboundEmail(raw, { ...limits, envelopeFrom: 'sanne.devries@gmail.example' }));
  });

  it('uses the HTML when a parsed-mode post has no text', async () => {
    const email = await parseInboundParseWebhook(
      {
        from: 'a@example.com',
        subject: 'Pas',
        headers: 'From: a@example.com\nMessage-ID: <h1@example.com>\nContent-Type: text/html; charset=utf-8\n',
        html: '<p>Hoe blokkeer ik mijn pas?</p><blockquote type="cite">Op 3 jun 2025 om 10:12 schreef Lumen Bank &lt;help@lumenbank.example&gt;:<br>oud</blockquote>',
      },
      limits,
    );
    expect(email.text).toBe('Hoe blokkeer ik mijn pas?');
    expect(email.subject).toBe('Pas');
  });

  it('takes From, To and Subject from the fields when the header block lacks them', async () => {
    const email = await parseInboundParseWebhook({ from: 'Emma <emma@example.com>', to: 'help@lumenbank.example', subject: 'Hi\r\nBcc: x@y', text: 'Hello' }, limits);
    expect(email.from).toEqual({ address: 'emma@example.com', name: 'Emma' });
    expect(email.to).toEqual(['help@lumenbank.example']);
    expect(email.subject).toBe('Hi Bcc: x@y');
    expect(email.text).toBe('Hello');
  });

  it('marks an auto-reply as automated from its original headers', async () => {
    const raw = fixture('auto-reply-out-of-office.eml');
    const [headers, text] = raw.split('\r\n\r\n');
    const email = await parseInboundParseWebhook({ from: 'r.visser@contoso.example', headers, text }, limits);
    expect(email.loop).toEqual({ automated: true, reason: 'Auto-Submitted: auto-generated' });
  });

  it('treats an empty envelope sender as a bounce', async () => {
    const email = await parseInboundParseWebhook(
      { from: 'MAILER-DAEMON@mx.example.net', text: 'Undeliverable', envelope: '{"to":["help@lumenbank.example"],"from":""}' },
      limits,
    );
    expect(email.loop.automated).toBe(true);
  });

  it('names the fields that are malformed', async () => {
    const error = await parseInboundParseWebhook({ from: '', envelope: '{oops' }, limits).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['from', 'envelope']));
  });

  it('refuses a post with neither the raw message nor its parts', async () => {
    await expect(parseInboundParseWebhook({ from: 'a@example.com', subject: 'x' }, limits)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('inboundParseWebhookFieldsSchema', () => {
  it('ignores fields it does not use', () => {
    expect(inboundParseWebhookFieldsSchema.parse({ from: 'a@example.com', text: 'x', spam_score: '0.1', SPF: 'pass' })).toEqual({
      from: 'a@example.com',
      text: 'x',
    });
  });
});

describe('inboundWebhookTokenMatches', () => {
  it('accepts the configured token only', () => {
    expect(inboundWebhookTokenMatches('s3cret-token', 's3cret-token')).toBe(true);
    expect(inboundWebhookTokenMatches('wrong', 's3cret-token')).toBe(false);
    expect(inboundWebhookTokenMatches(undefined, 's3cret-token')).toBe(false);
    expect(inboundWebhookTokenMatches('', '')).toBe(false);
  });
});
