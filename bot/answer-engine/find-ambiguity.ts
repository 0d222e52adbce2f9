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
 * A one-word question that several of the found articles speak of ("card",
 * "fees", "kosten") names a subject, not a need: one short question to the
 * customer beats guessing. So does a two-word one that several articles fit
 * about equally well without any title naming it; a title naming the words
 * ("SEPA transfer") says what is meant.
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
  const termsOf = (chunk: RetrievedChunk, text: string) => new Set(contentTerms(text, chunk.locale === 'nl' ? 'nl' : 'en'));
  const named = ranked.filter((chunk) => terms.every((term) => termsOf(chunk, chunk.title).has(term)));
  // One word several of the found articles speak of ("kosten", "rente", "card") is a subject, not a question.
  if (terms.length === 1) {
    const speakingOfIt = ranked.filter((chunk) => named.includes(chunk) || terms.every((term) => termsOf(chunk, `${chunk.heading} ${chunk.text}`).has(term)));
    const byTitleFirst = [...named, ...speakingOfIt.filter((chunk) => !named.includes(chunk))];
    if (speakingOfIt.length >= 2) return { titles: byTitleFirst.slice(0, options).map((chunk) => chunk.title) };
  }
  // A title naming the question's words ("SEPA transfer") says what is meant.
  if (named.length > 0) return undefined;
  const contenders = ranked.filter((chunk) => chunk.score >= top.score * closeScore).slice(0, options);
  return contenders.length < options ? undefined : { titles: contenders.map((chunk) => chunk.title) };
}
