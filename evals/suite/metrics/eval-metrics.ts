/** Metrics that are shares from 0 to 1 (higher is better). */
export const ratioMetricNames = [
  'decisionAccuracy',
  'handoffPrecision',
  'handoffRecall',
  'recallAt5',
  'mrr',
  'citationPrecision',
  'factRecall',
  'groundedness',
  'crossChannelConsistency',
  'paraphraseConsistency',
] as const;

/** Milliseconds from sending a customer message to its reply reaching the customer's side (lower is better). */
export const latencyMetricNames = ['latencyP50Ms', 'latencyP95Ms'] as const;

/** Scores of the optional LLM judge, from 0 to 1 (present only when a judge is configured). */
export const judgeMetricNames = ['judgeFaithfulness', 'judgeRelevance'] as const;

export type RatioMetricName = (typeof ratioMetricNames)[number];
export type LatencyMetricName = (typeof latencyMetricNames)[number];
export type JudgeMetricName = (typeof judgeMetricNames)[number];
export type MetricName = RatioMetricName | LatencyMetricName | JudgeMetricName;

/** `null` where a metric has nothing to measure (no case expects an article, fewer than two channels ran...). */
export type EvalMetrics = Record<RatioMetricName | LatencyMetricName, number | null> & Partial<Record<JudgeMetricName, number | null>>;

/** Metrics of one slice of the results, with how much it holds. */
export type SliceMetrics = EvalMetrics & {
  /** Cases in the slice. */
  cases: number;
  /** Case × channel results in the slice. */
  results: number;
};

/** A share, or null when there is nothing to share out. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}
