import { passesElevenCheck } from './passes-eleven-check.js';
import {
  isSpaceCutBetweenLongTokens,
  joinDigits,
  findNumberSpans,
  type NumberToken,
} from './scan-number-runs.js';
import type { TextSpan } from './text-span.js';

// How people write a BSN: 123456782, 123.456.782, 1234.56.782; 8 digits when a leading 0 was dropped.
const bsnGroupings = new Set(['9', '8', '3,3,3', '4,2,3']);
const bsnSeparators = new Set([' ', '\u00a0', '.', '-']);
const bsnCue = /\b(?:bsn|burger\s?service\s?nummer|sofi(?:-?nummer)?\b|citizen service number|social security number)/giu;
// Numbers the customer names as something else. One random number in eleven passes the
// 11-proef, as did old Dutch bank account numbers, so the label decides.
const otherNumberCue = new RegExp(
  [
    String.raw`\b(?:order|bestel|ref\b|referen|kenmerk|factuur|invoice|ticket|case (?:number|nr|id)|zaaknummer|dossier`,
    String.raw`klantnummer|klant-?id|customer (?:number|id|no)|client(?:nummer| number)|transacti|tracking|pakket|parcel`,
    String.raw`zending|contract|polis|policy|rekening|account|pasnummer|betaalpas|card|kaart|lening|loan)|#[ \u00a0]?$`,
  ].join('|'),
  'giu',
);
const cueWindowBefore = 40;
const cueWindowAfter = 20;

function hasBsnShape(tokens: readonly NumberToken[]): boolean {
  if (tokens.some((token) => token.form !== 'plain')) return false;
  const separators = new Set(tokens.slice(1).map((token) => token.separatorBefore));
  if (separators.size > 1 || [...separators].some((separator) => !bsnSeparators.has(separator))) return false;
  return bsnGroupings.has(tokens.map((token) => token.digits.length).join(','));
}

function lastMatchIndex(pattern: RegExp, text: string): number {
  let index = -1;
  for (const match of text.matchAll(pattern)) index = match.index;
  return index;
}

/** The label closest before the number decides; a BSN label just after it counts when there is none. */
function cueNear(text: string, span: TextSpan): 'bsn' | 'other' | 'none' {
  const before = text.slice(Math.max(0, span.start - cueWindowBefore), span.start);
  const bsnAt = lastMatchIndex(bsnCue, before);
  const otherAt = lastMatchIndex(otherNumberCue, before);
  if (bsnAt !== otherAt) return bsnAt > otherAt ? 'bsn' : 'other';
  return lastMatchIndex(bsnCue, text.slice(span.end, span.end + cueWindowAfter)) >= 0 ? 'bsn' : 'none';
}

/**
 * Dutch citizen service numbers: 9 digits passing the 11-proef. A number the
 * customer labels as an order, reference or account number is not one; a number
 * starting with 0, or written with 8 digits, counts only when called a BSN, since
 * that is how other references usually start.
 */
export function findBsn(text: string): TextSpan[] {
  return findNumberSpans(text, { isCut: isSpaceCutBetweenLongTokens, minDigits: 8, maxDigits: 9 }, (tokens, span) => {
    if (!hasBsnShape(tokens)) return false;
    const digits = joinDigits(tokens).padStart(9, '0');
    if (!passesElevenCheck(digits)) return false;
    const cue = cueNear(text, span);
    return !(cue === 'other' || (cue === 'none' && digits.startsWith('0')));
  });
}
