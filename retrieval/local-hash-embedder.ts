import type { Embedder } from './embedder.js';
import { contentTerms, type Locale } from './text/normalize-terms.js';

export interface LocalHashEmbedderOptions {
  dimensions?: number;
}

/**
 * The embedded default: signed feature hashing of stemmed words, word pairs and
 * character trigrams into a fixed-size, L2-normalised vector. No model, no
 * network, deterministic. Trigrams make it tolerant of typos ("blokced card");
 * word pairs reward phrases ("direct debit"). It is lexical, not semantic:
 * full-text search and curated synonyms in articles carry the rest.
 */
export function createLocalHashEmbedder(options: LocalHashEmbedderOptions = {}): Embedder {
  const dimensions = options.dimensions ?? 384;
  return {
    id: `local-hash-v1-${dimensions}`,
    dimensions,
    embed: async (texts) => texts.map((text) => embedText(text, dimensions)),
  };
}

const wordWeight = 1;
const pairWeight = 0.5;
const trigramWeight = 0.35;

function embedText(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  // The port carries no locale, so the text's own words decide which
  // stopwords and suffix rules apply.
  const terms = contentTerms(text, guessLocale(text));
  terms.forEach((term, index) => {
    addFeature(vector, `w:${term}`, wordWeight);
    const next = terms[index + 1];
    if (next !== undefined) addFeature(vector, `p:${term} ${next}`, pairWeight);
    const padded = ` ${term} `;
    const trigramCount = Math.max(1, padded.length - 2);
    for (let start = 0; start + 3 <= padded.length; start += 1) {
      addFeature(vector, `t:${padded.slice(start, start + 3)}`, trigramWeight / Math.sqrt(trigramCount));
    }
  });
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function addFeature(vector: number[], feature: string, weight: number): void {
  const hash = fnv1a(feature);
  const index = hash % vector.length;
  const sign = (hash >>> 31) === 1 ? -1 : 1;
  vector[index] = (vector[index] ?? 0) + sign * weight;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const dutchMarkers = /\b(?:de|het|een|ik|mijn|niet|wat|hoe|kan|van|voor|met|zijn|worden|betaalpas|rekening)\b/gi;
const englishMarkers = /\b(?:the|a|an|i|my|not|what|how|can|of|for|with|is|are|card|account)\b/gi;

function guessLocale(text: string): Locale {
  const dutch = text.match(dutchMarkers)?.length ?? 0;
  const english = text.match(englishMarkers)?.length ?? 0;
  return dutch > english ? 'nl' : 'en';
}
