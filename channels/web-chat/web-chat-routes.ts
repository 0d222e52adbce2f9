import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Request, Router } from 'express';
import { z } from 'zod';
import type { AssistantBot } from '../../bot/assistant-bot.js';
import type { Conversation, ConversationStore } from '../../bot/conversations/conversation-store.js';
import { FeatureDisabledError } from '../../bot/errors/feature-disabled-error.js';
import { countRecentInbound } from '../../bot/conversations/recent-inbound-count.js';
import { NotFoundError } from '../../bot/errors/not-found-error.js';
import { TooManyRequestsError } from '../../bot/errors/too-many-requests-error.js';
import { parseBody, parseQuery } from '../../bot/http/parse-body.js';
import { replyTexts } from '../../bot/reply-texts.js';
import type { Db } from '../../db/db.js';
import { createConversationTokens } from './conversation-tokens.js';
import { convertReplyToWebChat, type WebChatResponse } from './convert-reply-to-web-chat.js';
import { convertWebChatMessageToActivity } from './convert-web-chat-message-to-activity.js';
import { WebChatAdapter } from './web-chat-adapter.js';
import { streamWebChatEvents } from './web-chat-event-stream.js';
import type { WebChatEvents } from './web-chat-events.js';
import { createWebChatHistory } from './web-chat-history.js';
import type { WebChatMessage } from './web-chat-message.js';
import { webChatMessageRequestSchema } from './web-chat-message-request.js';
import { normaliseAllowedOrigins, webChatOriginPolicy } from './web-chat-origin-policy.js';

export interface WebChatRoutesDependencies {
  bot: AssistantBot;
  conversations: ConversationStore;
  /** Read-only here: conversation history and event replay. */
  db: Db;
  /** New replies go out on it; other code (human experts) publishes there too. */
  events: WebChatEvents;
  /**
   * Signs conversation tokens: at least 32 characters, and stable across restarts or every open chat is lost.
   * Without one the web-chat API is switched off, not open (like the curation API without its token).
   */
  tokenSecret: string | undefined;
  /** Origins (`https://www.example.nl`) whose pages may embed the widget; empty means the service's own pages only. */
  allowedOrigins: readonly string[];
  messageMaxChars: number;
  /** Messages one customer may send in a minute; more get 429 (0 or absent: no limit). */
  customerMessagesPerMinute?: number;
  defaultLocale: 'en' | 'nl';
  now?: () => Date;
  /** Interval of the comments that keep an idle event stream open through proxies. */
  heartbeatMs?: number;
}

const channel = 'web-chat';
const widgetFile = fileURLToPath(new URL('../../web/widget.js', import.meta.url));
const eventStreamQuerySchema = z.object({ token: z.string().optional(), lastEventId: z.string().max(200).optional() });

/**
 * The web-chat API and the widget script:
 * - `GET /widget.js`: the embeddable widget.
 * - `POST /api/web-chat/messages`: one customer message in, the bot's replies out
 *   (the first one opens a conversation and returns its `conversationToken`).
 * - `GET /api/web-chat/conversations/:id/messages`: the history.
 * - `GET /api/web-chat/conversations/:id/events`: new replies as server-sent events.
 * Every request about an existing conversation must carry its token.
 */
