import { type Activity, ActivityTypes } from 'botbuilder';
import type { InboundChannelData } from '../bot/assistant-bot.js';
import type { Conversation, ConversationStore } from '../bot/conversations/conversation-store.js';
import type { CustomerDirectory, CustomerIdentity } from '../bot/conversations/customer-directory.js';
import type { OutboundChannel } from '../outbox/channel-sender.js';

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
  defaultLocale: 'en' | 'nl';
  /** A message after this long a silence starts a new conversation. */
  conversationWindowHours?: number;
}

/**
 * The common part of every asynchronous channel's entry point, after its
 * signature and body were checked: find the customer and the conversation the
 * message belongs to and store it durably, deduplicated by the provider's id,
 * before anything acknowledges it.
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
  const stored = await dependencies.conversations.recordInbound({
    conversationId: conversation.id,
    channel: message.channel,
    providerMessageId: message.providerMessageId,
    text: message.text,
  });
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
