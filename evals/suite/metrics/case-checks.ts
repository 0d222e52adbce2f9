import type { CaseResult, ChannelResult } from '../case-result.js';
import type { EvalCase } from '../dataset/eval-case.js';
import type { EvalChannel } from '../eval-channel.js';
import { factsFound } from './answer-metrics.js';
import { isConsistentAcrossChannels } from './consistency-metrics.js';
import { deliveredDecision } from './decision-metrics.js';

/**
 * What is wrong with one case's last reply on one channel, in words a QA
 * engineer can act on; empty when it meets every expectation: the decision,
 * at least one expected article cited when it answers, every expected fact in
 * the delivered text, the expected reason code on the recorded decision.
 */
export function channelFailures(evalCase: EvalCase, result: ChannelResult): string[] {
  if (result.error !== undefined) return [result.error];
  const failures: string[] = [];
  const { expect } = evalCase;
  const decision = deliveredDecision(result);
  if (decision !== expect.decision) failures.push(`decision ${decision}, expected ${expect.decision}`);
  const cited = result.delivered?.citedArticleIds ?? [];
  if (expect.articles !== undefined && decision === 'answer' && !cited.some((article) => expect.articles?.includes(article))) {
    failures.push(`cites ${cited.length === 0 ? 'nothing' : cited.join(', ')}, expected one of ${expect.articles.join(', ')}`);
  }
  if (expect.facts !== undefined) {
    const found = factsFound(result.delivered?.text ?? '', expect.facts);
    const missing = expect.facts.filter((fact) => !found.includes(fact));
    if (missing.length > 0) failures.push(`missing ${missing.map((fact) => JSON.stringify(fact)).join(', ')}`);
  }
  if (expect.reason !== undefined && !(result.recorded?.reasons ?? []).includes(expect.reason)) {
    failures.push(`reasons [${(result.recorded?.reasons ?? []).join(', ')}], expected ${expect.reason}`);
  }
  return failures;
}

export interface CaseVerdict {
  passed: boolean;
  /** Every channel gave the same decision, citations and facts found. */
  consistent: boolean;
  failuresByChannel: Partial<Record<EvalChannel, string[]>>;
}

/** A case passes when every channel meets its expectations and the channels agree. */
export function judgeCase(item: CaseResult): CaseVerdict {
  const failuresByChannel: CaseVerdict['failuresByChannel'] = {};
  for (const result of item.channels) failuresByChannel[result.channel] = channelFailures(item.evalCase, result);
  const consistent = isConsistentAcrossChannels(item);
  const passed = consistent && Object.values(failuresByChannel).every((failures) => failures.length === 0);
  return { passed, consistent, failuresByChannel };
}
