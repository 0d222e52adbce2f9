import { findBsn } from './find-bsn.js';
import { findCardNumbers } from './find-card-numbers.js';
import { findDatesOfBirth } from './find-dates-of-birth.js';
import { findEmailAddresses } from './find-email-addresses.js';
import { findIbanLikeSpans, findIbans } from './find-ibans.js';
import { findPhoneNumbers } from './find-phone-numbers.js';
import type { PiiKind, PiiMatch } from './pii-match.js';
import type { TextSpan } from './text-span.js';

export type { PiiKind, PiiMatch } from './pii-match.js';

/** Finders in the order that breaks ties between equally long overlapping matches. */
const finders: ReadonlyArray<[PiiKind, (text: string) => TextSpan[]]> = [
  ['card', findCardNumbers],
  ['iban', findIbans],
  ['bsn', findBsn],
  ['phone', findPhoneNumbers],
  ['date_of_birth', findDatesOfBirth],
  ['email', findEmailAddresses],
];

interface Candidate extends TextSpan {
  kind: PiiKind | 'account_look_alike';
  rank: number;
}

function overlapsTaken(taken: Uint8Array, span: TextSpan): boolean {
  for (let index = span.start; index < span.end; index++) if (taken[index] === 1) return true;
  return false;
}

/**
 * Personal data in a text, ordered and never overlapping.
 *
 * Where candidates overlap, the longest wins: a 16-digit card beats a phone
 * number read out of part of it, an IBAN beats a card number read out of its
 * digits, and an email address beats the phone number in its local part.
 * Equally long candidates go by the order of `finders`. An IBAN look-alike
 * with a wrong checksum takes part too, so its digits are not reported as a
 * phone number or BSN, but is itself not reported.
 */
export function detectPii(text: string): PiiMatch[] {
  const candidates: Candidate[] = finders.flatMap(([kind, find], rank) => find(text).map((span) => ({ ...span, kind, rank })));
  for (const span of findIbanLikeSpans(text)) {
    if (!span.valid) candidates.push({ start: span.start, end: span.end, kind: 'account_look_alike', rank: finders.length });
  }
  candidates.sort((left, right) => right.end - right.start - (left.end - left.start) || left.rank - right.rank || left.start - right.start);
  const taken = new Uint8Array(text.length);
  const matches: PiiMatch[] = [];
  for (const candidate of candidates) {
    if (overlapsTaken(taken, candidate)) continue;
    taken.fill(1, candidate.start, candidate.end);
    if (candidate.kind !== 'account_look_alike') matches.push({ kind: candidate.kind, start: candidate.start, end: candidate.end });
  }
  return matches.sort((left, right) => left.start - right.start);
}
