import { ActivityTypes } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { inboundChannelDataSchema } from '../../bot/assistant-bot.js';
import { convertWebChatMessageToActivity, type WebChatInbound } from './convert-web-chat-message-to-activity.js';

const message: WebChatInbound = {
  conversationId: '5b0f3c1e-8d2a-4b7e-9c41-2f6a1d9e7b30',
  messageId: 'message-17',
  providerMessageId: '5b0f3c1e-8d2a-4b7e-9c41-2f6a1d9e7b30:client-3',
  text: 'How do I block my card?',
  locale: 'nl',
  receivedAt: new Date('2026-09-14T10:15:00Z'),
};

describe('convertWebChatMessageToActivity', () => {
  it('makes a message activity from the customer to the assistant in a one-to-one conversation', () => {
    expect(convertWebChatMessageToActivity(message)).toEqual({
      type: ActivityTypes.Message,
      id: message.providerMessageId,
      channelId: 'web-chat',
      serviceUrl: 'web-chat:',
      conversation: { id: message.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: `web-chat-customer:${message.conversationId}`, name: 'customer', role: 'user' },
      recipient: { id: 'assistant', name: 'assistant', role: 'bot' },
      text: 'How do I block my card?',
      locale: 'nl',
      timestamp: new Date('2026-09-14T10:15:00Z'),
      channelData: { inboundMessageId: 'message-17', locale: 'nl' },
    });
  });

  it('attaches channel data the bot accepts', () => {
    const { channelData } = convertWebChatMessageToActivity(message);
    expect(inboundChannelDataSchema.parse(channelData)).toEqual({ inboundMessageId: 'message-17', locale: 'nl' });
  });

  it('keeps the text exactly as the customer wrote it', () => {
    const text = '  Mijn pas is gestolen!\nWat nu?  ';
    expect(convertWebChatMessageToActivity({ ...message, text }).text).toBe(text);
  });

  it('gives every conversation its own customer id', () => {
    const other = convertWebChatMessageToActivity({ ...message, conversationId: 'another-conversation' });
    expect(other.from?.id).not.toBe(convertWebChatMessageToActivity(message).from?.id);
  });

  it('does not change its input', () => {
    const copy = structuredClone(message);
    convertWebChatMessageToActivity(message);
    expect(message).toEqual(copy);
  });
});
