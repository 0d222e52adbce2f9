import type { RetrievedChunk } from '../../retrieval/retrieved-chunk.js';
import { contentTerms, type Locale } from '../../retrieval/text/normalize-terms.js';

export interface Ambiguity {
  /** Titles of the articles the question could be about, best first. */
  titles: string[];
}

// A question of one or two words ("card", "fees abroad") can name a subject without saying the need.
const maxVagueTerms = 2;
// Articles this close to the best one are equally plausible answers.
const closeScore = 0.85;
const options = 3;

/**
 * A short question that several articles fit about equally well, none of them
 * by title, is ambiguous: one short question to the customer beats guessing.
 */
export function findAmbiguity(question: string, locale: Locale, retrieved: readonly RetrievedChunk[]): Ambiguity | undefined {
  const terms = contentTerms(question, locale);
  if (terms.length === 0 || terms.length > maxVagueTerms) return undefined;
  const bestByArticle = new Map<string, RetrievedChunk>();
  for (const chunk of retrieved) {
    const current = bestByArticle.get(chunk.articleId);
    if (!current || chunk.score > current.score) bestByArticle.set(chunk.articleId, chunk);
  }
  const ranked = [...bestByArticle.values()].sort((left, right) => right.score - left.score);
  const top = ranked[0];
  if (!top) return undefined;
  const contenders = ranked.filter((chunk) => chunk.score >= top.score * closeScore).slice(0, options);
  if (contenders.length < options) return undefined;
  const namesTheNeed = contenders.some((chunk) => {
    const titleTerms = new Set(contentTerms(chunk.title, chunk.locale === 'nl' ? 'nl' : 'en'));
    return terms.every((term) => titleTerms.has(term));
  });
  return namesTheNeed ? undefined : { titles: contenders.map((chunk) => chunk.title) };
}
