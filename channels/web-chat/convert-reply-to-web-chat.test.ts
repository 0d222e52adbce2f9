import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { ReplyChannelData } from '../../bot/assistant-bot.js';
import { convertReplyToWebChat } from './convert-reply-to-web-chat.js';

const conversationId = '5b0f3c1e-8d2a-4b7e-9c41-2f6a1d9e7b30';

const cardCitation = {
  articleId: 'card-lost-or-stolen',
  title: 'Report a lost or stolen card',
  url: 'https://help.lumenbank.example/en/cards/card-lost-or-stolen',
};

function reply(text: string | undefined, channelData: ReplyChannelData): Partial<Activity> {
  return { type: 'message', text, locale: 'en', channelData };
}

describe('convertReplyToWebChat', () => {
  it('turns an answer into a reply with its text, decision and citations', () => {
    const activities = [reply('Blocking a card in the app takes effect immediately.', { decision: 'answer', citations: [cardCitation] })];
    expect(convertReplyToWebChat(conversationId, activities)).toEqual({
      conversationId,
      replies: [
        { text: 'Blocking a card in the app takes effect immediately.', decision: 'answer', citations: [cardCitation] },
      ],
    });
  });

  it('turns a handoff into a reply without citations', () => {
    const activities = [reply('I am passing you to a colleague.', { decision: 'handoff', citations: [] })];
    expect(convertReplyToWebChat(conversationId, activities).replies).toEqual([
      { text: 'I am passing you to a colleague.', decision: 'handoff', citations: [] },
    ]);
  });

  it('takes the disclosure from the first reply that carries one', () => {
    const activities = [
      reply('First.', { decision: 'answer', citations: [cardCitation], disclosure: 'You are chatting with an automated assistant.' }),
      reply('Second.', { decision: 'answer', citations: [cardCitation], disclosure: 'A later notice.' }),
    ];
    const response = convertReplyToWebChat(conversationId, activities);
    expect(response.disclosure).toBe('You are chatting with an automated assistant.');
    expect(response.replies.map((item) => item.text)).toEqual(['First.', 'Second.']);
  });

  it('leaves out the disclosure when no reply carries one', () => {
    const response = convertReplyToWebChat(conversationId, [reply('Hello again.', { decision: 'answer', citations: [] })]);
    expect(response).not.toHaveProperty('disclosure');
  });

  it('gives an empty text to a reply without text', () => {
    expect(convertReplyToWebChat(conversationId, [reply(undefined, { decision: 'handoff', citations: [] })]).replies[0]?.text).toBe('');
  });

  it('returns no replies when the bot sent nothing', () => {
    expect(convertReplyToWebChat(conversationId, [])).toEqual({ conversationId, replies: [] });
  });

  it('throws on a reply without channel data', () => {
    expect(() => convertReplyToWebChat(conversationId, [{ type: 'message', text: 'Hi' }])).toThrow();
  });

  it('throws on a reply whose channel data has an unknown decision', () => {
    const activity = { type: 'message', text: 'Hi', channelData: { decision: 'maybe', citations: [] } };
    expect(() => convertReplyToWebChat(conversationId, [activity])).toThrow(/decision/);
  });

  it('throws on a reply whose citations are malformed', () => {
    const activity = { type: 'message', text: 'Hi', channelData: { decision: 'answer', citations: [{ articleId: 'x' }] } };
    expect(() => convertReplyToWebChat(conversationId, [activity])).toThrow(/citations/);
  });
});
