/* eslint-disable no-console -- a command-line report */
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { defaultEmbeddingShare, defaultGapSimilarityThreshold } from './cluster-gap-questions.js';
import { evaluateGapClustering } from './evaluate-gap-clustering.js';
import { readGapQuestionSet } from './gap-question-set.js';

// npm run eval:gaps [-- --sweep]: the adjusted Rand index of the knowledge-gap
// clusters on the labelled set (used to choose the threshold) and on the
// held-out set (written after the choice, never tuned on), with the local embedder.
const sets = [
  { name: 'labelled (tuning)', path: new URL('./__fixtures__/knowledge-gap-questions.jsonl', import.meta.url) },
  { name: 'held-out', path: new URL('./__fixtures__/knowledge-gap-questions-held-out.jsonl', import.meta.url) },
];
const embedder = createLocalHashEmbedder();
console.log(`embedder ${embedder.id}, threshold ${defaultGapSimilarityThreshold}, embedding share ${defaultEmbeddingShare}`);
for (const set of sets) {
  const questions = readGapQuestionSet(set.path);
  const score = await evaluateGapClustering(questions, embedder);
  console.log(
    `${set.name}: ${score.questions} questions, ${score.needs} needs, ${score.clusters} clusters, adjusted Rand index ${score.adjustedRandIndex.toFixed(3)}`,
  );
  if (score.splitNeeds.length > 0) console.log(`  split needs: ${score.splitNeeds.join(', ')}`);
  for (const mixed of score.mixedClusters) console.log(`  one cluster for: ${mixed.join(' + ')}`);
  if (process.argv.includes('--sweep')) {
    for (let threshold = 0.1; threshold <= 0.401; threshold += 0.025) {
      const swept = await evaluateGapClustering(questions, embedder, { threshold });
      console.log(`  threshold ${threshold.toFixed(3)}: ${swept.clusters} clusters, ARI ${swept.adjustedRandIndex.toFixed(3)}`);
    }
  }
}
