import { describe, expect, it } from 'vitest';
import { findCardNumbers } from './find-card-numbers.js';

function found(text: string): string[] {
  return findCardNumbers(text).map((span) => text.slice(span.start, span.end));
}

describe('findCardNumbers', () => {
  it('finds Luhn-valid card numbers written plain, in groups of four or with hyphens', () => {
    expect(found('my card is 4111 1111 1111 1111 pls block')).toEqual(['4111 1111 1111 1111']);
    expect(found('pas 5555555555554444.')).toEqual(['5555555555554444']);
    expect(found('card 4111-1111-1111-1111 exp 12/27')).toEqual(['4111-1111-1111-1111']);
  });

  it('finds Amex and Diners grouping and 19-digit Maestro numbers', () => {
    expect(found('amex 3782 822463 10005')).toEqual(['3782 822463 10005']);
    expect(found('maestro 6759 6498 2643 8453 and 6799 9901 0000 0000 019')).toEqual([
      '6759 6498 2643 8453',
      '6799 9901 0000 0000 019',
    ]);
  });

  it('finds a card followed by more digits after a space', () => {
    expect(found('4111 1111 1111 1111 12/27')).toEqual(['4111 1111 1111 1111']);
  });

  it('ignores Luhn-invalid numbers and numbers of the wrong length', () => {
    expect(found('4111 1111 1111 1112')).toEqual([]);
    expect(found('4111 1111 1111')).toEqual([]);
    expect(found('41111111111111111111')).toEqual([]);
  });

  it('ignores order numbers that no card issuer starts with, even when Luhn-valid', () => {
    expect(found('order 1000000000000008')).toEqual([]);
    expect(found('tracking 8000000000000003')).toEqual([]);
  });

  it('ignores masked cards, amounts and numbers glued to words or dots', () => {
    expect(found('4111 11** **** 1111')).toEqual([]);
    expect(found('€4111111111111111')).toEqual([]);
    expect(found('ref4111111111111111')).toEqual([]);
    expect(found('4111.1111.1111.1111')).toEqual([]);
  });

  it('ignores groupings no card uses', () => {
    expect(found('41 11 11 11 11 11 11 11')).toEqual([]);
  });
});
