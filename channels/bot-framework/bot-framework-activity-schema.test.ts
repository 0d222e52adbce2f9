import { describe, expect, it } from 'vitest';
import { botFrameworkActivitySchema } from './bot-framework-activity-schema.js';

const message = {
  type: 'message',
  id: 'act-1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: 'teams-user-1', name: 'Customer' },
  recipient: { id: 'assistant-bot' },
  conversation: { id: 'teams-conversation-1', conversationType: 'personal' },
  text: 'How long does a SEPA transfer take?',
  locale: 'en-US',
};

describe('botFrameworkActivitySchema', () => {
  it('accepts a message as Teams sends it, unknown fields and nulls included', () => {
    expect(botFrameworkActivitySchema.safeParse(message).success).toBe(true);
    expect(botFrameworkActivitySchema.safeParse({ ...message, text: null, locale: null, attachments: null, entities: [] }).success).toBe(true);
  });

  it('accepts other activity types without a sender or conversation', () => {
    expect(botFrameworkActivitySchema.safeParse({ type: 'conversationUpdate' }).success).toBe(true);
  });

  it.each([
    ['no type', { text: 'hi' }, 'type'],
    ['a message without a sender (found by bench/fuzz)', { type: 'message' }, 'from'],
    ['a sender without an id', { ...message, from: {} }, 'from.id'],
    ['a conversation id that is not a string', { ...message, conversation: { id: 7 } }, 'conversation.id'],
    ['text that is not a string (found by bench/fuzz)', { ...message, text: 5 }, 'text'],
  ])('refuses %s', (_case, body, path) => {
    const result = botFrameworkActivitySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
