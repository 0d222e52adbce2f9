import { z } from 'zod';
import type { Conversation } from '../../bot/conversations/conversation-store.js';
import { replyTexts } from '../../bot/reply-texts.js';
import { ChannelCapabilityError } from '../channel-capability-error.js';
import type { PendingTurn } from '../pending-turns/pending-turn.js';
import { runPendingTurn } from '../pending-turns/run-pending-turn.js';
import { receiveInboundMessage, toInboundActivity } from '../receive-inbound-message.js';
import { classifySmsKeyword, smsKeywordReplies } from './sms-keywords.js';
import { isOptedOut, recordOptOut, removeOptOut } from './sms-opt-outs.js';
import type { QueuedChannelDependencies } from '../queued-channel-dependencies.js';
import type { TwilioChannel } from './twilio-channel.js';
import type { TwilioInboundMessage } from './twilio-inbound-schema.js';
import { createTwilioReplyAdapters, type TwilioReplySettings } from './twilio-reply-adapters.js';

export interface TwilioInboundDependencies extends QueuedChannelDependencies {
  settings: TwilioReplySettings;
}

/** What the pending turn of a Twilio message keeps besides the stored (redacted) text. */
const twilioTurnInputSchema = z.object({ mediaOnly: z.boolean().default(false) });

/** A stored inbound message, as the steps after storing it need it. */
interface StoredTwilioMessage {
  channel: TwilioChannel;
  messageId: string;
  conversation: Conversation;
  from: string;
  providerMessageId: string;
  /** Empty for a media-only message. */
  text: string;
  receivedAt: Date;
}

/**
 * SMS and WhatsApp messages after their webhook was verified and parsed:
 * `receive` stores one (with the turn it is owed), handles keywords and
 * notices before Twilio is acknowledged, and hands back the answer to start
 * after the acknowledgement; `resume` runs the same steps for a stored
 * message whose process died before answering it.
 */
export function createTwilioInbound(dependencies: TwilioInboundDependencies) {
  const now = dependencies.now ?? (() => new Date());
  const adapters = createTwilioReplyAdapters(dependencies);

  async function enqueueNotice(message: StoredTwilioMessage, body: string): Promise<void> {
    const messageId = await dependencies.conversations.recordNotice({
      conversationId: message.conversation.id,
      channel: message.channel,
      key: message.messageId,
      text: body,
    });
    await dependencies.outbox.enqueue(dependencies.db, {
      conversationId: message.conversation.id,
      messageId,
      channel: message.channel,
      recipient: message.from,
      payload: { body },
      idempotencyKey: `${message.channel}:${message.messageId}:notice`,
    });
    dependencies.onEnqueued?.();
  }

  /** STOP, START, HELP, opted-out numbers and media-only messages; true when the bot's turn should run. Safe to repeat. */
  async function handleWithoutTurn(message: StoredTwilioMessage): Promise<boolean> {
    const keyword = message.channel === 'sms' ? classifySmsKeyword(message.text) : undefined;
    const locale = message.conversation.locale;
    if (keyword === 'stop') {
      // Twilio confirms the opt-out itself; we record it and send nothing more.
      await recordOptOut(dependencies.db, message.from);
      return false;
    }
    if (keyword === 'start') {
      await removeOptOut(dependencies.db, message.from);
      await enqueueNotice(message, smsKeywordReplies[locale].start);
      return false;
    }
    if (keyword === 'help') {
      await enqueueNotice(message, smsKeywordReplies[locale].help);
      return false;
    }
    if (message.channel === 'sms' && (await isOptedOut(dependencies.db, message.from))) return false;
    if (message.text === '') {
      await enqueueNotice(message, replyTexts[locale].onlyText);
      return false;
    }
    return true;
  }

  async function answer(message: StoredTwilioMessage): Promise<void> {
    const adapter = adapters.get(message.channel);
    if (!adapter) return;
    const activity = toInboundActivity(
      { conversation: message.conversation, messageId: message.messageId },
      { channel: message.channel, providerMessageId: message.providerMessageId, text: message.text, address: message.from },
      message.receivedAt,
    );
    await adapter.handleTurn(activity, (context) => dependencies.bot.run(context));
  }

  return {
    /**
     * Stores the message with its pending turn and settles what needs no
     * turn; resolves once all that is durable, so Twilio may be acknowledged.
     * `answer`, when given, starts the bot's turn: call it after acknowledging.
     */
    async receive(message: TwilioInboundMessage): Promise<{ duplicate: boolean; answer?: () => void }> {
      const text = message.text.trim().slice(0, dependencies.messageMaxChars);
      const mediaOnly = text === '' && message.media.length > 0;
      const received = await receiveInboundMessage(dependencies, {
        channel: message.channel,
        identity: { kind: 'phone', address: message.from },
        address: message.from,
        providerMessageId: message.messageSid,
        text: mediaOnly ? `[${message.media.length} attachment(s)]` : text,
        turnInput: { mediaOnly },
      });
      if (received.duplicate) return { duplicate: true };
      const stored: StoredTwilioMessage = {
        channel: message.channel,
        messageId: received.messageId,
        conversation: received.conversation,
        from: message.from,
        providerMessageId: message.messageSid,
        text,
        receivedAt: now(),
      };
      // Keywords and notices are durable (opt-out list, outbox) before Twilio hears back; only the bot's turn runs after.
      if (!(await handleWithoutTurn(stored))) {
        await dependencies.pendingTurns.complete(stored.messageId);
        return { duplicate: false };
      }
      return {
        duplicate: false,
        answer: () => {
          void dependencies.turns.run(stored.messageId, () => runPendingTurn(dependencies.pendingTurns, stored.messageId, () => answer(stored)));
        },
      };
    },

    /**
     * The steps after storing, for a message whose turn a crashed process
     * left: keywords and notices again (each is idempotent), then the turn,
     * on the stored text (redacted; the turn redacts first anyway).
     */
    async resume(turn: PendingTurn): Promise<void> {
      if (turn.channel !== 'sms' && turn.channel !== 'whatsapp') throw new ChannelCapabilityError(turn.channel, 'answer through Twilio');
      const stored = await dependencies.conversations.findInbound(turn.inboundMessageId);
      if (!stored?.conversation.address) return;
      const input = twilioTurnInputSchema.parse(turn.input);
      const message: StoredTwilioMessage = {
        channel: turn.channel,
        messageId: stored.messageId,
        conversation: stored.conversation,
        from: stored.conversation.address,
        providerMessageId: stored.providerMessageId,
        text: input.mediaOnly ? '' : stored.text,
        receivedAt: stored.receivedAt,
      };
      if (await handleWithoutTurn(message)) await answer(message);
    },
  };
}

export type TwilioInbound = ReturnType<typeof createTwilioInbound>;
