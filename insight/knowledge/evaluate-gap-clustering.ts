import type { Embedder } from '../../retrieval/embedder.js';
import { adjustedRandIndex } from './adjusted-rand-index.js';
import { clusterGapQuestions, defaultEmbeddingShare, defaultGapSimilarityThreshold } from './cluster-gap-questions.js';
import type { LabelledGapQuestion } from './gap-question-set.js';

export interface GapClusteringScore {
  questions: number;
  needs: number;
  clusters: number;
  adjustedRandIndex: number;
  /** Needs whose questions landed in more than one cluster, and clusters holding more than one need. */
  splitNeeds: string[];
  mixedClusters: string[][];
}

/** Clusters a labelled question set and compares the clusters with the labelled needs. */
export async function evaluateGapClustering(
  questions: readonly LabelledGapQuestion[],
  embedder: Embedder,
  settings: { threshold?: number; embeddingShare?: number } = {},
): Promise<GapClusteringScore> {
  const { groups } = await clusterGapQuestions(
    questions.map((question) => ({ text: question.question, locale: question.locale })),
    embedder,
    settings.threshold ?? defaultGapSimilarityThreshold,
    settings.embeddingShare ?? defaultEmbeddingShare,
  );
  const predicted = questions.map(() => '');
  groups.forEach((group, cluster) => group.forEach((index) => (predicted[index] = String(cluster))));
  const needs = questions.map((question) => question.need);
  const clustersOfNeed = new Map<string, Set<string>>();
  needs.forEach((need, index) => clustersOfNeed.set(need, (clustersOfNeed.get(need) ?? new Set()).add(predicted[index] ?? '')));
  return {
    questions: questions.length,
    needs: clustersOfNeed.size,
    clusters: groups.length,
    adjustedRandIndex: adjustedRandIndex(needs, predicted),
    splitNeeds: [...clustersOfNeed].filter(([, clusters]) => clusters.size > 1).map(([need]) => need),
    mixedClusters: groups
      .map((group) => [...new Set(group.map((index) => needs[index] ?? ''))])
      .filter((groupNeeds) => groupNeeds.length > 1),
  };
}
