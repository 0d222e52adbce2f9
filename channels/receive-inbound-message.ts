import { type Activity, ActivityTypes } from 'botbuilder';
import type { InboundChannelData } from '../bot/assistant-bot.js';
import type { Conversation, ConversationStore, WithInboundMessage } from '../bot/conversations/conversation-store.js';
import type { CustomerDirectory, CustomerIdentity } from '../bot/conversations/customer-directory.js';
import type { OutboundChannel } from '../outbox/channel-sender.js';
import type { PendingTurnStore } from './pending-turns/pending-turn-store.js';

export interface InboundFromAddress {
  channel: OutboundChannel;
  identity: CustomerIdentity;
  /** Where replies go on this channel. */
  address: string;
  /** The provider's id for the message (Twilio's MessageSid, an email Message-ID): a redelivery repeats it. */
  providerMessageId: string;
  text: string;
  /** A conversation the message explicitly continues (an email reply's thread), if known. */
  conversationId?: string;
  /** What the message's turn needs besides the stored message, kept with its pending turn (never the text). */
  turnInput?: Record<string, unknown>;
  /** The intake turn the message was acknowledged with: the message's own pending turn replaces it, in the same transaction. */
  intakeTurn?: string;
}

export interface ReceivedInbound {
  conversation: Conversation;
  messageId: string;
  /** Already stored: acknowledge it again, but do not answer it twice. */
  duplicate: boolean;
}

export interface ReceiveDependencies {
  conversations: ConversationStore;
  customers: CustomerDirectory;
  /**
   * Where the turn a new message is owed is recorded, with the message, so a
   * crash after the acknowledgement cannot lose it. Channels that answer within
   * the request (Bot Framework) have none: the connector sees the failure.
   */
  pendingTurns?: Pick<PendingTurnStore, 'add'>;
  defaultLocale: 'en' | 'nl';
  /** A message after this long a silence starts a new conversation. */
  conversationWindowHours?: number;
}

/**
 * The common part of every asynchronous channel's entry point, after its
 * signature and body were checked: find the customer and the conversation the
 * message belongs to and store it durably, deduplicated by the provider's id,
 * together with the turn it is owed (claimed by this process), before
 * anything acknowledges it. A redelivery of a stored message is a duplicate:
 * its turn is already owed or done, and a recovery sweep finishes what a
 * crashed process left.
 */
export async function receiveInboundMessage(dependencies: ReceiveDependencies, message: InboundFromAddress): Promise<ReceivedInbound> {
  const customerId = await dependencies.customers.resolve(message.identity);
  const continued = message.conversationId ? await dependencies.conversations.find(message.conversationId) : undefined;
  const conversation =
    (continued && continued.channel === message.channel ? continued : undefined) ??
    (await dependencies.conversations.findRecentByAddress(message.channel, message.address, dependencies.conversationWindowHours ?? 24)) ??
    (await dependencies.conversations.create({
      channel: message.channel,
      locale: dependencies.defaultLocale,
      customerId,
      address: message.address,
    }));
  const { pendingTurns } = dependencies;
  const owesTurn: WithInboundMessage | undefined =
    pendingTurns &&
    (async (transaction, messageId) => {
      const turn = { inboundMessageId: messageId, channel: message.channel, input: message.turnInput ?? {} };
      await pendingTurns.add(transaction, turn, message.intakeTurn === undefined ? {} : { replaces: message.intakeTurn });
    });
  const stored = await dependencies.conversations.recordInbound(
    {
      conversationId: conversation.id,
      channel: message.channel,
      providerMessageId: message.providerMessageId,
      text: message.text,
    },
    owesTurn,
  );
  return { conversation, messageId: stored.messageId, duplicate: stored.duplicate };
}

/** Pure: a stored inbound message as the activity the bot's turn runs on. */
export function toInboundActivity(
  received: { conversation: Conversation; messageId: string },
  message: { channel: OutboundChannel; providerMessageId: string; text: string; address: string },
  receivedAt: Date,
): Partial<Activity> {
  const channelData: InboundChannelData = { inboundMessageId: received.messageId, locale: received.conversation.locale };
  return {
    type: ActivityTypes.Message,
    id: message.providerMessageId,
    channelId: message.channel,
    serviceUrl: `${message.channel}:`,
    conversation: { id: received.conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `${message.channel}:${message.address}`, name: 'customer', role: 'user' },
    recipient: { id: 'assistant', name: 'assistant', role: 'bot' },
    text: message.text,
    locale: received.conversation.locale,
    timestamp: receivedAt,
    channelData,
  };
}
