import type { RetrievalQuestion } from '../../evals/retrieval/retrieval-set.js';

export interface RankingQuality {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  /** Questions whose expected article was not in the top 5, for inspection. */
  misses: { id: string; question: string; expected: string[]; got: string[] }[];
}

/** Article-level recall@k and mean reciprocal rank of the first expected article. */
export function measureRanking(questions: readonly RetrievalQuestion[], rankings: readonly string[][]): RankingQuality {
  let hitsAt1 = 0;
  let hitsAt5 = 0;
  let reciprocalRanks = 0;
  const misses: RankingQuality['misses'] = [];
  questions.forEach((question, index) => {
    const ranking = rankings[index] ?? [];
    const position = ranking.findIndex((articleId) => question.articles.includes(articleId));
    if (position === 0) hitsAt1 += 1;
    if (position >= 0 && position < 5) hitsAt5 += 1;
    else misses.push({ id: question.id, question: question.question, expected: question.articles, got: ranking.slice(0, 5) });
    if (position >= 0) reciprocalRanks += 1 / (position + 1);
  });
  const count = Math.max(1, questions.length);
  return { questions: questions.length, recallAt1: hitsAt1 / count, recallAt5: hitsAt5 / count, mrr: reciprocalRanks / count, misses };
}

/** The p-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
