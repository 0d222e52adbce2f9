import { describe, expect, it } from 'vitest';
import type { ReplyChannelData } from '../../bot/assistant-bot.js';
import { renderTwilioReply } from './render-twilio-reply.js';
import { replyContentFromActivity } from './reply-content.js';
import { twilioOutboundPayloadSchema } from './twilio-outbound-payload.js';

const citation = { articleId: 'card-lost-or-stolen', title: 'Report a lost or stolen card', url: 'https://help.lumenbank.example/en/cards/card-lost-or-stolen' };
const channelData: ReplyChannelData = { decision: 'answer', citations: [citation], disclosure: 'You are chatting with an automated assistant.' };
const reply = { type: 'message', text: 'Block your card in the app.', locale: 'nl', channelData };

describe('replyContentFromActivity', () => {
  it('takes the text, locale, citations and disclosure of a bot reply', () => {
    expect(replyContentFromActivity(reply)).toEqual({
      text: 'Block your card in the app.',
      locale: 'nl',
      citations: [citation],
      disclosure: 'You are chatting with an automated assistant.',
    });
  });

  it('reads a reply without text or locale as empty English text', () => {
    expect(replyContentFromActivity({ channelData: { decision: 'handoff', citations: [] } })).toEqual({ text: '', locale: 'en', citations: [] });
  });

  it('throws on a reply without the bot channel data or with malformed citations', () => {
    expect(() => replyContentFromActivity({ text: 'Hi' })).toThrow();
    expect(() => replyContentFromActivity({ text: 'Hi', channelData: { citations: [{ articleId: 'x' }] } })).toThrow(/citations/);
  });
});

describe('renderTwilioReply', () => {
  it('renders an SMS payload the sender accepts', () => {
    const { payload, warnings } = renderTwilioReply('sms', reply, { smsMaxSegments: 3 });
    expect(payload).toEqual({ body: `You are chatting with an automated assistant.\n\nBlock your card in the app.\n\nMeer: ${citation.url}` });
    expect(twilioOutboundPayloadSchema.safeParse(payload).success).toBe(true);
    expect(warnings).toEqual([{ code: 'citations_as_link', omittedCitations: 0 }]);
  });

  it('renders a WhatsApp payload with the sources listed', () => {
    const { payload, warnings } = renderTwilioReply('whatsapp', reply, { smsMaxSegments: 3 });
    expect('body' in payload && payload.body).toContain(`*Bronnen*\n1. *${citation.title}*: ${citation.url}`);
    expect(warnings).toEqual([]);
  });
});
