import type { ChannelTestApp } from '../../../test-support/channel-drivers/index.js';
import type { CaseResult, ChannelResult } from '../case-result.js';
import type { EvalCase } from '../dataset/eval-case.js';
import { shuffled } from '../dataset/select-cases.js';
import type { EvalChannel } from '../eval-channel.js';
import { createEvalDriver } from './eval-drivers.js';
import { holdConversation, type HeldConversation } from './hold-conversation.js';
import { readRecordedDecision } from './read-recorded-decision.js';
import { runWithConcurrency } from './run-with-concurrency.js';

export interface RunEvalCasesOptions {
  harness: ChannelTestApp;
  cases: readonly EvalCase[];
  channels: readonly EvalChannel[];
  /** Conversations held at once, across all channels. */
  concurrency: number;
  /** Orders the case × channel conversations, so which channel asks a question first (and decides it) is fair and repeatable. */
  seed: number;
  replyTimeoutMs: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Drives every case through every channel over its real protocol, a new
 * customer per case per channel (a handoff opens a case, which silences that
 * conversation), then reads back what each customer received and the decision
 * recorded behind the last reply. Results come in dataset order, channels in
 * the order given.
 */
export async function runEvalCases(options: RunEvalCasesOptions): Promise<CaseResult[]> {
  const { harness, cases, channels } = options;
  const drivers = new Map(channels.map((channel) => [channel, createEvalDriver(harness, channel)] as const));
  const driverOf = (channel: EvalChannel) => {
    const driver = drivers.get(channel);
    if (driver === undefined) throw new Error(`No driver for ${channel}`);
    return driver;
  };
  const jobs = shuffled(
    cases.flatMap((evalCase, caseIndex) => channels.map((channel) => ({ caseIndex, evalCase, channel }))),
    options.seed,
  );
  const held = await runWithConcurrency(
    jobs,
    options.concurrency,
    (job) =>
      holdConversation(driverOf(job.channel), job.channel, job.evalCase, {
        replyTimeoutMs: options.replyTimeoutMs,
        recordedDecisionOf: async (token) => (await readRecordedDecision(harness.app.db, token))?.decision,
      }),
    options.onProgress,
  );

  // Late deliveries land now; after this every read is of a quiet app.
  await harness.settle();
  const read = await runWithConcurrency(jobs, options.concurrency, async (job, index) =>
    channelResult(harness, driverOf(job.channel), job.channel, held[index] as HeldConversation),
  );
  const results: CaseResult[] = cases.map((evalCase) => ({ evalCase, channels: [] }));
  const order = (channel: EvalChannel) => channels.indexOf(channel);
  jobs.forEach((job, index) => results[job.caseIndex]?.channels.push(read[index] as ChannelResult));
  for (const result of results) result.channels.sort((left, right) => order(left.channel) - order(right.channel));
  return results;
}

async function channelResult(
  harness: ChannelTestApp,
  driver: ReturnType<typeof createEvalDriver>,
  channel: EvalChannel,
  held: HeldConversation,
): Promise<ChannelResult> {
  const replies = await driver.repliesTo(held.sender);
  const last = replies.at(-1);
  const recorded = held.lastToken === undefined ? undefined : await readRecordedDecision(harness.app.db, held.lastToken);
  return {
    channel,
    ...(last === undefined || held.error !== undefined
      ? {}
      : { delivered: { text: last.text, ...(last.decision ? { decision: last.decision } : {}), citedArticleIds: last.citedArticleIds } }),
    replyTexts: replies.map((reply) => reply.text),
    ...(recorded ? { recorded } : {}),
    turnsSent: held.turnsSent,
    latenciesMs: held.latenciesMs,
    ...(held.error === undefined ? {} : { error: held.error }),
  };
}
