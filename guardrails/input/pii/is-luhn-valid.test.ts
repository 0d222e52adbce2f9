import { describe, expect, it } from 'vitest';
import { isLuhnValid } from './is-luhn-valid.js';

describe('isLuhnValid', () => {
  it('accepts published test card numbers', () => {
    for (const number of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '2223003122003222']) {
      expect(isLuhnValid(number), number).toBe(true);
    }
  });

  it('rejects a number with one digit changed or two neighbours swapped', () => {
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('5555555555554444'.replace('54444', '45444'))).toBe(false);
  });

  it('rejects anything that is not only digits', () => {
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(false);
  });
});
