import { setTimeout as sleep } from 'node:timers/promises';
import type { Decision } from '../../../bot/answer-engine/answer-outcome.js';
import type { ChannelDriver, Reply } from '../../../test-support/channel-drivers/index.js';
import type { EvalCase } from '../dataset/eval-case.js';
import type { EvalChannel } from '../eval-channel.js';
import { newProviderMessageId } from './eval-drivers.js';

export interface HoldConversationOptions {
  /** How long one turn may wait for its reply before the case counts as unanswered on this channel. */
  replyTimeoutMs: number;
  /**
   * The decision recorded for the customer message with this token. Read from
   * the record, not the reply: SMS, WhatsApp and email replies carry no
   * decision of their own, and the driver finds theirs only once the outbox
   * has noted the delivery, which may be just after the reply arrives.
   */
  recordedDecisionOf(token: string): Promise<Decision | undefined>;
  /** How often to look for the reply. */
  pollIntervalMs?: number;
}

/** How one case went on one channel, before its replies and decision records are read back. */
export interface HeldConversation {
  sender: string;
  /** The token of the last customer message sent, to find the decision recorded for it. */
  lastToken?: string;
  turnsSent: number;
  latenciesMs: number[];
  error?: string;
}

/**
 * Holds one case's conversation on one channel as a new customer: each turn
 * is sent on the same sender once the previous one was answered, and its
 * latency runs from sending to the reply reaching the customer's side. A
 * handoff before the last turn ends the conversation there: a person holds
 * it, and the bot stays silent on whatever the customer writes next.
 */
export async function holdConversation(
  driver: ChannelDriver,
  channel: EvalChannel,
  evalCase: EvalCase,
  options: HoldConversationOptions,
): Promise<HeldConversation> {
  const held: HeldConversation = { sender: driver.newSender(), turnsSent: 0, latenciesMs: [] };
  for (const [index, turn] of evalCase.turns.entries()) {
    const turnNumber = index + 1;
    const before = (await driver.repliesTo(held.sender, { settle: false })).length;
    const { messageId, token } = newProviderMessageId(channel);
    const sentAt = Date.now();
    const { status } = await driver.send(turn.text, { sender: held.sender, messageId });
    held.turnsSent = turnNumber;
    if (status !== driver.expects.acceptedStatus) return { ...held, error: `turn ${turnNumber} refused with status ${status}` };
    held.lastToken = token;
    const reply = await waitForReply(driver, held.sender, before, options);
    if (reply === undefined) return { ...held, error: `no reply to turn ${turnNumber} within ${options.replyTimeoutMs / 1000} s` };
    held.latenciesMs.push(Math.max(0, reply.receivedAt.getTime() - sentAt));
    if (index < evalCase.turns.length - 1 && (await options.recordedDecisionOf(token)) === 'handoff') break;
  }
  return held;
}

async function waitForReply(driver: ChannelDriver, sender: string, repliesBefore: number, options: HoldConversationOptions): Promise<Reply | undefined> {
  const deadline = Date.now() + options.replyTimeoutMs;
  for (;;) {
    const replies = await driver.repliesTo(sender, { settle: false });
    if (replies.length > repliesBefore) return replies[repliesBefore];
    if (Date.now() >= deadline) return undefined;
    await sleep(options.pollIntervalMs ?? 10);
  }
}
