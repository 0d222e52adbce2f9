import type { CaseResult } from '../case-result.js';
import { referenceChannelOf, type EvalChannel } from '../eval-channel.js';
import { citationPrecision, factRecall, groundedness } from './answer-metrics.js';
import { crossChannelConsistency, paraphraseConsistency } from './consistency-metrics.js';
import { decisionAccuracy, handoffPrecision, handoffRecall } from './decision-metrics.js';
import type { SliceMetrics } from './eval-metrics.js';
import { percentile, turnLatencies } from './latency-metrics.js';
import { mrr, recallAt5 } from './retrieval-metrics.js';

export interface MetricsBreakdown {
  overall: SliceMetrics;
  byChannel: Partial<Record<EvalChannel, SliceMetrics>>;
  byLocale: Record<string, SliceMetrics>;
  byTag: Record<string, SliceMetrics>;
}

/**
 * Every metric over a slice of the results. Paraphrase consistency is read on
 * the reference channel (web chat when it ran); cross-channel consistency
 * needs at least two channels in the slice.
 */
export function sliceMetrics(cases: readonly CaseResult[], families?: ReadonlyMap<string, string>): SliceMetrics {
  const channels = [...new Set(cases.flatMap((item) => item.channels.map((result) => result.channel)))];
  const latencies = turnLatencies(cases);
  return {
    decisionAccuracy: decisionAccuracy(cases),
    handoffPrecision: handoffPrecision(cases),
    handoffRecall: handoffRecall(cases),
    recallAt5: recallAt5(cases),
    mrr: mrr(cases),
    citationPrecision: citationPrecision(cases),
    factRecall: factRecall(cases),
    groundedness: groundedness(cases),
    crossChannelConsistency: crossChannelConsistency(cases),
    paraphraseConsistency: paraphraseConsistency(cases, referenceChannelOf(channels), families),
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    cases: cases.length,
    results: cases.reduce((sum, item) => sum + item.channels.length, 0),
  };
}

/** The results of one channel only (cases that did not run on it are left out). */
export function onChannel(cases: readonly CaseResult[], channel: EvalChannel): CaseResult[] {
  return cases
    .map((item) => ({ ...item, channels: item.channels.filter((result) => result.channel === channel) }))
    .filter((item) => item.channels.length > 0);
}

/** Metrics overall and per channel, locale and tag; `families` makes an article's translations count as the same citation. */
export function computeMetrics(cases: readonly CaseResult[], channels: readonly EvalChannel[], families?: ReadonlyMap<string, string>): MetricsBreakdown {
  const byChannel: MetricsBreakdown['byChannel'] = {};
  for (const channel of channels) byChannel[channel] = sliceMetrics(onChannel(cases, channel), families);
  const groupBy = (keysOf: (item: CaseResult) => readonly string[]) => {
    const slices = new Map<string, CaseResult[]>();
    for (const item of cases) for (const key of keysOf(item)) slices.set(key, [...(slices.get(key) ?? []), item]);
    return Object.fromEntries([...slices.entries()].sort(([left], [right]) => left.localeCompare(right)).map(([key, slice]) => [key, sliceMetrics(slice, families)]));
  };
  return {
    overall: sliceMetrics(cases, families),
    byChannel,
    byLocale: groupBy((item) => [item.evalCase.locale]),
    byTag: groupBy((item) => item.evalCase.tags ?? []),
  };
}
