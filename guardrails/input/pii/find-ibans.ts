import { ibanFormats } from './iban-formats.js';
import { isIbanChecksumValid } from './is-iban-checksum-valid.js';
import { isWordCharacter } from './scan-number-runs.js';
import type { TextSpan } from './text-span.js';

export interface IbanLikeSpan extends TextSpan {
  /** Whether the mod-97 check digits are right. */
  valid: boolean;
}

const ibanStart = /(?<![\p{L}\p{N}_])[a-z]{2}\d{2}/giu;
const groupSeparators = new Set([' ', '\u00a0', '\u202f', '-']);

function isAsciiAlphanumeric(character: string | undefined): boolean {
  return character !== undefined && /^[A-Za-z0-9]$/.test(character);
}

/** Reads `length` letters and digits from `start`, allowing one separator between groups. */
function readCompact(text: string, start: number, length: number): { compact: string; end: number } | undefined {
  let compact = '';
  let index = start;
  while (compact.length < length) {
    const character = text[index];
    if (isAsciiAlphanumeric(character)) {
      compact += character;
      index++;
    } else if (character !== undefined && groupSeparators.has(character) && compact.length > 0 && isAsciiAlphanumeric(text[index + 1])) {
      index++;
    } else {
      return undefined;
    }
  }
  return isWordCharacter(text[index]) ? undefined : { compact: compact.toUpperCase(), end: index };
}

/**
 * Two letters, two digits and groups of four ("NX91 ABNA 0417 1643 00"): laid
 * out like an IBAN whatever the country code or length, so a typo in either
 * still keeps its digits from being read as a phone number.
 */
function readGroupedByFour(text: string, start: number): number | undefined {
  let end = start + 4;
  let length = 4;
  for (;;) {
    const separator = text[end];
    if (separator === undefined || !groupSeparators.has(separator)) break;
    let groupEnd = end + 1;
    while (isAsciiAlphanumeric(text[groupEnd])) groupEnd++;
    const groupLength = groupEnd - end - 1;
    if (groupLength < 1 || groupLength > 4 || isWordCharacter(text[groupEnd])) break;
    // A short last group of letters is a word after the account number: "... 3201 en".
    if (groupLength < 4 && !/^\d+$/.test(text.slice(end + 1, groupEnd))) break;
    end = groupEnd;
    length += groupLength;
    // No IBAN is longer; stopping here also keeps a long run of groups linear.
    if (length > 34) return undefined;
    if (groupLength < 4) break;
  }
  return length >= 15 ? end : undefined;
}

/**
 * Everything laid out like an IBAN: of a known country with the right length
 * and letters-and-digits pattern, or of any country in groups of four. Only the
 * first kind can be valid. A look-alike is still an account number, so its
 * digits must not be read as a phone number or a BSN either.
 */
export function findIbanLikeSpans(text: string): IbanLikeSpan[] {
  const spans: IbanLikeSpan[] = [];
  for (const match of text.matchAll(ibanStart)) {
    const format = ibanFormats.get(match[0].slice(0, 2).toUpperCase());
    const read = format === undefined ? undefined : readCompact(text, match.index, format.length);
    const groupedEnd = readGroupedByFour(text, match.index);
    // Written in fours that go on past the country's length ("LU60 6042 2236 9299 8427 5"): too long.
    const fitsLength = read !== undefined && (groupedEnd === undefined || groupedEnd <= read.end);
    if (format !== undefined && read !== undefined && fitsLength && format.bban.test(read.compact.slice(4))) {
      spans.push({ start: match.index, end: read.end, valid: isIbanChecksumValid(read.compact) });
    } else if (groupedEnd !== undefined) {
      spans.push({ start: match.index, end: groupedEnd, valid: false });
    }
  }
  return spans;
}

/** IBANs with valid check digits, in any letter case, compact or grouped ("NL91 ABNA 0417 1643 00"). */
export function findIbans(text: string): TextSpan[] {
  return findIbanLikeSpans(text)
    .filter((span) => span.valid)
    .map(({ start, end }) => ({ start, end }));
}
