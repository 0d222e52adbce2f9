import type { TermStatistics } from './term-statistics.js';
import { contentTerms, type Locale } from './text/normalize-terms.js';

const k1 = 1.2;
const b = 0.75;

/**
 * Okapi BM25 of a text for the query's terms, with document frequencies from
 * the served knowledge base: rare, specific words ("overdraft") count for far
 * more than words every article uses ("account").
 */
export function bm25Score(queryTerms: readonly string[], text: string, locale: Locale, statistics: TermStatistics): number {
  const terms = contentTerms(text, locale);
  const frequencies = new Map<string, number>();
  for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  const lengthRatio = statistics.averageLength === 0 ? 1 : terms.length / statistics.averageLength;
  let score = 0;
  for (const term of new Set(queryTerms)) {
    const frequency = frequencies.get(term) ?? 0;
    if (frequency === 0) continue;
    const documentFrequency = statistics.documentFrequency(term);
    const idf = Math.log(1 + (statistics.documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
    score += (idf * frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * lengthRatio));
  }
  return score;
}
