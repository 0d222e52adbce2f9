import { describe, expect, it } from 'vitest';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { evaluateGapClustering } from './evaluate-gap-clustering.js';
import { readGapQuestionSet } from './gap-question-set.js';

const labelled = readGapQuestionSet();
const heldOut = readGapQuestionSet(new URL('./__fixtures__/knowledge-gap-questions-held-out.jsonl', import.meta.url));
const embedder = createLocalHashEmbedder();
const labelledScore = await evaluateGapClustering(labelled, embedder);
const heldOutScore = await evaluateGapClustering(heldOut, embedder);

describe('knowledge-gap clustering on labelled questions', () => {
  it('has at least 100 questions for at least 20 needs, each written 3 to 5 ways', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(100);
    const perNeed = new Map<string, number>();
    for (const question of labelled) perNeed.set(question.need, (perNeed.get(question.need) ?? 0) + 1);
    expect(perNeed.size).toBeGreaterThanOrEqual(20);
    for (const count of perNeed.values()) expect(count).toBeGreaterThanOrEqual(3);
    for (const count of perNeed.values()) expect(count).toBeLessThanOrEqual(5);
  });

  it(`puts each need in one cluster and distinct needs apart: adjusted Rand index ${labelledScore.adjustedRandIndex.toFixed(3)} >= 0.8`, () => {
    expect(labelledScore.adjustedRandIndex).toBeGreaterThanOrEqual(0.8);
  });

  it(`does as well on the held-out questions never tuned on: adjusted Rand index ${heldOutScore.adjustedRandIndex.toFixed(3)} >= 0.8`, () => {
    expect(heldOutScore.adjustedRandIndex).toBeGreaterThanOrEqual(0.8);
  });

  it('gives the same clusters for the same questions on every run', async () => {
    const again = await evaluateGapClustering(labelled, embedder);
    expect(again).toEqual(labelledScore);
  });
});
