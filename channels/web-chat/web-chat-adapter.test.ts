import { type Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ChannelCapabilityError } from '../channel-capability-error.js';
import { convertWebChatMessageToActivity } from './convert-web-chat-message-to-activity.js';
import { WebChatAdapter } from './web-chat-adapter.js';

function inbound(text = 'How do I block my card?', providerMessageId = 'provider-1'): Partial<Activity> {
  return convertWebChatMessageToActivity({
    conversationId: 'conversation-1',
    messageId: 'message-1',
    providerMessageId,
    text,
    locale: 'en',
    receivedAt: new Date('2026-09-14T10:15:00Z'),
  });
}

describe('WebChatAdapter', () => {
  it('returns the messages the bot sent during the turn, in order', async () => {
    const outgoing = await new WebChatAdapter().handleTurn(inbound(), async (context) => {
      await context.sendActivity('Block your card in the app.');
      await context.sendActivities([{ type: ActivityTypes.Message, text: 'Or call us.' }]);
    });
    expect(outgoing.map((activity) => activity.text)).toEqual(['Block your card in the app.', 'Or call us.']);
  });

  it('addresses the returned messages as replies in the same conversation', async () => {
    const [reply] = await new WebChatAdapter().handleTurn(inbound(), async (context) => {
      await context.sendActivity('Block your card in the app.');
    });
    expect(reply).toMatchObject({
      type: ActivityTypes.Message,
      conversation: { id: 'conversation-1' },
      replyToId: 'provider-1',
      recipient: { id: 'web-chat-customer:conversation-1' },
    });
  });

  it('leaves typing indicators and other non-message activities out', async () => {
    const outgoing = await new WebChatAdapter().handleTurn(inbound(), async (context) => {
      await context.sendActivity({ type: ActivityTypes.Typing });
      await context.sendActivity('Block your card in the app.');
      await context.sendActivity({ type: ActivityTypes.Event, name: 'handoff' });
    });
    expect(outgoing.map((activity) => activity.type)).toEqual([ActivityTypes.Message]);
  });

  it('returns nothing when the bot sent nothing', async () => {
    expect(await new WebChatAdapter().handleTurn(inbound(), async () => {})).toEqual([]);
  });

  it('gives the bot the inbound activity', async () => {
    let seen: Partial<Activity> | undefined;
    await new WebChatAdapter().handleTurn(inbound('Is my card blocked?'), async (context) => {
      seen = context.activity;
    });
    expect(seen?.text).toBe('Is my card blocked?');
  });

  it('keeps the messages of separate turns apart', async () => {
    const adapter = new WebChatAdapter();
    const first = await adapter.handleTurn(inbound('one', 'provider-1'), async (context) => {
      await context.sendActivity('First answer.');
    });
    const second = await adapter.handleTurn(inbound('two', 'provider-2'), async (context) => {
      await context.sendActivity('Second answer.');
    });
    expect(first.map((activity) => activity.text)).toEqual(['First answer.']);
    expect(second.map((activity) => activity.text)).toEqual(['Second answer.']);
  });

  it('runs middleware around the turn and returns what it sends', async () => {
    const adapter = new WebChatAdapter();
    adapter.use(async (context, next) => {
      await next();
      await context.sendActivity('Anything else?');
    });
    const outgoing = await adapter.handleTurn(inbound(), async (context) => {
      await context.sendActivity('Block your card in the app.');
    });
    expect(outgoing.map((activity) => activity.text)).toEqual(['Block your card in the app.', 'Anything else?']);
  });

  it('refuses to send outside the turn of an inbound message', async () => {
    const adapter = new WebChatAdapter();
    const context = new TurnContext(adapter, inbound());
    const sending = context.sendActivity('Unprompted news.');
    await expect(sending).rejects.toBeInstanceOf(ChannelCapabilityError);
    await expect(sending).rejects.toMatchObject({ channel: 'web-chat', isRetryable: false });
  });

  it('refuses to edit a delivered message', async () => {
    await expect(
      new WebChatAdapter().handleTurn(inbound(), async (context) => {
        await context.updateActivity({ id: 'provider-1:1:0', type: ActivityTypes.Message, text: 'Edited.' });
      }),
    ).rejects.toBeInstanceOf(ChannelCapabilityError);
  });

  it('refuses to delete a delivered message', async () => {
    await expect(
      new WebChatAdapter().handleTurn(inbound(), async (context) => {
        await context.deleteActivity('provider-1:1:0');
      }),
    ).rejects.toBeInstanceOf(ChannelCapabilityError);
  });

  it('refuses to continue a conversation without a customer request', async () => {
    const reference = TurnContext.getConversationReference(inbound());
    await expect(new WebChatAdapter().continueConversation(reference)).rejects.toMatchObject({
      name: 'ChannelCapabilityError',
      channel: 'web-chat',
    });
  });
});
