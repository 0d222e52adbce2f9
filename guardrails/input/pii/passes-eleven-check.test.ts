import { describe, expect, it } from 'vitest';
import { passesElevenCheck } from './passes-eleven-check.js';

describe('passesElevenCheck', () => {
  it('accepts numbers whose weighted sum is divisible by 11', () => {
    expect(passesElevenCheck('123456782')).toBe(true);
    expect(passesElevenCheck('111222333')).toBe(true);
    expect(passesElevenCheck('999999990')).toBe(true);
  });

  it('rejects a changed last digit and swapped neighbours', () => {
    expect(passesElevenCheck('123456783')).toBe(false);
    expect(passesElevenCheck('213456782')).toBe(false);
  });

  it('rejects all zeros and anything that is not nine digits', () => {
    expect(passesElevenCheck('000000000')).toBe(false);
    expect(passesElevenCheck('12345678')).toBe(false);
    expect(passesElevenCheck('123.456.782')).toBe(false);
  });
});
