import type { TextSpan } from './text-span.js';

/** One group of digits as the customer wrote it: `0612`, `(020)` or `+31`. */
export interface NumberToken extends TextSpan {
  digits: string;
  form: 'plain' | 'plus' | 'paren';
  /** The character joining this token to the previous one in its run; '' when glued to a parenthesis or first. */
  separatorBefore: string;
}

/**
 * Number tokens joined by single separators ("06 1234 5678", "1234.56.782",
 * "+31 (0)20-555 0100"). One run may hold several numbers, so finders choose
 * token ranges inside it with {@link listCandidateRanges}.
 */
export interface NumberRun {
  tokens: NumberToken[];
  /** Nothing before the run makes it part of a word, an amount or a longer number. */
  cleanStart: boolean;
  /** Nothing after the run makes it part of a word, an amount, a percentage or a longer number. */
  cleanEnd: boolean;
}

const separators = new Set([' ', '\u00a0', '\u202f', '.', '-']);
const whitespace = new Set([' ', '\u00a0', '\u202f']);
// Characters that glue digits into one figure: "3,50", "14:30", "12/27".
const joiners = new Set(['.', ',', ':', '/', '-']);
const currencyAfter = /^[ \u00a0]?(?:€|eur(?:o|os)?(?![\p{L}]))/iu;
const currencyBefore = /(?:[€$£]|(?<![\p{L}])eur)[ \u00a0]?$/iu;

export function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

export function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}_]/u.test(character);
}

function isLetter(character: string | undefined): boolean {
  return character !== undefined && /\p{L}/u.test(character);
}

function readDigits(text: string, index: number): number {
  let end = index;
  while (isDigit(text[end])) end++;
  return end;
}

function readToken(text: string, index: number, separatorBefore: string): NumberToken | undefined {
  const character = text[index];
  if (isDigit(character)) {
    const end = readDigits(text, index);
    return { start: index, end, digits: text.slice(index, end), form: 'plain', separatorBefore };
  }
  if (character === '+' && isDigit(text[index + 1])) {
    const end = readDigits(text, index + 1);
    return { start: index, end, digits: text.slice(index + 1, end), form: 'plus', separatorBefore };
  }
  if (character === '(') {
    const digitsEnd = readDigits(text, index + 1);
    const length = digitsEnd - index - 1;
    if (length >= 1 && length <= 4 && text[digitsEnd] === ')') {
      return { start: index, end: digitsEnd + 1, digits: text.slice(index + 1, digitsEnd), form: 'paren', separatorBefore };
    }
  }
  return undefined;
}

function readNextToken(text: string, previous: NumberToken): NumberToken | undefined {
  const next = text[previous.end];
  if (next === undefined) return undefined;
  // A parenthesis may touch its neighbours: "(020)5550100", "+31(0)6".
  const glued = next === '(' || previous.form === 'paren' ? readToken(text, previous.end, '') : undefined;
  if (glued !== undefined && glued.form !== 'plus') return glued;
  if (!separators.has(next)) return undefined;
  const token = readToken(text, previous.end + 1, next);
  // "+" starts a new number, never continues one.
  return token?.form === 'plus' ? undefined : token;
}

// A placeholder from an earlier redaction stands where a figure or a word was, so the
// rules below treat its brackets as one; otherwise redacting twice could find more.
function isFigureOrWordBefore(character: string | undefined): boolean {
  return isDigit(character) || isLetter(character) || character === ']';
}

function isFigureAfter(character: string | undefined): boolean {
  return isDigit(character) || character === '[';
}

function hasCleanStart(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined) return true;
  if (isWordCharacter(before) || before === ']') return false;
  const beforeThat = text[start - 2];
  if (joiners.has(before) && (isDigit(beforeThat) || beforeThat === ']')) return false;
  // "ref-123", "LB/4821": a code, not a number of its own.
  if ((before === '-' || before === '/') && isFigureOrWordBefore(beforeThat)) return false;
  return !currencyBefore.test(text.slice(Math.max(0, start - 5), start));
}

function hasCleanEnd(text: string, end: number): boolean {
  const after = text[end];
  if (after === undefined) return true;
  if (isWordCharacter(after) || after === '[' || after === '%') return false;
  if (joiners.has(after) && isFigureAfter(text[end + 1])) return false;
  return !currencyAfter.test(text.slice(end, end + 7));
}

/** Every run of number tokens in the text, left to right, in one linear pass. */
export function scanNumberRuns(text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  let index = 0;
  while (index < text.length) {
    const first = readToken(text, index, '');
    if (first === undefined) {
      index++;
      continue;
    }
    const tokens = [first];
    let last = first;
    for (let next = readNextToken(text, last); next !== undefined; next = readNextToken(text, last)) {
      tokens.push(next);
      last = next;
    }
    runs.push({ tokens, cleanStart: hasCleanStart(text, first.start), cleanEnd: hasCleanEnd(text, last.end) });
    index = last.end;
  }
  return runs;
}

/** A space between two tokens may end one number and start the next. */
export function isSpaceCut(_left: NumberToken, right: NumberToken): boolean {
  return whitespace.has(right.separatorBefore);
}

/**
 * A space between two long tokens separates numbers ("123456782 0612345678");
 * a space next to a short token usually groups one number ("06 1234 5678 9"),
 * so reading a valid number out of it would redact a mistyped one.
 */
export function isSpaceCutBetweenLongTokens(left: NumberToken, right: NumberToken): boolean {
  return isSpaceCut(left, right) && left.digits.length >= 5 && right.digits.length >= 5;
}

export interface CandidateRangeOptions {
  isCut: (left: NumberToken, right: NumberToken) => boolean;
  /** Ranges holding fewer digits than this are not listed. */
  minDigits: number;
  /** Ranges holding more digits than this are not listed, which keeps the scan linear. */
  maxDigits: number;
}

/** Inclusive token index ranges `[first, last]` that may hold one number on their own. */
export function listCandidateRanges(run: NumberRun, options: CandidateRangeOptions): Array<[number, number]> {
  const { tokens } = run;
  const ranges: Array<[number, number]> = [];
  const canStartAt = (index: number) => (index === 0 ? run.cleanStart : options.isCut(tokens[index - 1]!, tokens[index]!));
  const canEndAt = (index: number) =>
    index === tokens.length - 1 ? run.cleanEnd : options.isCut(tokens[index]!, tokens[index + 1]!);
  for (let first = 0; first < tokens.length; first++) {
    if (!canStartAt(first)) continue;
    let digitCount = 0;
    for (let last = first; last < tokens.length; last++) {
      digitCount += tokens[last]!.digits.length;
      if (digitCount > options.maxDigits) break;
      if (digitCount >= options.minDigits && canEndAt(last)) ranges.push([first, last]);
    }
  }
  return ranges;
}

/**
 * Every candidate range of every number run in `text` that `accepts` takes,
 * as a text span: the loop the card, phone and BSN finders share.
 */
export function findNumberSpans(
  text: string,
  options: CandidateRangeOptions,
  accepts: (tokens: readonly NumberToken[], span: TextSpan) => boolean,
): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const run of scanNumberRuns(text)) {
    for (const [first, last] of listCandidateRanges(run, options)) {
      const tokens = run.tokens.slice(first, last + 1);
      const span = spanOfTokens(tokens);
      if (accepts(tokens, span)) spans.push(span);
    }
  }
  return spans;
}

/** The digits of a token range, in order, without separators. */
export function joinDigits(tokens: readonly NumberToken[]): string {
  return tokens.map((token) => token.digits).join('');
}

export function spanOfTokens(tokens: readonly NumberToken[]): TextSpan {
  return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
}
