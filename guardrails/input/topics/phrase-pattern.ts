/** How many arbitrary words a `...` in a pattern may stand for. */
export const maxGapWords = 3;

/** Shortest stem a `*` wildcard may follow; "a*" would match half of any message. */
const minimumPrefixLength = 3;

interface WordAlternative {
  text: string;
  isPrefix: boolean;
}

export type PatternToken =
  | { kind: 'word'; alternatives: readonly WordAlternative[]; isOptional: boolean }
  | { kind: 'gap' };

/**
 * A phrase to look for in a message, compiled from a policy string such as
 * `card|wallet ... stol*` or `make a formal? complaint`:
 *
 * - words are compared as `normalizeWords` returns them, so case, diacritics and
 *   apostrophes do not matter;
 * - `stol*` matches any word that starts with "stol";
 * - `father|mother|dad` matches any one of the alternatives;
 * - `formal?` may be present or absent;
 * - `...` stands for zero to {@link maxGapWords} arbitrary words.
 */
export interface PhrasePattern {
  /** The pattern as written, reported with every match so a person can see why it fired. */
  source: string;
  tokens: readonly PatternToken[];
}

export type PhrasePatternParse = { ok: true; pattern: PhrasePattern } | { ok: false; reason: string };

export interface PhraseMatch {
  pattern: string;
  /** The words of the message that matched, normalised and joined by spaces. */
  matchedText: string;
}

/** Compiles a pattern string, or says in a curator's words what is wrong with it. */
export function parsePhrasePattern(source: string): PhrasePatternParse {
  const folded = source
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/([a-z0-9])'(?=[a-z])/g, '$1');
  const parts = folded.split(/\s+/).filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, reason: 'the pattern is empty' };
  if (parts[0] === '...' || parts.at(-1) === '...') {
    return { ok: false, reason: 'a pattern cannot start or end with "..."' };
  }
  const tokens: PatternToken[] = [];
  for (const part of parts) {
    if (part === '...') {
      if (tokens.at(-1)?.kind === 'gap') return { ok: false, reason: 'two "..." in a row' };
      tokens.push({ kind: 'gap' });
      continue;
    }
    const isOptional = part.endsWith('?');
    const alternatives: WordAlternative[] = [];
    for (const alternative of (isOptional ? part.slice(0, -1) : part).split('|')) {
      if (!/^[a-z0-9]+\*?$/.test(alternative)) {
        return {
          ok: false,
          reason:
            `"${part}" is not a pattern word: use letters and digits, a trailing * for a prefix, ` +
            '| between alternatives, a trailing ? for an optional word, and spaces instead of hyphens',
        };
      }
      const isPrefix = alternative.endsWith('*');
      const text = isPrefix ? alternative.slice(0, -1) : alternative;
      if (isPrefix && text.length < minimumPrefixLength) {
        return { ok: false, reason: `"${alternative}" is too short a prefix: write at least ${minimumPrefixLength} letters before *` };
      }
      alternatives.push({ text, isPrefix });
    }
    tokens.push({ kind: 'word', alternatives, isOptional });
  }
  if (!tokens.some((token) => token.kind === 'word' && !token.isOptional)) {
    return { ok: false, reason: 'a pattern needs at least one word that is not optional' };
  }
  return { ok: true, pattern: { source: source.trim(), tokens } };
}

/** Compiles a pattern written in code; a bad one is a programming error. */
export function compilePhrasePattern(source: string): PhrasePattern {
  const parsed = parsePhrasePattern(source);
  if (!parsed.ok) throw new Error(`Invalid phrase pattern ${JSON.stringify(source)}: ${parsed.reason}`);
  return parsed.pattern;
}

/** The first place, left to right, where the pattern occurs in the normalised words of a message. */
export function findPhrase(words: readonly string[], pattern: PhrasePattern): PhraseMatch | undefined {
  for (let start = 0; start < words.length; start += 1) {
    const end = matchFrom(pattern.tokens, 0, words, start);
    if (end > start) return { pattern: pattern.source, matchedText: words.slice(start, end).join(' ') };
  }
  return undefined;
}

/** End index of a match of tokens[t..] starting at words[w], or -1. Backtracks over gaps and optional words. */
function matchFrom(tokens: readonly PatternToken[], t: number, words: readonly string[], w: number): number {
  const token = tokens[t];
  if (token === undefined) return w;
  if (token.kind === 'gap') {
    for (let skipped = 0; skipped <= maxGapWords && w + skipped <= words.length; skipped += 1) {
      const end = matchFrom(tokens, t + 1, words, w + skipped);
      if (end >= 0) return end;
    }
    return -1;
  }
  const word = words[w];
  if (word !== undefined && token.alternatives.some((alternative) => matchesWord(alternative, word))) {
    const end = matchFrom(tokens, t + 1, words, w + 1);
    if (end >= 0) return end;
  }
  return token.isOptional ? matchFrom(tokens, t + 1, words, w) : -1;
}

function matchesWord(alternative: WordAlternative, word: string): boolean {
  return alternative.isPrefix ? word.startsWith(alternative.text) : word === alternative.text;
}
