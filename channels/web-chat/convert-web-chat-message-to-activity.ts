import { type Activity, ActivityTypes } from 'botbuilder';
import type { InboundChannelData } from '../../bot/assistant-bot.js';

export interface WebChatInbound {
  conversationId: string;
  messageId: string;
  providerMessageId: string;
  text: string;
  locale: 'en' | 'nl';
  receivedAt: Date;
}

/** Pure: a persisted web-chat message as the Bot Framework activity the bot understands. */
export function convertWebChatMessageToActivity(message: WebChatInbound): Partial<Activity> {
  const channelData: InboundChannelData = { inboundMessageId: message.messageId, locale: message.locale };
  return {
    type: ActivityTypes.Message,
    id: message.providerMessageId,
    channelId: 'web-chat',
    serviceUrl: 'web-chat:',
    conversation: { id: message.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `web-chat-customer:${message.conversationId}`, name: 'customer', role: 'user' },
    recipient: { id: 'assistant', name: 'assistant', role: 'bot' },
    text: message.text,
    locale: message.locale,
    timestamp: message.receivedAt,
    channelData,
  };
}
