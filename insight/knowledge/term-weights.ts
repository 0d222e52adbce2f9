import { contentTerms, type Locale } from '../../retrieval/text/normalize-terms.js';

/**
 * TF-IDF vectors of the texts' content terms, with document frequencies
 * taken from the texts themselves: a word most questions share ("buy",
 * "account", "deposit") weighs less than the word that names the need
 * ("bitcoin", "cheque"). Returned as sparse maps of unit length.
 */
export function termWeightVectors(texts: readonly { text: string; locale: string }[]): Map<string, number>[] {
  const terms = texts.map((entry) => contentTerms(entry.text, (entry.locale === 'nl' ? 'nl' : 'en') satisfies Locale));
  const documentFrequency = new Map<string, number>();
  for (const list of terms) for (const term of new Set(list)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const count = texts.length;
  return terms.map((list) => {
    const weights = new Map<string, number>();
    for (const term of list) weights.set(term, (weights.get(term) ?? 0) + 1);
    for (const [term, frequency] of weights) {
      weights.set(term, frequency * (Math.log((count + 1) / ((documentFrequency.get(term) ?? 0) + 1)) + 1));
    }
    const norm = Math.sqrt([...weights.values()].reduce((sum, value) => sum + value * value, 0));
    if (norm > 0) for (const [term, value] of weights) weights.set(term, value / norm);
    return weights;
  });
}

/** Cosine similarity of two unit-length sparse vectors. */
export function sparseCosine(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  const [smaller, larger] = left.size <= right.size ? [left, right] : [right, left];
  let sum = 0;
  for (const [term, value] of smaller) sum += value * (larger.get(term) ?? 0);
  return sum;
}
