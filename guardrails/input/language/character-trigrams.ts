import type { ModelLanguage } from './model-language.js';

/** Log-probabilities of character trigrams for one language, learnt from sample text. */
export interface TrigramProfile {
  logProbability(trigram: string): number;
}

/** Additive smoothing: a trigram never seen in a sample is unlikely, not impossible (typos, names). */
const smoothing = 0.5;

/** The trigrams of one word with its boundaries marked by spaces: "pas" gives " pa", "pas", "as ". */
export function wordTrigrams(word: string): string[] {
  const padded = ` ${word} `;
  const trigrams: string[] = [];
  for (let index = 0; index + 3 <= padded.length; index += 1) trigrams.push(padded.slice(index, index + 3));
  return trigrams;
}

/** Builds one profile per language from sample text split into words by `toWords`. */
export function buildTrigramProfiles(
  samples: Readonly<Record<ModelLanguage, string>>,
  toWords: (text: string) => string[],
): Record<ModelLanguage, TrigramProfile> {
  const counts = new Map<ModelLanguage, Map<string, number>>();
  const vocabulary = new Set<string>();
  for (const [language, text] of Object.entries(samples) as [ModelLanguage, string][]) {
    const languageCounts = new Map<string, number>();
    for (const word of toWords(text)) {
      for (const trigram of wordTrigrams(word)) {
        languageCounts.set(trigram, (languageCounts.get(trigram) ?? 0) + 1);
        vocabulary.add(trigram);
      }
    }
    counts.set(language, languageCounts);
  }
  // One extra slot for every trigram no sample contains.
  const vocabularySize = vocabulary.size + 1;
  const profiles = {} as Record<ModelLanguage, TrigramProfile>;
  for (const [language, languageCounts] of counts) {
    let total = 0;
    for (const count of languageCounts.values()) total += count;
    const denominator = Math.log(total + smoothing * vocabularySize);
    profiles[language] = {
      logProbability: (trigram) => Math.log((languageCounts.get(trigram) ?? 0) + smoothing) - denominator,
    };
  }
  return profiles;
}
