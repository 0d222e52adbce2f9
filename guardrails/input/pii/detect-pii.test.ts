import { describe, expect, it } from 'vitest';
import { detectPii } from './detect-pii.js';

function found(text: string): Array<[string, string]> {
  return detectPii(text).map((match) => [match.kind, text.slice(match.start, match.end)]);
}

describe('detectPii', () => {
  it('finds every kind, in text order', () => {
    const text =
      'Ik ben Jan, geboren 4 maart 1987, bsn 123456782, mail jan@example.nl of bel 06-12345678; ' +
      'pas 4111 1111 1111 1111 en rekening NL91 ABNA 0417 1643 00.';
    expect(found(text)).toEqual([
      ['date_of_birth', '4 maart 1987'],
      ['bsn', '123456782'],
      ['email', 'jan@example.nl'],
      ['phone', '06-12345678'],
      ['card', '4111 1111 1111 1111'],
      ['iban', 'NL91 ABNA 0417 1643 00'],
    ]);
  });

  it('reports a card number once, as a card', () => {
    // Phone numbers start with +, 00 or 0 and card numbers with 2 to 6, so neither reads into the other.
    expect(found('4111111111111111 0612345678')).toEqual([
      ['card', '4111111111111111'],
      ['phone', '0612345678'],
    ]);
    expect(found('0031 4111 1111 1111 1111')).toEqual([['card', '4111 1111 1111 1111']]);
  });

  it('reports an IBAN, not a card number read out of its digits', () => {
    // 370400440532013001 on its own is a Luhn-valid 18-digit number starting with 3.
    expect(found('DE62 3704 0044 0532 0130 01')).toEqual([['iban', 'DE62 3704 0044 0532 0130 01']]);
  });

  it('reports an email address, not the phone number in its local part', () => {
    expect(found('0612345678@example.nl')).toEqual([['email', '0612345678@example.nl']]);
  });

  it('reports nothing inside an IBAN with a wrong checksum', () => {
    expect(found('NL91 ABNA 0612 3456 78')).toEqual([]);
  });

  it('tells a 9-digit BSN from a 10-digit phone number', () => {
    expect(found('123456782 en 0612345678')).toEqual([
      ['bsn', '123456782'],
      ['phone', '0612345678'],
    ]);
  });

  it('finds nothing in text without personal data', () => {
    expect(detectPii('')).toEqual([]);
    expect(detectPii('Op 12 maart betaalde ik €1.234,56 (12%) om 14:30 in 1012 AB, app 10.0.19045 😀')).toEqual([]);
  });
});
