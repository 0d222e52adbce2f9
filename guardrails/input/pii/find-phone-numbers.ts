import {
  isSpaceCutBetweenLongTokens,
  joinDigits,
  findNumberSpans,
  type NumberToken,
} from './scan-number-runs.js';
import type { TextSpan } from './text-span.js';

/** Lengths of the national number after the country code, for the countries customers mostly write from. */
const nationalLengths: ReadonlyArray<[countryCode: string, lengths: readonly number[]]> = [
  ['1', [10]],
  ['31', [9]],
  ['32', [8, 9]],
  ['33', [9]],
  ['34', [9]],
  ['39', [6, 7, 8, 9, 10, 11]],
  ['41', [9]],
  ['44', [9, 10]],
  ['45', [8]],
  ['47', [8]],
  ['49', [6, 7, 8, 9, 10, 11, 12, 13]],
  ['351', [9]],
  ['352', [4, 5, 6, 7, 8, 9, 10, 11]],
  ['353', [7, 8, 9]],
];

// Dutch service numbers are 0800/0900/0906/0909 followed by 4 or 7 digits.
const dutchServiceNumber = /^0(?:800|900|906|909)(?:\d{4}|\d{7})$/;
const dutchNumber = /^0[1-9]\d{8}$/;

function isInternationalNumber(digits: string): boolean {
  // E.164: a country code that does not start with 0 and at most 15 digits in all.
  if (!/^[1-9]\d{7,14}$/.test(digits)) return false;
  const rule = nationalLengths.find(([code]) => digits.startsWith(code));
  if (rule === undefined) return true;
  const [code, lengths] = rule;
  const national = digits.slice(code.length);
  // "+31 06 12345678" keeps the trunk 0 by mistake, and people write it that way.
  if (code === '31' && /^0[1-9]\d{8}$/.test(national)) return true;
  return lengths.includes(national.length) && !national.startsWith('0');
}

function isDutchNationalNumber(tokens: readonly NumberToken[]): boolean {
  const digits = joinDigits(tokens);
  if (dutchNumber.test(digits)) return true;
  // Only "0800 1234" or "08001234", so that a date like 09-06-1987 is not a 0906 number.
  return dutchServiceNumber.test(digits) && tokens[0]!.digits.length >= 4;
}

/**
 * Day-month-year or year-month-day joined by the same "-" or "." ("12-03-87",
 * "1987.03.12"), unless that separator goes on around it as in "06-12-34-56-78".
 */
function containsDate(tokens: readonly NumberToken[]): boolean {
  for (let index = 0; index + 2 < tokens.length; index++) {
    const [first, second, third] = [tokens[index]!, tokens[index + 1]!, tokens[index + 2]!];
    const separator = second.separatorBefore;
    if (third.separatorBefore !== separator || (separator !== '-' && separator !== '.')) continue;
    if (first.separatorBefore === separator || tokens[index + 3]?.separatorBefore === separator) continue;
    const lengths = [first.digits.length, second.digits.length, third.digits.length];
    const dayFirst = lengths[0]! <= 2 && lengths[1]! <= 2 && (lengths[2] === 2 || lengths[2] === 4);
    const yearFirst = lengths[0] === 4 && lengths[1]! <= 2 && lengths[2]! <= 2;
    if (dayFirst || yearFirst) return true;
  }
  return false;
}

function isPhoneNumber(tokens: readonly NumberToken[]): boolean {
  const [first] = tokens;
  if (first === undefined || containsDate(tokens)) return false;
  const areaCodes = tokens.filter((token, index) => token.form === 'paren' && !(index === 1 && token.digits === '0'));
  if (areaCodes.length > 1) return false;
  const isInternational = first.form === 'plus' || (first.form === 'plain' && first.digits.startsWith('00'));
  if (isInternational) {
    // "+31 (0)20 ..." writes the trunk 0 in brackets; it is not dialled from abroad.
    const dialled = tokens.filter((token, index) => !(index === 1 && token.form === 'paren' && token.digits === '0'));
    const digits = joinDigits(dialled);
    return isInternationalNumber(first.form === 'plus' ? digits : digits.slice(2));
  }
  return first.digits.startsWith('0') && isDutchNationalNumber(tokens);
}

/**
 * Phone numbers: international with "+" or "00" ("+31 6 1234 5678",
 * "+1 (212) 555-0123", "0044 20 7946 0958") and Dutch national numbers
 * ("06-12345678", "(020) 5550100", "0800 0123"). National numbers of other
 * countries without a country code are not recognised: without it they cannot
 * be told from other digit groups.
 */
export function findPhoneNumbers(text: string): TextSpan[] {
  return findNumberSpans(text, { isCut: isSpaceCutBetweenLongTokens, minDigits: 8, maxDigits: 17 }, isPhoneNumber);
}
