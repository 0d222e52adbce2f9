import type { DraftSentence } from '../../bot/answer-engine/generator.js';
import { contentTerms, tokenize, type Locale } from '../../retrieval/text/normalize-terms.js';

export interface SupportedSentence extends DraftSentence {
  /** Share (0..1) of the sentence's content words found in the passages it cites. */
  support: number;
}

export interface SupportCheckResult {
  kept: SupportedSentence[];
  /** Sentences whose words the cited passages do not carry, or that negate what the passages say. */
  dropped: SupportedSentence[];
}

const negations: Record<Locale, ReadonlySet<string>> = {
  en: new Set(['not', 'no', 'never', "don't", "doesn't", "won't", "can't", 'cannot', "isn't", "aren't", 'none', 'nothing']),
  nl: new Set(['niet', 'geen', 'nooit', 'niets', 'niks', 'nergens']),
};

/**
 * A sentence is supported when nearly all of its content words come from the
 * passages it cites, and when it negates only what they negate: "we do not
 * refund" must not become "we refund" by dropping one word. The extractive
 * generator quotes and scores 1; a language model paraphrasing scores lower and
 * is held to `minSupport`.
 */
export function checkSupport(
  sentences: readonly DraftSentence[],
  passageTextById: ReadonlyMap<string, string>,
  locale: Locale,
  minSupport = 0.7,
): SupportCheckResult {
  const kept: SupportedSentence[] = [];
  const dropped: SupportedSentence[] = [];
  for (const sentence of sentences) {
    const cited = sentence.citations.map((id) => passageTextById.get(id) ?? '').join('\n');
    const support = supportScore(sentence.text, cited, locale);
    const scored = { ...sentence, support };
    (support >= minSupport ? kept : dropped).push(scored);
  }
  return { kept, dropped };
}

/** The share of a sentence's content words found in a source text; 0 when the two disagree on negation. */
export function supportScore(sentence: string, source: string, locale: Locale): number {
  if (negates(sentence, locale) && !negates(source, locale)) return 0;
  const terms = contentTerms(sentence, locale);
  if (terms.length === 0) return 0;
  const available = new Set([...contentTerms(source, locale), ...contentTerms(source, otherLocale(locale))]);
  const found = terms.filter((term) => available.has(term)).length;
  return found / terms.length;
}

function negates(text: string, locale: Locale): boolean {
  return tokenize(text).some((word) => negations[locale].has(word));
}

function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'nl' : 'en';
}
