import type { CaseResult, RecordedDecision } from '../case-result.js';
import { mean } from './eval-metrics.js';

/** The articles of the recorded retrieval, best first, each once (an article's best chunk sets its rank). */
export function articleRanking(recorded: RecordedDecision | undefined): string[] {
  const ranked = [...(recorded?.retrieved ?? [])].sort((left, right) => right.score - left.score);
  return [...new Set(ranked.map((chunk) => chunk.articleId))];
}

/** Results of cases that name expected articles, with the ranking their turn retrieved (empty when nothing was recorded). */
function rankedWithExpectations(cases: readonly CaseResult[]) {
  return cases.flatMap((item) => {
    const expected = item.evalCase.expect.articles;
    if (expected === undefined) return [];
    return item.channels.map((result) => ({ expected, ranking: articleRanking(result.recorded) }));
  });
}

/** Mean share of the expected articles among the first five retrieved, over results of cases with expected articles. */
export function recallAt5(cases: readonly CaseResult[]): number | null {
  return mean(
    rankedWithExpectations(cases).map(({ expected, ranking }) => {
      const top = new Set(ranking.slice(0, 5));
      return expected.filter((article) => top.has(article)).length / expected.length;
    }),
  );
}

/** Mean reciprocal rank of the first expected article in the retrieval (0 when absent), over results of cases with expected articles. */
export function mrr(cases: readonly CaseResult[]): number | null {
  return mean(
    rankedWithExpectations(cases).map(({ expected, ranking }) => {
      const rank = ranking.findIndex((article) => expected.includes(article));
      return rank < 0 ? 0 : 1 / (rank + 1);
    }),
  );
}
