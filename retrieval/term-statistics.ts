import type { Db } from '../db/db.js';
import { isDictionaryWord } from './text/general-vocabulary.js';
import { contentTerms, tokenize, type Locale } from './text/normalize-terms.js';

/**
 * What the served knowledge base says about words, learned from it: how many
 * chunks contain each term (for inverse document frequency) and which words
 * exist at all (to correct a customer's typo to a word the articles use).
 */
export interface TermStatistics {
  readonly locale: string;
  readonly documentCount: number;
  readonly averageLength: number;
  /** Chunks containing the (stemmed) term. */
  documentFrequency(term: string): number;
  /** The query with each unknown word replaced by the most frequent known word one edit away, if any (recall first: for search). */
  correct(query: string): string;
  /**
   * Like `correct`, but a real word of the language the articles do not use is
   * kept ("stock" does not become "stuck"): for judging whether the articles
   * cover a question, where a false correction would claim they do.
   */
  correctMisspellings(query: string): string;
}

const minimumLengthToCorrect = 4;

/** Builds the statistics of one locale's serving chunks. */
export async function loadTermStatistics(db: Db, locale: string): Promise<TermStatistics> {
  const rows = await db.query<{ heading: string; text: string }>(
    'SELECT heading, text FROM chunks WHERE serving AND locale = $1',
    [locale],
  );
  const termLocale: Locale = locale === 'nl' ? 'nl' : 'en';
  const documentFrequency = new Map<string, number>();
  const wordFrequency = new Map<string, number>();
  let totalLength = 0;
  for (const row of rows) {
    const text = `${row.heading} ${row.text}`;
    const terms = contentTerms(text, termLocale);
    totalLength += terms.length;
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    for (const word of tokenize(text)) wordFrequency.set(word, (wordFrequency.get(word) ?? 0) + 1);
  }
  const deletions = new Map<string, string[]>();
  for (const word of wordFrequency.keys()) {
    if (word.length < minimumLengthToCorrect || /\d/.test(word)) continue;
    for (const variant of [word, ...singleDeletions(word)]) {
      const words = deletions.get(variant) ?? [];
      words.push(word);
      deletions.set(variant, words);
    }
  }
  const correctWord = (word: string): string => {
    if (word.length < minimumLengthToCorrect || /\d/.test(word) || wordFrequency.has(word)) return word;
    let best: string | undefined;
    for (const variant of [word, ...singleDeletions(word)]) {
      for (const candidate of deletions.get(variant) ?? []) {
        if (best === undefined || (wordFrequency.get(candidate) ?? 0) > (wordFrequency.get(best) ?? 0)) best = candidate;
      }
    }
    return best ?? word;
  };
  return {
    locale,
    documentCount: rows.length,
    averageLength: rows.length === 0 ? 0 : totalLength / rows.length,
    documentFrequency: (term) => documentFrequency.get(term) ?? 0,
    correct: (query) => tokenize(query).map(correctWord).join(' '),
    correctMisspellings: (query) =>
      tokenize(query)
        .map((word) => (isDictionaryWord(word, termLocale) ? word : correctWord(word)))
        .join(' '),
  };
}

/**
 * Every string one deletion away. Two words within one edit (insertion,
 * deletion, substitution or adjacent swap) share a deletion variant
 * (the symmetric-delete idea), so lookups need no pairwise comparison.
 */
function singleDeletions(word: string): string[] {
  const variants: string[] = [];
  for (let index = 0; index < word.length; index += 1) variants.push(word.slice(0, index) + word.slice(index + 1));
  return variants;
}
