import { findCalendarDates } from './find-calendar-dates.js';
import { piiPlaceholderPattern } from './pii-placeholder.js';
import type { TextSpan } from './text-span.js';

// "Birthday present bought on 12-03-2024" names an event, not a date of birth.
const birthCue =
  /\b(?:date of birth|birth ?date|birthday(?! (?:present|gift|party|card|cake|money|voucher|dinner|trip)s?\b)|born|dob|geboortedatum|geboren|verjaardag|jarig)\b|\b(?:d\.o\.b|geb)\b\.?/giu;
const sentenceEnd = /[.!?](?=\s|$)|\n/;
const maxWordsCueBeforeDate = 8;
const maxWordsCueAfterDate = 4;
const maxGapLength = 100;

/**
 * Whether the text between a cue and a date ties them together: same sentence,
 * a few words apart, and no other figure in between ("born in 1987, paid on
 * 12 March 2024"). A placeholder counts as a figure, because it replaced one;
 * otherwise redacting a text twice could find a date of birth the first pass
 * did not.
 */
function linksCueToDate(gap: string, maxWords: number): boolean {
  if (gap.length > maxGapLength || /\d/.test(gap) || sentenceEnd.test(gap) || piiPlaceholderPattern.test(gap)) return false;
  const words = gap.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.length <= maxWords;
}

/** Index of the last cue ending at or before `position`, or -1. */
function lastCueBefore(cues: readonly TextSpan[], position: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (cues[middle]!.end <= position) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Dates of birth: complete dates with a birth cue close by in the same sentence
 * ("born", "date of birth", "DOB", "birthday", "geboren", "geboortedatum",
 * "geb."). Any other date, such as "on 12 March I paid", is left alone; so is a
 * year or a month on its own.
 */
export function findDatesOfBirth(text: string): TextSpan[] {
  const dates = findCalendarDates(text);
  if (dates.length === 0) return [];
  const cues = [...text.matchAll(birthCue)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  return dates.filter((date) => {
    const before = lastCueBefore(cues, date.start);
    const cueBefore = cues[before];
    let after = before + 1;
    while (after < cues.length && cues[after]!.start < date.end) after++;
    const cueAfter = cues[after];
    return (
      (cueBefore !== undefined && linksCueToDate(text.slice(cueBefore.end, date.start), maxWordsCueBeforeDate)) ||
      (cueAfter !== undefined && linksCueToDate(text.slice(date.end, cueAfter.start), maxWordsCueAfterDate))
    );
  });
}
