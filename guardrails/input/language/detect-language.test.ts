import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['card lost', 'en'],
    ['thx', 'en'],
    ['can u check my last payment', 'en'],
    ['pas kwijt', 'nl'],
    ['hoi', 'nl'],
    ['kan ik pinnen in de VS?', 'nl'],
    ['wnr krijg ik mn nieuwe pas', 'nl'],
    ['kheb mn pas verloren', 'nl'],
  ] as const)('reads the short message %j as %s, whatever the fallback', (text, locale) => {
    for (const fallback of ['en', 'nl'] as const) {
      expect(detectLanguage(text, fallback)).toMatchObject({ locale, usedFallback: false });
    }
  });

  it('survives typos', () => {
    expect(detectLanguage('waht is the iban of my acount', 'nl').locale).toBe('en');
    expect(detectLanguage('ik wil mijn pasje blokeren', 'en').locale).toBe('nl');
  });

  it('goes by the language that carries the sentence when a loanword is mixed in', () => {
    expect(detectLanguage('my pinpas doesnt work in the shop', 'nl').locale).toBe('en');
    expect(detectLanguage('kan ik mijn creditcard gebruiken in the UK', 'en').locale).toBe('nl');
  });

  it.each(['ok', '', '👍', '?', 'iban', '12345', 'https://lumenbank.example', 'merci'])(
    'uses the fallback when %j carries too little evidence',
    (text) => {
      expect(detectLanguage(text, 'nl')).toMatchObject({ locale: 'nl', usedFallback: true });
      expect(detectLanguage(text, 'en')).toMatchObject({ locale: 'en', usedFallback: true });
    },
  );

  it.each([
    'Ich habe meine Karte verloren',
    'Bonjour, j’ai perdu ma carte',
    '¿Cómo puedo cerrar mi cuenta?',
    'Non parlo olandese',
    'Não falo holandês',
    'Dzień dobry, zgubiłem kartę',
    'Merhaba, kartımı kaybettim',
    'gracias',
  ])('reports %j as other', (text) => {
    expect(detectLanguage(text, 'en')).toMatchObject({ locale: 'other', usedFallback: false });
  });

  it('does not call a message other on character evidence alone', () => {
    expect(detectLanguage('roadside assistance price', 'en')).toMatchObject({ locale: 'en', usedFallback: true });
  });

  it('ignores the placeholders left by PII redaction', () => {
    expect(detectLanguage('mijn pasnummer is [card] en mijn geboortedatum [date_of_birth]', 'en').locale).toBe('nl');
    expect(detectLanguage('[card] [phone]', 'nl')).toMatchObject({ locale: 'nl', usedFallback: true });
  });

  it('leaves out web and email addresses', () => {
    expect(detectLanguage('mail emma.jansen@gmail.example or see https://lumenbank.example/help', 'en')).toMatchObject({ locale: 'en', usedFallback: false });
    expect(detectLanguage('emma@gmail.example www.lumenbank.example', 'nl')).toMatchObject({ locale: 'nl', usedFallback: true });
  });

  it('takes time in proportion to the text for a long word without "@" (found by bench/fuzz)', () => {
    const started = performance.now();
    detectLanguage('0612345678-'.repeat(9_000), 'en');
    // The email-address pattern tried every position of the word: 13 seconds here, now milliseconds.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('reports text in another script as other', () => {
    expect(detectLanguage('Здравствуйте, я потерял карту', 'nl')).toEqual({ locale: 'other', confidence: 1, usedFallback: false });
    expect(detectLanguage('我的银行卡丢了', 'en').locale).toBe('other');
  });

  it('gives a confidence between the threshold and 1, higher for longer messages', () => {
    const short = detectLanguage('pas kwijt', 'en');
    const long = detectLanguage('ik ben mijn pas kwijt en ik wil hem zo snel mogelijk blokkeren', 'en');
    expect(short.confidence).toBeGreaterThanOrEqual(0.6);
    expect(long.confidence).toBeLessThanOrEqual(1);
    expect(long.confidence).toBeGreaterThanOrEqual(short.confidence);
  });
});
