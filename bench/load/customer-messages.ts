import { readRetrievalSet, holdoutSetPath } from '../../evals/retrieval/retrieval-set.js';
import { readUnanswerableQuestions } from '../../evals/unanswerable/unanswerable-questions.js';

/** A customer's message text and the locale it is written in. */
export interface CustomerMessage {
  text: string;
  locale: 'en' | 'nl';
}

/**
 * The texts customers send in the benchmark, as customers write them: the
 * retrieval set and its held-out set (answerable, typos, SMS style, English
 * and Dutch) and the unanswerable set (handed to a person).
 */
export async function readCustomerMessages(): Promise<CustomerMessage[]> {
  const [main, holdout, unanswerable] = await Promise.all([readRetrievalSet(), readRetrievalSet(holdoutSetPath), readUnanswerableQuestions()]);
  return [...main, ...holdout, ...unanswerable].map((question) => ({ text: question.question, locale: question.locale }));
}

/** A small seeded generator (mulberry32), so every run sends the same mix in the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
