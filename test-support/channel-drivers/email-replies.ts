import { randomUUID } from 'node:crypto';
import type { RepliesToOptions, Reply } from './channel-driver.js';
import { articleIdsForUrls, recordedAnswerFor } from './recorded-answers.js';
import type { ChannelTestApp } from './start-channel-test-app.js';

/** A numbered source line of the text part as `renderEmail` writes it: `[1] Title: https://…`. */
const sourceLine = /^\[\d+\] [^\n]*: (\S+)$/gm;

/** The subject every driven customer email carries; an email without body text is answered from it. */
export const customerEmailSubject = 'Question';

/** A Message-ID as a customer's mail client would write it. */
export function customerMessageId(): string {
  return `<${randomUUID()}@mail.customer.example>`;
}

/**
 * The replies `address` received at the SMTP sink, where our outbound mail
 * lands. Cited articles come from the numbered source list of the text part;
 * an email does not show the decision, so it comes from the `answers` row
 * behind the delivery (matched on the Message-ID the outbox recorded).
 */
export async function emailRepliesTo(harness: ChannelTestApp, address: string, options: RepliesToOptions = {}): Promise<Reply[]> {
  if (options.settle !== false) await harness.settle();
  const replies: Reply[] = [];
  const received = harness.sink.messages.filter((message) => message.envelope.rcptTo.some((recipient) => recipient.toLowerCase() === address.toLowerCase()));
  for (const message of received) {
    const text = message.parsed.text ?? '';
    const citedArticleIds = await articleIdsForUrls(harness.app.db, [...text.matchAll(sourceLine)].map((match) => match[1] ?? ''));
    const recorded = message.parsed.messageId === undefined ? undefined : await recordedAnswerFor(harness.app.db, message.parsed.messageId);
    replies.push({ text, citedArticleIds, ...(recorded ? { decision: recorded.decision } : {}), receivedAt: message.receivedAt });
  }
  return replies;
}
