import { judgeMetricNames, latencyMetricNames, ratioMetricNames, type MetricName } from '../metrics/eval-metrics.js';

/** Every metric a report shows, in reading order. */
export const reportedMetricNames: readonly MetricName[] = [...ratioMetricNames, ...latencyMetricNames, ...judgeMetricNames];

export const metricLabels: Record<MetricName, string> = {
  decisionAccuracy: 'Decision accuracy',
  handoffPrecision: 'Handoff precision',
  handoffRecall: 'Handoff recall',
  recallAt5: 'Recall@5',
  mrr: 'MRR',
  citationPrecision: 'Citation precision',
  factRecall: 'Fact recall',
  groundedness: 'Groundedness',
  crossChannelConsistency: 'Cross-channel consistency',
  paraphraseConsistency: 'Paraphrase consistency',
  latencyP50Ms: 'Latency p50',
  latencyP95Ms: 'Latency p95',
  judgeFaithfulness: 'Judge: faithfulness',
  judgeRelevance: 'Judge: relevance',
};

/** Shares as percentages, MRR as a number, latencies in milliseconds; `n/a` where nothing was measured. */
export function formatMetric(metric: MetricName, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  if (metric.endsWith('Ms')) return `${Math.round(value)} ms`;
  if (metric === 'mrr') return value.toFixed(3);
  return `${(value * 100).toFixed(1)}%`;
}
