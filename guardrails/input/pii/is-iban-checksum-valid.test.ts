import { describe, expect, it } from 'vitest';
import { isIbanChecksumValid } from './is-iban-checksum-valid.js';

describe('isIbanChecksumValid', () => {
  it('accepts the example IBANs of the registry in any letter case', () => {
    for (const iban of ['NL91ABNA0417164300', 'GB82WEST12345698765432', 'DE89370400440532013000', 'be68539007547034', 'FR1420041010050500013M02606']) {
      expect(isIbanChecksumValid(iban), iban).toBe(true);
    }
  });

  it('rejects wrong check digits, a changed digit and swapped neighbours', () => {
    expect(isIbanChecksumValid('NL92ABNA0417164300')).toBe(false);
    expect(isIbanChecksumValid('NL91ABNA0417164301')).toBe(false);
    expect(isIbanChecksumValid('NL91ABNA0471164300')).toBe(false);
  });

  it('rejects check digits 00, 01 and 99 and anything not shaped like an IBAN', () => {
    expect(isIbanChecksumValid('NL00ABNA0417164300')).toBe(false);
    expect(isIbanChecksumValid('NL91 ABNA 0417 1643 00')).toBe(false);
    expect(isIbanChecksumValid('')).toBe(false);
  });
});