export function createWebChatRoutes(dependencies: WebChatRoutesDependencies): Router {
  const router = Router();
  router.get('/widget.js', (_request, response) => {
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // Other sites embed the script; a short max-age lets fixes reach them, and the ETag keeps revalidation cheap.
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.sendFile(widgetFile, { maxAge: '5m', etag: true, lastModified: true });
  });
  if (dependencies.tokenSecret === undefined) {
    // Switched off, not open: without tokens nothing would keep one conversation from another.
    router.use('/api/web-chat', () => {
      throw new FeatureDisabledError('Web chat is disabled; set WEB_CHAT_TOKEN_SECRET to enable it');
    });
    return router;
  }

  const adapter = new WebChatAdapter();
  const schema = webChatMessageRequestSchema(dependencies.messageMaxChars);
  const now = dependencies.now ?? (() => new Date());
  const tokens = createConversationTokens(dependencies.tokenSecret);
  const history = createWebChatHistory(dependencies.db);
  const heartbeatMs = dependencies.heartbeatMs ?? 15_000;

  /** A wrong token answers exactly like an unknown conversation, and is checked before the database is asked. */
  async function findConversation(conversationId: string, token: string | undefined): Promise<Conversation> {
    const conversation = tokens.verify(conversationId, token) ? await dependencies.conversations.find(conversationId) : undefined;
    if (!conversation || conversation.channel !== channel) throw new NotFoundError('conversation', conversationId);
    return conversation;
  }

  router.use('/api/web-chat', webChatOriginPolicy(normaliseAllowedOrigins(dependencies.allowedOrigins)));

  router.post('/api/web-chat/messages', async (request, response) => {
    const body = parseBody(schema, request.body);
    const conversation = body.conversationId
      ? await findConversation(body.conversationId, bearerToken(request))
      : await dependencies.conversations.create({ channel, locale: body.locale ?? dependencies.defaultLocale });
    const opened = body.conversationId ? {} : { conversationToken: tokens.issue(conversation.id) };
    const limit = dependencies.customerMessagesPerMinute ?? 0;
    if (body.conversationId && limit > 0 && (await countRecentInbound(dependencies.db, conversation)) >= limit) {
      throw new TooManyRequestsError(`At most ${limit} messages a minute; please wait a moment before sending more`, 60);
    }

    const providerMessageId = body.clientMessageId ? `${conversation.id}:${body.clientMessageId}` : randomUUID();
    const inbound = await dependencies.conversations.recordInbound({
      conversationId: conversation.id,
      channel,
      providerMessageId,
      text: body.text,
    });
    if (inbound.duplicate) {
      const stored = await history.repliesTo(inbound.messageId);
      if (stored.length > 0) {
        const replies = stored.flatMap(({ id, text, decision, citations }) => (decision ? [{ id, text, decision, citations }] : []));
        response.json({ conversationId: conversation.id, replies } satisfies WebChatResponse);
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
    const stored = await history.repliesTo(inbound.messageId);
    for (const message of stored) dependencies.events.publish(conversation.id, message);
    const { conversationId, ...rest } = withMessageIds(convertReplyToWebChat(conversation.id, outgoing), stored);
    response.json({ conversationId, ...opened, ...rest } satisfies WebChatResponse);
  });

  router.get('/api/web-chat/conversations/:conversationId/messages', async (request, response) => {
    const conversation = await findConversation(request.params.conversationId, bearerToken(request));
    const messages = await history.list(conversation.id);
    const disclosed = messages.some((message) => message.author === 'bot');
    response.setHeader('Cache-Control', 'no-store');
    response.json({
      conversationId: conversation.id,
      ...(disclosed ? { disclosure: replyTexts[conversation.locale].disclosure } : {}),
      messages,
    });
  });

  router.get('/api/web-chat/conversations/:conversationId/events', async (request, response) => {
    // EventSource cannot send an Authorization header, nor Last-Event-ID on its first request: hence the query.
    const query = parseQuery(eventStreamQuerySchema, request.query);
    const conversation = await findConversation(request.params.conversationId, bearerToken(request) ?? query.token);
    await streamWebChatEvents(response, {
      conversationId: conversation.id,
      lastEventId: request.get('last-event-id') ?? query.lastEventId,
      events: dependencies.events,
      history,
      heartbeatMs,
    });
  });

  return router;
}

function bearerToken(request: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.get('authorization') ?? '')?.[1];
}

/** Gives each reply the id of its stored message, matched by text, so the widget can tell a streamed copy from it. */
function withMessageIds(response: WebChatResponse, stored: readonly WebChatMessage[]): WebChatResponse {
  const unmatched = [...stored];
  return {
    ...response,
    replies: response.replies.map((reply) => {
      const index = unmatched.findIndex((message) => message.text === reply.text);
      if (index === -1) return reply;
      const [message] = unmatched.splice(index, 1);
      return message ? { id: message.id, ...reply } : reply;
    }),
  };
}
