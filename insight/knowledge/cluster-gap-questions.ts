import type { Embedder } from '../../retrieval/embedder.js';
import { clusterBySimilarityMatrix, dot, similarityMatrix, toUnit } from './cluster-by-similarity.js';
import { normalizeGapQuestions, type QuestionText } from './normalize-gap-questions.js';
import { sparseCosine, termWeightVectors } from './term-weights.js';

/**
 * Chosen on the labelled set (npm run eval:gaps) as the middle of the range
 * where the adjusted Rand index stays above 0.8, not at its peak; see the
 * README's "Knowledge gaps".
 */
export const defaultGapSimilarityThreshold = 0.2;
/**
 * How much of the similarity the embedder gives; the rest is the overlap of
 * the questions' rarer words (`termWeightVectors`). The local embedder weighs
 * every word alike, so on its own "buy bitcoin" and "buy shares" look close.
 */
export const defaultEmbeddingShare = 0.25;

export interface ClusteredQuestions {
  /** Groups of input indexes, each sorted, ordered by their first index. */
  groups: number[][];
  /** The normalised text each question was embedded as; equal texts were embedded once. */
  normalized: string[];
  /** The similarity the clustering used between two questions (by input index). */
  similarity(left: number, right: number): number;
}

/**
 * Groups questions that ask for the same thing: normalised (see
 * `normalizeGapQuestions`), embedded once per distinct text with the
 * project's embedder, compared by a blend of embedding cosine and rare-word
 * overlap, and clustered by average linkage, with each distinct text
 * weighted by how often it was asked.
 */
export async function clusterGapQuestions(
  questions: readonly QuestionText[],
  embedder: Embedder,
  threshold = defaultGapSimilarityThreshold,
  embeddingShare = defaultEmbeddingShare,
): Promise<ClusteredQuestions> {
  const normalized = normalizeGapQuestions(questions);
  const distinct = [...new Set(normalized)];
  const position = new Map(distinct.map((text, index) => [text, index]));
  const vectorOf = normalized.map((text) => position.get(text) ?? 0);
  const weights = distinct.map(() => 0);
  for (const index of vectorOf) weights[index] = (weights[index] ?? 0) + 1;
  const vectors = (distinct.length === 0 ? [] : await embedder.embed(distinct)).map(toUnit);
  const localeOf = distinct.map(() => 'en');
  for (let index = vectorOf.length - 1; index >= 0; index -= 1) localeOf[vectorOf[index] ?? 0] = questions[index]?.locale ?? 'en';
  const termVectors = termWeightVectors(distinct.map((text, index) => ({ text, locale: localeOf[index] ?? 'en' })));
  const distinctSimilarity = (row: number, column: number) =>
    row === column
      ? 1
      : embeddingShare * dot(vectors[row] ?? [], vectors[column] ?? []) +
        (1 - embeddingShare) * sparseCosine(termVectors[row] ?? new Map(), termVectors[column] ?? new Map());
  const distinctGroups = clusterBySimilarityMatrix(similarityMatrix(distinct.length, distinctSimilarity), distinct.length, { threshold, weights });
  const questionsOf = distinct.map((): number[] => []);
  vectorOf.forEach((vectorIndex, questionIndex) => questionsOf[vectorIndex]?.push(questionIndex));
  const groups = distinctGroups
    .map((group) => group.flatMap((vectorIndex) => questionsOf[vectorIndex] ?? []).sort((left, right) => left - right))
    .sort((left, right) => (left[0] ?? 0) - (right[0] ?? 0));
  return {
    groups,
    normalized,
    similarity: (left, right) => distinctSimilarity(vectorOf[left] ?? 0, vectorOf[right] ?? 0),
  };
}
