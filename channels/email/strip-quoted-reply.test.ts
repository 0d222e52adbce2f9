import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from './strip-quoted-reply.js';

describe('stripQuotedReply', () => {
  it('keeps a message without history as it is, trimmed', () => {
    expect(stripQuotedReply('\n\nHow do I block my card?\n\nThanks, Emma\n\n')).toBe('How do I block my card?\n\nThanks, Emma');
  });

  it('normalises CRLF line endings', () => {
    expect(stripQuotedReply('Line one\r\nLine two\r\n')).toBe('Line one\nLine two');
  });

  it('removes a Gmail attribution and the quoted lines below it', () => {
    const text = [
      'Is there a fee for that?',
      '',
      'On Tue, 3 Jun 2025 at 10:12, Lumen Bank <help@lumenbank.example> wrote:',
      '',
      '> You can block your card in the app.',
      '> Kind regards,',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Is there a fee for that?');
  });

  it('removes an attribution that Gmail wrapped over two lines', () => {
    const text = [
      'Thanks, and how long does a new card take?',
      '',
      'On Tue, Jun 3, 2025 at 10:12 AM Lumen Bank Customer Service <',
      'help@lumenbank.example> wrote:',
      '',
      '> You can block your card in the app.',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Thanks, and how long does a new card take?');
  });

  it('removes a Dutch Gmail attribution ("Op … schreef …:")', () => {
    const text = [
      'Hoe lang duurt het voordat mijn nieuwe pas er is?',
      '',
      'Op di 3 jun 2025 om 10:12 schreef Lumen Bank <help@lumenbank.example>:',
      '',
      '> U kunt uw pas blokkeren in de app.',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Hoe lang duurt het voordat mijn nieuwe pas er is?');
  });

  it('removes an Apple Mail Dutch attribution ("het volgende geschreven:")', () => {
    const text = [
      'Dank u. Kan ik de pas ook weer deblokkeren?',
      '',
      'Verstuurd vanaf mijn iPhone',
      '',
      'Op 3 jun 2025 om 10:12 heeft Lumen Bank <help@lumenbank.example> het volgende geschreven:',
      '',
      '> U kunt uw pas blokkeren in de app.',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Dank u. Kan ik de pas ook weer deblokkeren?');
  });

  it('removes an Apple Mail English attribution', () => {
    const text = [
      'Can I unblock it again?',
      '',
      '> On 3 Jun 2025, at 10:12, Lumen Bank <help@lumenbank.example> wrote:',
      '>',
      '> You can block your card in the app.',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Can I unblock it again?');
  });

  it('keeps text written below a quote block (bottom posting)', () => {
    const text = [
      'On 3 Jun 2025, at 10:12, Lumen Bank <help@lumenbank.example> wrote:',
      '> You can block your card in the app.',
      '',
      'And what if I cannot log in to the app?',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('And what if I cannot log in to the app?');
  });

  it('keeps answers written between quoted lines (inline replies)', () => {
    const text = ['> Which card is it?', 'My debit card.', '> Since when?', 'Since yesterday.'].join('\n');
    expect(stripQuotedReply(text)).toBe('My debit card.\nSince yesterday.');
  });

  it('cuts at "-----Original Message-----"', () => {
    const text = ['Please call me back.', '', '-----Original Message-----', 'From: Lumen Bank', 'Old text'].join('\n');
    expect(stripQuotedReply(text)).toBe('Please call me back.');
  });

  it('cuts at "-----Oorspronkelijk bericht-----"', () => {
    const text = ['Graag een reactie.', '-----Oorspronkelijk bericht-----', 'Van: Lumen Bank', 'Oude tekst'].join('\n');
    expect(stripQuotedReply(text)).toBe('Graag een reactie.');
  });

  it('cuts at an Outlook "From: … Sent: …" header block', () => {
    const text = [
      'What is the daily limit for contactless payments?',
      '',
      'Regards,',
      'Jan',
      '',
      'From: Lumen Bank <help@lumenbank.example>',
      'Sent: Tuesday, June 3, 2025 10:12 AM',
      'To: Jan de Vries <jan.devries@example.com>',
      'Subject: RE: Card',
      '',
      'You can block your card in the app.',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('What is the daily limit for contactless payments?\n\nRegards,\nJan');
  });

  it('cuts at a Dutch Outlook "Van: … Verzonden: …" block and the rule above it', () => {
    const text = [
      'Wat is de daglimiet voor contactloos betalen?',
      '',
      '________________________________',
      'Van: Lumen Bank <help@lumenbank.example>',
      'Verzonden: dinsdag 3 juni 2025 10:12',
      'Aan: Jan de Vries <jan.devries@example.com>',
      'Onderwerp: Pas',
      '',
      'U kunt uw pas blokkeren in de app.',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Wat is de daglimiet voor contactloos betalen?');
  });

  it('cuts at a bold "*From:*" block as Outlook for Mac writes it', () => {
    const text = ['Thank you!', '', '*From:* Lumen Bank <help@lumenbank.example>', '*Date:* Tuesday, 3 June 2025 at 10:12', 'Old'].join('\n');
    expect(stripQuotedReply(text)).toBe('Thank you!');
  });

  it('keeps a line starting with "From:" that is not a header block', () => {
    const text = 'From: my savings account to my current account, how long does it take?';
    expect(stripQuotedReply(text)).toBe(text);
  });

  it('cuts at the signature delimiter "-- "', () => {
    expect(stripQuotedReply('How do I change my address?\n\n-- \nJan de Vries\n+31 6 12345678')).toBe('How do I change my address?');
  });

  it('cuts at a signature delimiter whose trailing space was trimmed', () => {
    expect(stripQuotedReply('Question?\n--\nJan')).toBe('Question?');
  });

  it('keeps a line of dashes that is not the delimiter', () => {
    expect(stripQuotedReply('Step one\n---\nStep two')).toBe('Step one\n---\nStep two');
  });

  it.each([
    'Sent from my iPhone',
    'Sent from my iPad',
    'Verzonden vanaf mijn iPhone',
    'Verstuurd vanaf mijn iPhone',
    'Verzonden vanaf mijn Samsung Galaxy smartphone.',
    'Sent from Outlook for iOS',
    'Verzonden met Outlook voor Android',
    'Get Outlook for Android',
    'Outlook voor iOS downloaden',
    'Sent from Mail for Windows',
    'Verzonden vanuit Mail voor Windows',
  ])('cuts at the mobile signature "%s"', (signature) => {
    expect(stripQuotedReply(`Is the app down?\n\n${signature}\n\nOn Tue, 3 Jun 2025 at 10:12 Lumen Bank <help@lumenbank.example> wrote:\n> Old`)).toBe(
      'Is the app down?',
    );
  });

  it('keeps a sentence that only resembles a mobile signature', () => {
    const text = 'Verzonden vanaf mijn rekening bij een andere bank, is het geld al binnen?';
    expect(stripQuotedReply(text)).toBe(text);
  });

  it('keeps a customer sentence ending in "wrote:" that names no address or time', () => {
    const text = 'On Monday my husband wrote:\nthe transfer was not received.';
    expect(stripQuotedReply(text)).toBe(text);
  });

  it('cuts at an attribution without quote markers when it names an address (HTML history)', () => {
    const text = ['Thanks!', '', 'On Tue, 3 Jun 2025 at 10:12, Lumen Bank <help@lumenbank.example> wrote:', 'Old answer without markers'].join('\n');
    expect(stripQuotedReply(text)).toBe('Thanks!');
  });

  it('keeps forwarded messages, which the customer asks about', () => {
    const text = [
      'Is this email really from you?',
      '',
      '---------- Forwarded message ---------',
      'From: Lumen Bank Security <security@lumen-bank-verify.example>',
      'Date: Mon, 2 Jun 2025 at 09:00',
      'Subject: Verify your account',
    ].join('\n');
    expect(stripQuotedReply(text)).toContain('---------- Forwarded message ---------');
  });

  it('drops a horizontal rule left at the end once the history below it is gone', () => {
    const text = ['Bedankt!', '', '-'.repeat(80), 'Van: Lumen Bank <help@lumenbank.example>', 'Verzonden: dinsdag 3 juni 2025 10:12', 'Oud'].join('\n');
    expect(stripQuotedReply(text)).toBe('Bedankt!');
  });

  it('collapses runs of blank lines left by HTML conversion', () => {
    expect(stripQuotedReply('Hi,\n\n\n\nHow do I block my card?')).toBe('Hi,\n\nHow do I block my card?');
  });

  it('returns an empty string when everything is quoted', () => {
    expect(stripQuotedReply('> Only\n> quoted\n')).toBe('');
  });

  it('returns an empty string for empty input', () => {
    expect(stripQuotedReply('')).toBe('');
  });
});
