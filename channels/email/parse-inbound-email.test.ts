import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { InboundEmailTooLargeError } from './inbound-email-too-large-error.js';
import { parseInboundEmail } from './parse-inbound-email.js';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

const limits = { maxAttachmentBytes: 1_000_000 };

describe('parseInboundEmail', () => {
  it('reads a Gmail reply in English: threading ids, sender, and only the new text', async () => {
    expect(await parseInboundEmail(fixture('gmail-reply-en.eml'), limits)).toEqual({
      messageId: '<CAF7x9kq3mV2d5yQmXw+Lb4E9zT_r0oP1u2gkW6hYJ3=Hn8sA@mail.gmail.example>',
      inReplyTo: '<a1b2c3d4-0001@mail.lumenbank.example>',
      references: ['<a1b2c3d4-0001@mail.lumenbank.example>'],
      from: { address: 'emma.jansen@gmail.example', name: 'Emma Jansen' },
      to: ['help@lumenbank.example'],
      subject: 'Re: Your question about blocking your card',
      text: 'Thanks! And how long does it take before I get a new card?\n\nEmma',
      attachmentsIgnored: 0,
      loop: { automated: false },
    });
  });

  it('reads a Gmail reply in Dutch with a wrapped attribution and quoted-printable euro sign', async () => {
    const email = await parseInboundEmail(fixture('gmail-reply-nl.eml'), limits);
    expect(email.text).toBe('Dank u wel. Kan ik de limiet voor contactloos betalen ook zelf verlagen?\n\nMet vriendelijke groet,\nSanne');
    expect(email.from).toEqual({ address: 'sanne.devries@gmail.example', name: 'Sanne de Vries' });
  });

  it('reads an Outlook reply in English, cutting at the "From: … Sent: …" block', async () => {
    const email = await parseInboundEmail(fixture('outlook-reply-en.eml'), limits);
    expect(email.text).toBe(
      'Hello,\n\nWhat are the costs of a transfer to a bank account in the United States?\n\nKind regards,\n\nJeroen Bakker\nContoso B.V.',
    );
    expect(email.subject).toBe('RE: Your question about international transfers');
  });

  it('reads an Outlook reply in Dutch: Windows-1252, folded References, mobile signature, "Van: … Verzonden: …"', async () => {
    const email = await parseInboundEmail(fixture('outlook-reply-nl.eml'), limits);
    expect(email.text).toBe('Goedenavond,\n\nHoe lang blijft een betaalverzoek geldig? Mijn zoon heeft er een gestuurd van €25.\n\nGroet,\nPieter');
    expect(email.references).toEqual(['<beef0004-0004@mail.lumenbank.example>', '<beef0005-0005@mail.lumenbank.example>']);
    expect(email.inReplyTo).toBe('<beef0005-0005@mail.lumenbank.example>');
  });

  it('reads an Apple Mail reply in English from an iPhone', async () => {
    const email = await parseInboundEmail(fixture('apple-mail-reply-en.eml'), limits);
    expect(email.text).toBe('Can I open a second savings account for my daughter?');
    expect(email.messageId).toBe('<5E2B7C11-9A3D-4F0E-8B6C-2D1A7E9F3C40@icloud.example>');
  });

  it('reads an Apple Mail reply in Dutch ("het volgende geschreven")', async () => {
    const email = await parseInboundEmail(fixture('apple-mail-reply-nl.eml'), limits);
    expect(email.text).toBe('Bedankt voor uw antwoord. Kan ik mijn pas na het blokkeren weer deblokkeren?\n\nGroet,\nMark');
  });

  it('takes the text from the HTML when there is no text part, without the signature and quote', async () => {
    const email = await parseInboundEmail(fixture('html-only.eml'), limits);
    expect(email.text).toBe('Goedemiddag,\n\nIk ben mijn inlogcode vergeten. Hoe kan ik een nieuwe aanvragen?\n\nMet vriendelijke groet,\nKees Mülder');
    expect(email.from.name).toBe('Kees Mülder');
    expect(email.subject).toBe('Re: Uw vraag over inlogcodes');
  });

  it('converts Outlook HTML-only history ("Van: … Verzonden: …" after a rule) away', async () => {
    const html =
      '<html><body><div>Hoe wijzig ik mijn adres?</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%">' +
      '<div id="divRplyFwdMsg" dir="ltr"><b>Van:</b> Lumen Bank &lt;help@lumenbank.example&gt;<br><b>Verzonden:</b> donderdag 5 juni 2025 18:44<br>' +
      '<b>Aan:</b> klant@example.com</div><div>Oud antwoord</div></body></html>';
    const raw = `From: klant@example.com\r\nTo: help@lumenbank.example\r\nSubject: Adres\r\nMessage-ID: <html-1@example.com>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`;
    expect((await parseInboundEmail(raw, limits)).text).toBe('Hoe wijzig ik mijn adres?');
  });

  it('converts the HTML of a multipart/alternative that holds no text part', async () => {
    const raw = [
      'From: klant@example.com',
      'Message-ID: <alt-1@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Wat kost een extra pas?</p>',
      '--b1--',
      '',
    ].join('\r\n');
    expect((await parseInboundEmail(raw, limits)).text).toBe('Wat kost een extra pas?');
  });

  it('counts attachments without keeping them', async () => {
    const email = await parseInboundEmail(fixture('with-attachment.eml'), limits);
    expect(email.attachmentsIgnored).toBe(2);
    expect(email.text).toBe(
      'Hello,\n\nI see a debit on my statement that I do not recognise. What should I do?\nI attached my statement and a screenshot.\n\nEmma',
    );
    expect(email).not.toHaveProperty('attachments');
  });

  it('refuses a message whose attachments pass the limit', async () => {
    const error = await parseInboundEmail(fixture('with-attachment.eml'), { maxAttachmentBytes: 100 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InboundEmailTooLargeError);
    expect(error).toMatchObject({ part: 'attachments', limitBytes: 100, isRetryable: false });
  });

  it('refuses a raw message longer than maxMessageBytes before parsing it', async () => {
    await expect(parseInboundEmail(fixture('gmail-reply-en.eml'), { maxAttachmentBytes: 1000, maxMessageBytes: 500 })).rejects.toMatchObject({
      name: 'InboundEmailTooLargeError',
      part: 'message',
    });
  });

  it('refuses a message past the MIME parser limits with a ValidationError, not its internal error (found by bench/fuzz)', async () => {
    const parts = 'From: a@example.com\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n' + '--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n'.repeat(1_001);
    const headers = `${'X-Header: value\r\n'.repeat(70_000)}From: a@example.com\r\n\r\nhi\r\n`;
    for (const raw of [parts, headers]) {
      const error = await parseInboundEmail(raw, limits).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ isRetryable: false, message: expect.stringMatching(/^The email is beyond what the MIME parser reads: Max/) });
    }
  });

  it('adds attachments that were removed before parsing to the count', async () => {
    const email = await parseInboundEmail(fixture('gmail-reply-en.eml'), { ...limits, attachmentsAlreadyIgnored: 3 });
    expect(email.attachmentsIgnored).toBe(3);
  });

  it('marks an out-of-office reply as automated', async () => {
    const email = await parseInboundEmail(fixture('auto-reply-out-of-office.eml'), limits);
    expect(email.loop).toEqual({ automated: true, reason: 'Auto-Submitted: auto-generated' });
  });

  it('marks a bounce from MAILER-DAEMON as automated and counts its report parts as attachments', async () => {
    const email = await parseInboundEmail(fixture('bounce-mailer-daemon.eml'), limits);
    expect(email.loop.automated).toBe(true);
    expect(email.from.address).toBe('mailer-daemon@mx1.example.net');
    expect(email.attachmentsIgnored).toBe(2);
  });

  it('uses the SMTP envelope sender when there is no Return-Path header', async () => {
    const raw = 'From: someone@example.com\r\nTo: help@lumenbank.example\r\nSubject: Hi\r\nMessage-ID: <x@example.com>\r\n\r\nHello\r\n';
    expect((await parseInboundEmail(raw, { ...limits, envelopeFrom: '' })).loop).toEqual({ automated: true, reason: 'Return-Path: <>' });
    expect((await parseInboundEmail(raw, { ...limits, envelopeFrom: 'someone@example.com' })).loop.automated).toBe(false);
  });

  it('recognises our own reply coming back', async () => {
    const raw = 'From: Lumen Bank <help@lumenbank.example>\r\nTo: help@lumenbank.example\r\nSubject: Re: x\r\n\r\nHello\r\n';
    const email = await parseInboundEmail(raw, { ...limits, ownAddresses: ['help@lumenbank.example'] });
    expect(email.loop.reason).toBe('sent from our own address');
  });

  it('gives a message without a Message-ID a stable id derived from its bytes', async () => {
    const raw = 'From: a@example.com\r\nTo: help@lumenbank.example\r\nSubject: No id\r\n\r\nHello\r\n';
    const first = await parseInboundEmail(raw, limits);
    const second = await parseInboundEmail(Buffer.from(raw), limits);
    expect(first.messageId).toMatch(/^<[0-9a-f]{40}@missing-message-id\.invalid>$/);
    expect(second.messageId).toBe(first.messageId);
  });

  it('treats a message without a sender as automated rather than failing', async () => {
    const email = await parseInboundEmail('To: help@lumenbank.example\r\nSubject: ?\r\n\r\nHello\r\n', limits);
    expect(email.from).toEqual({ address: '' });
    expect(email.loop).toEqual({ automated: true, reason: 'no sender address' });
  });

  it('lists every To address, lower-cased, groups flattened', async () => {
    const raw = 'From: a@example.com\r\nTo: Help <Help@LumenBank.example>, Team: b@example.com, c@example.com;\r\nSubject: x\r\n\r\nHi\r\n';
    expect((await parseInboundEmail(raw, limits)).to).toEqual(['help@lumenbank.example', 'b@example.com', 'c@example.com']);
  });

  it('reads References separated by commas and removes duplicates', async () => {
    const raw = 'From: a@example.com\r\nReferences: <1@x>,<2@x>, <1@x>\r\nSubject: x\r\n\r\nHi\r\n';
    expect((await parseInboundEmail(raw, limits)).references).toEqual(['<1@x>', '<2@x>']);
  });
});
