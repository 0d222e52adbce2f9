import { type CloudAdapter, TurnContext } from 'botbuilder';
import { Router } from 'express';
import type { AssistantBot, InboundChannelData } from '../../bot/assistant-bot.js';
import type { ConversationStore } from '../../bot/conversations/conversation-store.js';
import type { CustomerDirectory } from '../../bot/conversations/customer-directory.js';
import { parseBody } from '../../bot/http/parse-body.js';
import { replyTexts } from '../../bot/reply-texts.js';
import type { Queryable } from '../../db/db.js';
import { receiveInboundMessage } from '../receive-inbound-message.js';
import { botFrameworkActivitySchema } from './bot-framework-activity-schema.js';
import { saveConversationReference } from './conversation-references.js';

export interface BotFrameworkRoutesDependencies {
  bot: AssistantBot;
  conversations: ConversationStore;
  customers: CustomerDirectory;
  /** The app's adapter (`createBotFrameworkAdapter`), shared with the outbox sender for a person's replies. */
  adapter: CloudAdapter;
  db: Queryable;
  defaultLocale: 'en' | 'nl';
  messageMaxChars: number;
}

const channel = 'bot-framework';

/**
 * `POST /api/messages`: Azure Bot Service channels (Teams, Direct Line, Web
 * Chat) through botbuilder's CloudAdapter, which checks the connector's JWT
 * when an app id and password are configured and sends replies back to the
 * connector. Each message is stored (deduplicated on the activity id) before
 * the turn runs, like every other channel. A body without the fields the turn
 * reads is a `ValidationError` (400) before botbuilder sees it.
 */
export function createBotFrameworkRoutes(dependencies: BotFrameworkRoutesDependencies): Router {
  const { adapter } = dependencies;
  const router = Router();
  router.post('/api/messages', async (request, response) => {
    parseBody(botFrameworkActivitySchema, request.body);
    await adapter.process(request, response, (context) => runTurn(dependencies, context));
  });
  return router;
}

async function runTurn(dependencies: BotFrameworkRoutesDependencies, context: TurnContext): Promise<void> {
  const { activity } = context;
  // Conversation updates, typing and the like carry no message.
  if (activity.type !== 'message') return;
  const text = (activity.text ?? '').trim().slice(0, dependencies.messageMaxChars);
  const received = await receiveInboundMessage(dependencies, {
    channel,
    identity: { kind: 'bot-framework', address: activity.from.id },
    address: activity.conversation.id,
    providerMessageId: `${activity.conversation.id}:${activity.id ?? text}`,
    text: text === '' ? `[${activity.attachments?.length ?? 0} attachment(s)]` : text,
  });
  // A redelivered activity was answered the first time.
  if (received.duplicate) return;
  // Where to reach this conversation later: a person's reply leaves outside this turn.
  await saveConversationReference(dependencies.db, received.conversation.id, TurnContext.getConversationReference(activity));
  const locale = activity.locale?.toLowerCase().startsWith('nl') ? 'nl' : received.conversation.locale;
  if (text === '') {
    await context.sendActivity({ type: 'message', text: replyTexts[locale].onlyText, locale });
    return;
  }
  const channelData: InboundChannelData = { inboundMessageId: received.messageId, locale, conversationId: received.conversation.id, channel };
  activity.channelData = channelData;
  await dependencies.bot.run(context);
}
