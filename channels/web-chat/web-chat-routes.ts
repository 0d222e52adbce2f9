import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { AssistantBot } from '../../bot/assistant-bot.js';
import type { ConversationStore } from '../../bot/conversations/conversation-store.js';
import { NotFoundError } from '../../bot/errors/not-found-error.js';
import { parseBody } from '../../bot/http/parse-body.js';
import { convertReplyToWebChat, type WebChatResponse } from './convert-reply-to-web-chat.js';
import { convertWebChatMessageToActivity } from './convert-web-chat-message-to-activity.js';
import { WebChatAdapter } from './web-chat-adapter.js';
import { webChatMessageRequestSchema } from './web-chat-message-request.js';

export interface WebChatRoutesDependencies {
  bot: AssistantBot;
  conversations: ConversationStore;
  messageMaxChars: number;
  defaultLocale: 'en' | 'nl';
  now?: () => Date;
}

const channel = 'web-chat';

/** `POST /api/web-chat/messages`: one customer message in, the bot's replies out. */
export function createWebChatRoutes(dependencies: WebChatRoutesDependencies): Router {
  const router = Router();
  const adapter = new WebChatAdapter();
  const schema = webChatMessageRequestSchema(dependencies.messageMaxChars);
  const now = dependencies.now ?? (() => new Date());

  router.post('/api/web-chat/messages', async (request, response) => {
    const body = parseBody(schema, request.body);
    const conversation = body.conversationId
      ? await dependencies.conversations.find(body.conversationId)
      : await dependencies.conversations.create({ channel, locale: body.locale ?? dependencies.defaultLocale });
    if (!conversation || conversation.channel !== channel) throw new NotFoundError('conversation', body.conversationId ?? '');

    const providerMessageId = body.clientMessageId ? `${conversation.id}:${body.clientMessageId}` : randomUUID();
    const inbound = await dependencies.conversations.recordInbound({
      conversationId: conversation.id,
      channel,
      providerMessageId,
      text: body.text,
    });
    if (inbound.duplicate) {
      const stored = await dependencies.conversations.findReplyTo(inbound.messageId);
      if (stored) {
        response.json({ conversationId: conversation.id, replies: [stored] } satisfies WebChatResponse);
        return;
      }
    }

    const activity = convertWebChatMessageToActivity({
      conversationId: conversation.id,
      messageId: inbound.messageId,
      providerMessageId,
      text: body.text,
      locale: body.locale ?? conversation.locale,
      receivedAt: now(),
    });
    const outgoing = await adapter.handleTurn(activity, (context) => dependencies.bot.run(context));
    response.json(convertReplyToWebChat(conversation.id, outgoing));
  });

  return router;
}
