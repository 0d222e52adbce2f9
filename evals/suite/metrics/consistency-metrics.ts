import type { CaseResult, ChannelResult } from '../case-result.js';
import type { EvalChannel } from '../eval-channel.js';
import { factsFound } from './answer-metrics.js';
import { deliveredDecision } from './decision-metrics.js';
import { share } from './eval-metrics.js';

/**
 * The decision and the cited articles (sorted, each once): what must match
 * for two replies to say the same. With `families`, an article and its
 * translations count as one (`articleFamilies`).
 */
export function decisionSignature(result: ChannelResult, families?: ReadonlyMap<string, string>): string {
  const cited = (result.delivered?.citedArticleIds ?? []).map((id) => families?.get(id) ?? id);
  return `${deliveredDecision(result)} [${[...new Set(cited)].sort().join(', ')}]`;
}

/** The decision, the cited articles and which expected facts the text carries. */
export function channelSignature(result: ChannelResult, facts: readonly string[] = []): string {
  return `${decisionSignature(result)} facts [${factsFound(result.delivered?.text ?? '', facts).sort().join(' | ')}]`;
}

/** Whether every channel a case ran on gave the same decision, citations and facts found. */
export function isConsistentAcrossChannels(item: CaseResult): boolean {
  return new Set(item.channels.map((result) => channelSignature(result, item.evalCase.expect.facts))).size <= 1;
}

/** Share of cases where every channel gave the same decision, the same citation set and the same facts found; null with fewer than two channels. */
export function crossChannelConsistency(cases: readonly CaseResult[]): number | null {
  const compared = cases.filter((item) => item.channels.length >= 2);
  return share(compared.filter(isConsistentAcrossChannels).length, compared.length);
}

/**
 * Share of paraphrase groups (cases sharing `group`, at least two of them on
 * `channel`) whose cases all got the same decision and the same citation set
 * on that channel; null when there is no such group. A group's Dutch wording
 * citing the Dutch translation of the article its English wordings cite is
 * consistent when `families` says they are translations.
 */
export function paraphraseConsistency(cases: readonly CaseResult[], channel: EvalChannel | undefined, families?: ReadonlyMap<string, string>): number | null {
  if (channel === undefined) return null;
  const signaturesByGroup = new Map<string, string[]>();
  for (const item of cases) {
    const group = item.evalCase.group;
    const result = item.channels.find((candidate) => candidate.channel === channel);
    if (group === undefined || result === undefined) continue;
    signaturesByGroup.set(group, [...(signaturesByGroup.get(group) ?? []), decisionSignature(result, families)]);
  }
  const groups = [...signaturesByGroup.values()].filter((signatures) => signatures.length >= 2);
  return share(groups.filter((signatures) => new Set(signatures).size === 1).length, groups.length);
}
