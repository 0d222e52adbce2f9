import { z } from 'zod';
import type { Conversation } from '../../bot/conversations/conversation-store.js';
import { countRecentInbound } from '../../bot/conversations/recent-inbound-count.js';
import { replyTexts } from '../../bot/reply-texts.js';
import { ChannelCapabilityError } from '../channel-capability-error.js';
import type { PendingTurn } from '../pending-turns/pending-turn.js';
import { runPendingTurn } from '../pending-turns/run-pending-turn.js';
import { startPendingTurn } from '../pending-turns/start-pending-turn.js';
import { redactPii } from '../../guardrails/input/pii/redact-pii.js';
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

/** What the pending turn of a stored Twilio message keeps besides the stored (redacted) text. */
const twilioTurnInputSchema = z.object({ mediaOnly: z.boolean().default(false) });

/** What an intake turn keeps: the webhook's message, its text redacted, until it is stored in its conversation. */
const twilioIntakeInputSchema = z.object({
  intake: z.object({
    channel: z.enum(['sms', 'whatsapp']),
    messageSid: z.string().min(1),
    from: z.string().min(1),
    text: z.string(),
    mediaCount: z.number().int().nonnegative(),
  }),
});
type TwilioIntake = z.infer<typeof twilioIntakeInputSchema>['intake'];

/** The key of the intake turn a webhook's message is acknowledged with. */
export function twilioIntakeKey(channel: TwilioChannel, messageSid: string): string {
  return `intake:${channel}:${messageSid}`;
}

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
 * `receive` makes one durable with a single row before Twilio is
 * acknowledged and hands back the rest (store it in its conversation,
 * keywords and notices, the bot's turn) to start after the acknowledgement;
 * `resume` runs those steps for a message whose process died, or had no
 * room, before finishing them.
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

  /** STOP, START, HELP, opted-out numbers, customers over their rate and media-only messages; true when the bot's turn should run. Safe to repeat. */
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
    const limit = dependencies.customerMessagesPerMinute ?? 0;
    if (limit > 0) {
      const recent = await countRecentInbound(dependencies.db, message.conversation);
      if (recent > limit) {
        // One notice when the limit is first passed; after that, silence until the minute has passed.
        if (recent === limit + 1) await enqueueNotice(message, replyTexts[locale].slowDown);
        return false;
      }
    }
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

  /**
   * The steps after the acknowledgement: store the message in its customer's
   * conversation (its own pending turn replacing the intake turn), settle
   * keywords and notices, then run the bot's turn. A message already stored
   * (a redelivery, or a second process) is left to its own pending turn.
   */
  async function storeAndAnswer(intake: TwilioIntake): Promise<void> {
    const mediaOnly = intake.text === '' && intake.mediaCount > 0;
    const received = await receiveInboundMessage(dependencies, {
      channel: intake.channel,
      identity: { kind: 'phone', address: intake.from },
      address: intake.from,
      providerMessageId: intake.messageSid,
      text: mediaOnly ? `[${intake.mediaCount} attachment(s)]` : intake.text,
      turnInput: { mediaOnly },
      intakeTurn: twilioIntakeKey(intake.channel, intake.messageSid),
    });
    if (received.duplicate) return;
    const stored: StoredTwilioMessage = {
      channel: intake.channel,
      messageId: received.messageId,
      conversation: received.conversation,
      from: intake.from,
      providerMessageId: intake.messageSid,
      text: intake.text,
      receivedAt: now(),
    };
    await runPendingTurn(dependencies.pendingTurns, stored.messageId, async () => {
      if (await handleWithoutTurn(stored)) await answer(stored);
    });
  }

  return {
    /**
     * Makes the message durable with one row, its intake turn (text
     * redacted), claimed by this process when its turn runner has room;
     * resolves once it is, so Twilio may be acknowledged. `answer`, when
     * given (not for a redelivery still owed, nor when the runner is full),
     * stores the message in its conversation and answers it: call it after
     * acknowledging.
     */
    async receive(message: TwilioInboundMessage): Promise<{ duplicate: boolean; answer?: () => void }> {
      const text = message.text.trim().slice(0, dependencies.messageMaxChars);
      const key = twilioIntakeKey(message.channel, message.messageSid);
      const intake: TwilioIntake = { channel: message.channel, messageSid: message.messageSid, from: message.from, text, mediaCount: message.media.length };
      // With no room on the turn runner the message waits, unclaimed, for a recovery sweep with room.
      const runHere = dependencies.turns.room > 0;
      const added = await dependencies.pendingTurns.addIntake(
        { inboundMessageId: key, channel: message.channel, input: { intake: { ...intake, text: redactPii(text).text } } },
        { unclaimed: !runHere },
      );
      if (!added) return { duplicate: true };
      if (!runHere) return { duplicate: false };
      return {
        duplicate: false,
        answer: () => {
          void startPendingTurn(dependencies, key, () => storeAndAnswer(intake));
        },
      };
    },

    /**
     * The steps after the acknowledgement, for a turn this process had no
     * room for or a crashed process left: an intake turn is stored and
     * answered as above; a stored message's turn runs keywords and notices
     * again (each is idempotent), then the bot's turn. Either works on the
     * redacted text (the turn redacts first anyway).
     */
    async resume(turn: PendingTurn): Promise<void> {
      if (turn.channel !== 'sms' && turn.channel !== 'whatsapp') throw new ChannelCapabilityError(turn.channel, 'answer through Twilio');
      const intake = twilioIntakeInputSchema.safeParse(turn.input);
      if (intake.success) {
        await storeAndAnswer(intake.data.intake);
        return;
      }
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
