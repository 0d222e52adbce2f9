import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from './find-phone-numbers.js';

function found(text: string): string[] {
  return findPhoneNumbers(text).map((span) => text.slice(span.start, span.end));
}

describe('findPhoneNumbers', () => {
  it.each([
    '+31 6 1234 5678',
    '+31612345678',
    '0031 6 12345678',
    '+31 (0)20 555 0100',
    '+31 06 12345678',
    '06-12345678',
    '06 1234 5678',
    '06 12 34 56 78',
    '06.12.34.56.78',
    '020 555 0100',
    '020-5550100',
    '(020) 5550100',
    '(020)5550100',
    '0411 123456',
    '0800-0123',
    '0900 1234567',
    '+44 20 7946 0958',
    '0044 20 7946 0958',
    '+1 (212) 555-0123',
    '+32 2 123 45 67',
    '+49 30 12345678',
  ])('finds %s', (number) => {
    expect(found(`bel me op ${number}, dank`)).toEqual([number]);
  });

  it('finds two numbers written next to each other', () => {
    expect(found('0612345678 0687654321')).toEqual(['0612345678', '0687654321']);
  });

  it.each([
    ['too short', '06-1234567'],
    ['too long', '06-123456789'],
    ['an extra group', '06 1234 5678 9'],
    ['no prefix', '5550100'],
    ['a short international number', '+31 6 1234 567'],
    ['a US number without its area code', '+1 555 0123'],
    ['a foreign national number', '020 7946 0958'],
    ['a date', '09-06-1987'],
    ['a date and a time', '02-03-2024 14:30'],
    ['a time', '14:30'],
    ['an amount', '€ 0612345678'],
    ['a number glued to letters', 'ABNA0417164300'],
    ['a tracking number', '00340434161234567890'],
    ['a version', '10.0.19045'],
  ])('ignores %s: %s', (_reason, text) => {
    expect(found(text)).toEqual([]);
  });
});
