import type { CaseResult, ChannelResult } from '../case-result.js';
import { share } from './eval-metrics.js';

/** The decision a result is judged on; `none` when no decision reached the customer (no reply, or only a notice). */
export function deliveredDecision(result: ChannelResult): string {
  return result.delivered?.decision ?? 'none';
}

const eachResult = (cases: readonly CaseResult[]) => cases.flatMap((item) => item.channels.map((result) => ({ item, result })));

/** Share of case × channel results whose delivered decision is the expected one. */
export function decisionAccuracy(cases: readonly CaseResult[]): number | null {
  const results = eachResult(cases);
  return share(results.filter(({ item, result }) => deliveredDecision(result) === item.evalCase.expect.decision).length, results.length);
}

/** Of the results handed to a person, the share where a handoff was expected. */
export function handoffPrecision(cases: readonly CaseResult[]): number | null {
  const handedOff = eachResult(cases).filter(({ result }) => deliveredDecision(result) === 'handoff');
  return share(handedOff.filter(({ item }) => item.evalCase.expect.decision === 'handoff').length, handedOff.length);
}

/** Of the results where a handoff was expected, the share handed to a person. */
export function handoffRecall(cases: readonly CaseResult[]): number | null {
  const expected = eachResult(cases).filter(({ item }) => item.evalCase.expect.decision === 'handoff');
  return share(expected.filter(({ result }) => deliveredDecision(result) === 'handoff').length, expected.length);
}
