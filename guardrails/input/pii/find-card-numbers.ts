import { isLuhnValid } from './is-luhn-valid.js';
import {
  isSpaceCut,
  joinDigits,
  findNumberSpans,
  type NumberToken,
} from './scan-number-runs.js';
import type { TextSpan } from './text-span.js';

const cardSeparators = new Set(['', ' ', '\u00a0', '\u202f', '-']);
// Visa, Mastercard, Maestro, Amex, Diners, Discover and JCB all start with 2 to 6; order and
// tracking numbers starting with 0, 1, 7, 8 or 9 are not read as cards however their checksum falls.
const issuerPrefix = /^[2-6]/;

/** As printed on cards and typed by people: 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4, or no grouping. */
function hasCardGrouping(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  const [first, second, third] = lengths;
  if (lengths.length === 3 && first === 4 && second === 6 && (third === 5 || third === 4)) return true;
  const last = lengths[lengths.length - 1]!;
  return lengths.slice(0, -1).every((length) => length === 4) && last >= 1 && last <= 4;
}

function isCardNumber(tokens: readonly NumberToken[]): boolean {
  if (tokens.some((token) => token.form !== 'plain' || !cardSeparators.has(token.separatorBefore))) return false;
  const digits = joinDigits(tokens);
  return (
    digits.length >= 13 &&
    digits.length <= 19 &&
    issuerPrefix.test(digits) &&
    hasCardGrouping(tokens.map((token) => token.digits.length)) &&
    isLuhnValid(digits)
  );
}

/**
 * Payment card numbers (13 to 19 digits, Luhn-valid, grouped as cards are),
 * written plain or with spaces or hyphens. Overlapping candidates are all
 * returned; detectPii keeps the longest.
 */
export function findCardNumbers(text: string): TextSpan[] {
  return findNumberSpans(text, { isCut: isSpaceCut, minDigits: 13, maxDigits: 19 }, isCardNumber);
}
