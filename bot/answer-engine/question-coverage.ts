import type { RetrievedChunk } from '../../retrieval/retrieved-chunk.js';
import type { TermStatistics } from '../../retrieval/term-statistics.js';
import { contentTerms, type Locale } from '../../retrieval/text/normalize-terms.js';
import { withoutWordsNamingNoNeed } from './words-naming-no-need.js';

/**
 * The share (0..1) of the question the cited chunks (with their titles and
 * headings) speak about, each word weighted by how rare it is in the knowledge
 * base. The rare words name the need ("scooter insurance", "houseboat
 * mortgage"); a word no article uses at all weighs most, so an answer that
 * covers only the common words ("insurance") is not confident. Conversational
 * words ("pls", "yesterday", "jullie") name no need and are left out. Without term
 * statistics every word weighs the same. Computed the same way whichever
 * generator drafted.
 */
export function questionCoverage(
  question: string,
  locale: Locale,
  cited: readonly Pick<RetrievedChunk, 'title' | 'heading' | 'text' | 'locale'>[],
  statistics?: TermStatistics,
): number {
  const terms = new Set(contentTerms(withoutWordsNamingNoNeed(question, locale), locale));
  if (terms.size === 0 || cited.length === 0) return 0;
  const available = new Set(
    cited.flatMap((chunk) => {
      const text = `${chunk.title} ${chunk.heading} ${chunk.text}`;
      const chunkLocale = chunk.locale === 'nl' ? 'nl' : 'en';
      // "e-mail" in an article covers a customer's "email".
      return [...contentTerms(text, chunkLocale), ...contentTerms(joinHyphenatedWords(text), chunkLocale)];
    }),
  );
  const weight = (term: string) =>
    statistics ? Math.log((statistics.documentCount + 1) / (statistics.documentFrequency(term) + 0.5)) : 1;
  let covered = 0;
  let total = 0;
  for (const term of terms) {
    const termWeight = Math.max(0, weight(term));
    total += termWeight;
    if (available.has(term)) covered += termWeight;
  }
  return total === 0 ? 0 : covered / total;
}

function joinHyphenatedWords(text: string): string {
  return text.replace(/(\p{L})-(?=\p{L})/gu, '$1');
}
