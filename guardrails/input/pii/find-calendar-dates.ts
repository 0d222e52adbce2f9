import type { TextSpan } from './text-span.js';

const monthNumbers: Readonly<Record<string, number>> = {
  january: 1, januari: 1, jan: 1,
  february: 2, februari: 2, feb: 2,
  march: 3, maart: 3, mar: 3, mrt: 3,
  april: 4, apr: 4,
  may: 5, mei: 5,
  june: 6, juni: 6, jun: 6,
  july: 7, juli: 7, jul: 7,
  august: 8, augustus: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  october: 10, oktober: 10, oct: 10, okt: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};
// Longest first, so that "juni" is not read as "jun" followed by a stray letter.
const monthPattern = Object.keys(monthNumbers)
  .sort((left, right) => right.length - left.length)
  .join('|');
// Brackets count as figures: they are what is left of one after redaction.
const notAfterFigure = String.raw`(?<![\p{L}\p{N}\]])(?<![\p{N}\]][\-\/.])`;
const notBeforeFigure = String.raw`(?![\p{L}\p{N}\[])(?![\-\/.][\d\[])`;
const space = String.raw`[ \u00a0]{1,3}`;

const dayMonthYearDigits = new RegExp(String.raw`${notAfterFigure}(\d{1,2})([\-\/.])(\d{1,2})\2(\d{4}|\d{2})${notBeforeFigure}`, 'gu');
const yearMonthDayDigits = new RegExp(String.raw`${notAfterFigure}(\d{4})([\-\/.])(\d{1,2})\2(\d{1,2})${notBeforeFigure}`, 'gu');
const dayMonthNameYear = new RegExp(
  String.raw`${notAfterFigure}(\d{1,2})(?:st|nd|rd|th|ste|de|e)?(?: of)?${space}(${monthPattern})(?!\p{L})\.?,?${space}(\d{4})(?!\p{N})`,
  'giu',
);
const monthNameDayYear = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${monthPattern})(?!\p{L})\.?${space}(\d{1,2})(?:st|nd|rd|th)?,?${space}(\d{4})(?!\p{N})`,
  'giu',
);

function isCalendarDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const fullYear = year < 100 ? 2000 + year : year;
  if (year >= 100 && (year < 1900 || year > 2099)) return false;
  return day <= new Date(Date.UTC(fullYear, month, 0)).getUTCDate();
}

function monthNumber(name: string): number {
  return monthNumbers[name.toLowerCase()] ?? 0;
}

/**
 * Complete calendar dates (day, month and year) as customers write them:
 * 04-03-1987, 4/3/87, 1987-03-04, 4 maart 1987, 4th of March 1987, March 4, 1987.
 * Numeric dates are read day first, or month first when only that makes a date.
 */
export function findCalendarDates(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const add = (match: RegExpExecArray, isDate: boolean) => {
    if (isDate) spans.push({ start: match.index, end: match.index + match[0].length });
  };
  for (const match of text.matchAll(dayMonthYearDigits)) {
    const [first, second, year] = [Number(match[1]), Number(match[3]), Number(match[4])];
    add(match, isCalendarDate(first, second, year) || isCalendarDate(second, first, year));
  }
  for (const match of text.matchAll(yearMonthDayDigits)) {
    add(match, isCalendarDate(Number(match[4]), Number(match[3]), Number(match[1])));
  }
  for (const match of text.matchAll(dayMonthNameYear)) {
    add(match, isCalendarDate(Number(match[1]), monthNumber(match[2]!), Number(match[3])));
  }
  for (const match of text.matchAll(monthNameDayYear)) {
    add(match, isCalendarDate(Number(match[2]), monthNumber(match[1]!), Number(match[3])));
  }
  return spans.sort((left, right) => left.start - right.start);
}
