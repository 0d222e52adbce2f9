import { buildTrigramProfiles, type TrigramProfile, wordTrigrams } from './character-trigrams.js';
import { languageLexicon, neutralWords } from './language-lexicon.js';
import { languageSamples } from './language-samples.js';
import { type ModelLanguage, modelLanguages } from './model-language.js';

/** Locales the assistant answers in. */
export type AnswerLocale = 'en' | 'nl';

export interface LanguageDetection {
  /** 'other' when the message is clearly in a language the assistant does not answer in. */
  locale: AnswerLocale | 'other';
  /** Probability of `locale` given the evidence, 0 to 1 (rounded to two decimals). */
  confidence: number;
  /** True when the evidence was too weak and `locale` is the fallback that was passed in. */
  usedFallback: boolean;
}

/** Evidence, in nats, of one word found in a single language's lexicon. */
const wordWeight = 3;
/** Character trigrams are many and correlated; this keeps them from drowning the words. */
const trigramWeight = 0.3;
/**
 * Prior evidence, in nats: customers of a Dutch bank write English or Dutch far
 * more often than any one other language, and seven other languages would
 * otherwise share the doubt between them.
 */
const priorForOtherLanguages = -2;
/** Below this probability the detector does not trust itself and uses the fallback. */
const minimumConfidence = 0.6;
/** Saying "we only answer in English or Dutch" to a customer who wrote one of them is worse; demand more. */
const minimumConfidenceForOther = 0.8;
/** Without a known word, fewer letters than this are not evidence ("ok", "iban", "xyz"). */
const minimumLettersWithoutKnownWords = 8;

const fold = (word: string): string => word.normalize('NFKD').replace(/\p{M}/gu, '');

/** Letters-only words, lower-case, apostrophes inside words removed; diacritics kept (they are evidence). */
function detectionWords(text: string): string[] {
  return (
    text
      // Addresses are not language: "https://lumenbank.example" says nothing either way. An email
      // address is matched from the start of its word only: unanchored, `\S+@` tries every
      // position of a long word without "@" and takes quadratic time (13 s for 100,000 characters).
      .replace(/\b(?:https?:\/\/|www\.)\S+|(?<!\S)\S+@\S+/giu, ' ')
      // Nor are the placeholders PII redaction leaves ("[card]", "[date_of_birth]"): English words the customer did not write.
      .replace(/\[[a-z_]+\]/g, ' ')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
      .replace(/(\p{L})'(?=\p{L})/gu, '$1')
      .match(/\p{L}+/gu) ?? []
  );
}

const lexiconLanguages = new Map<string, ModelLanguage[]>();
for (const language of modelLanguages) {
  for (const word of new Set(languageLexicon[language].split(/\s+/).filter((entry) => entry !== '').map(fold))) {
    lexiconLanguages.set(word, [...(lexiconLanguages.get(word) ?? []), language]);
  }
}
const neutral = new Set(neutralWords.split(/\s+/).filter((entry) => entry !== ''));

let profiles: Record<ModelLanguage, TrigramProfile> | undefined;
function trigramProfiles(): Record<ModelLanguage, TrigramProfile> {
  profiles ??= buildTrigramProfiles(languageSamples, detectionWords);
  return profiles;
}

/**
 * Which language a customer message is in, from known words and character
 * trigrams. Built for chat: one-word greetings, SMS shorthand, typos and a
 * loanword or two. When the evidence is too weak ("ok", "iban", an emoji) the
 * caller's `fallback` (usually the conversation's locale so far) is returned
 * with `usedFallback: true`.
 */
export function detectLanguage(text: string, fallback: AnswerLocale): LanguageDetection {
  const letters = [...text].filter((character) => /\p{L}/u.test(character));
  const nonLatin = letters.filter((character) => !/\p{Script=Latin}/u.test(character)).length;
  // Cyrillic, Arabic, CJK and other scripts: not English or Dutch, whatever the words.
  if (letters.length > 0 && nonLatin / letters.length > 0.5) {
    return { locale: 'other', confidence: round(nonLatin / letters.length), usedFallback: false };
  }

  const words = detectionWords(text).filter((word) => !neutral.has(fold(word)));
  const scores = Object.fromEntries(
    modelLanguages.map((language) => [language, language === 'en' || language === 'nl' ? 0 : priorForOtherLanguages]),
  ) as Record<ModelLanguage, number>;
  let knownWords = 0;
  let otherLanguageWords = 0;
  let letterCount = 0;
  for (const word of words) {
    letterCount += word.length;
    const languages = lexiconLanguages.get(fold(word));
    if (languages) {
      knownWords += 1;
      if (!languages.includes('en') && !languages.includes('nl')) otherLanguageWords += 1;
      for (const language of languages) scores[language] += wordWeight / languages.length;
    }
    for (const trigram of wordTrigrams(word)) {
      for (const language of modelLanguages) scores[language] += trigramWeight * trigramProfiles()[language].logProbability(trigram);
    }
  }
  if (knownWords === 0 && letterCount < minimumLettersWithoutKnownWords) {
    return { locale: fallback, confidence: 0, usedFallback: true };
  }

  const probabilities = softmax(scores);
  const byLocale = { en: probabilities.en, nl: probabilities.nl, other: 1 - probabilities.en - probabilities.nl };
  const [best, confidence] = (Object.entries(byLocale) as [AnswerLocale | 'other', number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  const threshold = best === 'other' ? minimumConfidenceForOther : minimumConfidence;
  // Trigrams alone make "roadside assistance price" look French; refusing a
  // customer in their own language needs a word that is not English or Dutch.
  const otherWithoutWords = best === 'other' && otherLanguageWords === 0;
  if (confidence < threshold || otherWithoutWords) return { locale: fallback, confidence: round(byLocale[fallback]), usedFallback: true };
  return { locale: best, confidence: round(confidence), usedFallback: false };
}

function softmax(scores: Record<ModelLanguage, number>): Record<ModelLanguage, number> {
  const highest = Math.max(...Object.values(scores));
  const exponentials = modelLanguages.map((language) => Math.exp(scores[language] - highest));
  const sum = exponentials.reduce((total, value) => total + value, 0);
  return Object.fromEntries(modelLanguages.map((language, index) => [language, (exponentials[index] ?? 0) / sum])) as Record<ModelLanguage, number>;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
