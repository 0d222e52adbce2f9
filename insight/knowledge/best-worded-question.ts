import { isDictionaryWord } from '../../retrieval/text/general-vocabulary.js';

/**
 * The wording of a need a curator should read first: of `candidates`, the one
 * with the fewest words that are not ordinary words of its language (typos,
 * SMS shorthand), the first among equals. So a cluster is labelled "How do I
 * get a safe deposit box?" rather than "how to get a safe deposit boxx".
 */
export function bestWordedQuestion<T extends { question: string; locale: string }>(candidates: readonly T[]): T | undefined {
  let best: { candidate: T; unknown: number } | undefined;
  for (const candidate of candidates) {
    const locale = candidate.locale === 'nl' ? 'nl' : 'en';
    const words = candidate.question.toLowerCase().match(/\p{L}+/gu) ?? [];
    const unknown = words.filter((word) => !isDictionaryWord(word, locale) || isEnglishShorthand(word, locale)).length;
    if (!best || unknown < best.unknown) best = { candidate, unknown };
  }
  return best?.candidate;
}

/** "u", "r", "y": in the English word list as letters, in a question SMS shorthand. */
function isEnglishShorthand(word: string, locale: 'en' | 'nl'): boolean {
  return locale === 'en' && word.length === 1 && word !== 'a' && word !== 'i';
}
