import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { redactPii } from '../../guardrails/input/pii/redact-pii.js';
import { ChannelCapabilityError } from '../channel-capability-error.js';
import type { PendingTurn } from '../pending-turns/pending-turn.js';
import { startPendingTurn } from '../pending-turns/start-pending-turn.js';
import { QueuedReplyAdapter } from '../queued-reply-adapter.js';
import { receiveInboundMessage, toInboundActivity } from '../receive-inbound-message.js';
import { buildOutboundEmail, emailMessageId } from './build-outbound-email.js';
import type { QueuedChannelDependencies } from '../queued-channel-dependencies.js';
import type { InboundEmail } from './inbound-email.js';
import { renderEmail } from './render-email.js';
import { stripGreetingAndSignOff } from './strip-greeting-and-sign-off.js';

export interface EmailChannelDependencies extends QueuedChannelDependencies {
  /** Our address (`EMAIL_FROM`). */
  from: string;
}

/** What the reply needs of the message it answers, carried on the inbound activity. */
interface EmailThreadData {
  subject: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
}

/**
 * What the pending turn of an email keeps besides the stored (redacted) text:
 * the thread headers, with the subject redacted like every stored customer text.
 */
const emailTurnInputSchema = z.object({
  thread: z.object({ subject: z.string(), messageId: z.string(), inReplyTo: z.string().optional(), references: z.array(z.string()) }),
  /** The body was empty, so the subject is the question. */
  questionFromSubject: z.boolean(),
});
type EmailTurnInput = z.infer<typeof emailTurnInputSchema>;

const channel = 'email';

/**
 * Inbound email, whether from the SMTP listener or the inbound-parse webhook:
 * automated mail (auto-replies, bounces, lists) is recorded by nobody and
 * never answered; a reply continues the conversation its In-Reply-To or
 * References name; the message is stored (deduplicated on its Message-ID)
 * before the sender is told we have it; the answer goes out through the
 * outbox, threaded under the customer's message.
 */
export function createEmailChannel(dependencies: EmailChannelDependencies) {
  const now = dependencies.now ?? (() => new Date());
  const adapter = new QueuedReplyAdapter({
    channel,
    db: dependencies.db,
    outbox: dependencies.outbox,
    render: async (reply: Partial<Activity>, inbound: Activity) => {
      const thread = (inbound.channelData as { email?: EmailThreadData }).email;
      const inboundMessageId = (inbound.channelData as { inboundMessageId: string }).inboundMessageId;
      const recipient = (inbound.from.id ?? '').replace(`${channel}:`, '');
      const rendered = renderEmail(reply, { locale: reply.locale === 'nl' ? 'nl' : 'en', subject: thread?.subject ?? '' });
      if (rendered.warnings.length > 0) {
        dependencies.logger?.info({ channel, warnings: rendered.warnings.map((warning) => warning.type) }, 'reply adapted to the channel');
      }
      // The sender writes the outbox key into the Message-ID; the key is `email:<inbound message>:<index>` (QueuedReplyAdapter).
      const outboundMessageId = emailMessageId(`${channel}:${inboundMessageId}:0`, dependencies.from);
      await dependencies.db.query(
        'INSERT INTO email_threads (message_id, conversation_id) VALUES ($1, $2) ON CONFLICT (message_id) DO NOTHING',
        [outboundMessageId, inbound.conversation.id],
      );
      const message = buildOutboundEmail({
        from: dependencies.from,
        to: recipient,
        rendered,
        ...(thread ? { inbound: { messageId: thread.messageId, references: thread.references, ...(thread.inReplyTo ? { inReplyTo: thread.inReplyTo } : {}) } } : {}),
      });
      return [{ recipient, payload: { ...message } }];
    },
    ...(dependencies.onEnqueued ? { onEnqueued: dependencies.onEnqueued } : {}),
  });

  /** Records a Message-ID of the conversation, so a reply to it (In-Reply-To, References) continues the conversation. */
  async function continueThread(messageId: string, conversationId: string): Promise<void> {
    await dependencies.db.query('INSERT INTO email_threads (message_id, conversation_id) VALUES ($1, $2) ON CONFLICT (message_id) DO NOTHING', [
      messageId,
      conversationId,
    ]);
  }

  const answer = (activity: Partial<Activity>) => adapter.handleTurn(activity, (context) => dependencies.bot.run(context));

  return {
    /**
     * Stores one parsed email and starts its answer. Resolves once the message
     * is durable (the SMTP listener then says 250, the webhook 200); the turn
     * runs after.
     */
    async receive(email: InboundEmail): Promise<{ outcome: 'answering' | 'duplicate' | 'automated' | 'empty' }> {
      if (email.loop.automated) {
        dependencies.logger?.info({ channel, reason: email.loop.reason }, 'automated email not answered');
        return { outcome: 'automated' };
      }
      const address = email.from.address.toLowerCase();
      const threadIds = [email.inReplyTo, ...email.references].filter((id): id is string => id !== undefined);
      const [earlierThread] =
        threadIds.length === 0
          ? []
          : await dependencies.db.query<{ conversation_id: string }>(
              'SELECT conversation_id FROM email_threads WHERE message_id = ANY($1) ORDER BY created_at DESC LIMIT 1',
              [threadIds],
            );
      const text = stripGreetingAndSignOff(email.text).slice(0, dependencies.messageMaxChars);
      const thread: EmailThreadData = {
        subject: email.subject,
        messageId: email.messageId,
        references: email.references,
        ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
      };
      const turnInput: EmailTurnInput = { thread: { ...thread, subject: redactPii(email.subject).text }, questionFromSubject: text === '' };
      const received = await receiveInboundMessage(dependencies, {
        channel,
        identity: { kind: 'email', address },
        address,
        providerMessageId: email.messageId,
        text: text === '' ? `[${email.subject}]` : text,
        ...(earlierThread ? { conversationId: earlierThread.conversation_id } : {}),
        turnInput,
      });
      if (received.duplicate) return { outcome: 'duplicate' };
      await continueThread(email.messageId, received.conversation.id);
      const question = text === '' ? email.subject.trim() : text;
      if (question === '') {
        await dependencies.pendingTurns.complete(received.messageId);
        return { outcome: 'empty' };
      }

      const activity = toInboundActivity(received, { channel, providerMessageId: email.messageId, text: question, address }, now());
      activity.channelData = { ...(activity.channelData as object), email: thread };
      void startPendingTurn(dependencies, received.messageId, () => answer(activity));
      return { outcome: 'answering' };
    },

    /**
     * Answers a stored email whose process died before answering it: the
     * same turn, on the stored (redacted) text, threaded under the customer's message.
     */
    async resume(turn: PendingTurn): Promise<void> {
      if (turn.channel !== channel) throw new ChannelCapabilityError(channel, `answer a ${turn.channel} message`);
      const stored = await dependencies.conversations.findInbound(turn.inboundMessageId);
      if (!stored?.conversation.address) return;
      const input = emailTurnInputSchema.parse(turn.input);
      await continueThread(input.thread.messageId, stored.conversation.id);
      const question = input.questionFromSubject ? input.thread.subject.trim() : stored.text;
      if (question === '') return;
      const activity = toInboundActivity(
        stored,
        { channel, providerMessageId: stored.providerMessageId, text: question, address: stored.conversation.address },
        stored.receivedAt,
      );
      const { inReplyTo, ...thread } = input.thread;
      activity.channelData = { ...(activity.channelData as object), email: { ...thread, ...(inReplyTo === undefined ? {} : { inReplyTo }) } };
      await answer(activity);
    },
  };
}

export type EmailChannel = ReturnType<typeof createEmailChannel>;
