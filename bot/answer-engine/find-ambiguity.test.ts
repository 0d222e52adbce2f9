import { describe, expect, it } from 'vitest';
import type { RetrievedChunk } from '../../retrieval/retrieved-chunk.js';
import { findAmbiguity } from './find-ambiguity.js';

const chunk = (articleId: string, title: string, text: string, score: number): RetrievedChunk => ({
  chunkId: `${articleId}#0`,
  articleId,
  articleVersion: 1,
  locale: 'en',
  fallback: false,
  title,
  url: `https://help.example/${articleId}`,
  heading: title,
  text,
  vectorSimilarity: score,
  textRank: score,
  bm25: score,
  score,
});

const found = [
  chunk('card-limits', 'Debit card spending limits', 'Your card can spend up to €2,500 a day.', 0.9),
  chunk('transfer-limits', 'Daily transfer limit', 'The standard daily transfer limit is €5,000.', 0.8),
  chunk('overdraft-interest', 'Overdraft interest', 'An arranged overdraft costs 11.9% interest.', 0.5),
];

describe('findAmbiguity', () => {
  it('asks which one when one word names a subject several found articles speak of', () => {
    expect(findAmbiguity('limit', 'en', found)?.titles).toEqual(['Debit card spending limits', 'Daily transfer limit']);
  });

  it('answers one word only one found article speaks of', () => {
    expect(findAmbiguity('overdraft', 'en', found)).toBeUndefined();
  });

  it('answers two words a title names', () => {
    expect(findAmbiguity('transfer limit', 'en', found)).toBeUndefined();
    expect(findAmbiguity('card limit', 'en', found)).toBeUndefined();
  });

  it('leaves longer questions to the answer', () => {
    expect(findAmbiguity('what is my daily card limit abroad', 'en', found)).toBeUndefined();
  });
});
