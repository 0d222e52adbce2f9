import { z } from 'zod';
import type { ChannelDriver, Reply, SendResult } from './channel-driver.js';
import type { ChannelTestApp } from './start-channel-test-app.js';

const webChatResponseSchema = z.object({
  conversationId: z.string(),
  conversationToken: z.string().optional(),
  replies: z.array(
    z.object({
      id: z.string().optional(),
      text: z.string(),
      decision: z.enum(['answer', 'clarify', 'handoff']),
      citations: z.array(z.object({ articleId: z.string() })),
    }),
  ),
});

interface OpenConversation {
  conversationId: string;
  token: string;
  /** Replies by stored message id: a retried request returns the same reply, which the widget shows once. */
  replies: Map<string, Reply>;
}

/**
 * The web-chat widget's API: the first message opens a conversation and
 * returns its token, follow-ups carry `conversationId` and
 * `Authorization: Bearer <token>`. A "sender" is one browser tab's
 * conversation; the replies come back in the HTTP response, with decision and
 * citations, and are kept per stored message id.
 */
export function createWebChatDriver(harness: ChannelTestApp): ChannelDriver {
  const url = `${harness.app.baseUrl}/api/web-chat/messages`;
  const conversations = new Map<string, OpenConversation>();
  let senders = 0;
  let unnamedReplies = 0;

  /** Resolves once the whole response is read: the replies are in it. */
  async function post(body: unknown, token: string | undefined): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  async function send(text: string, sender: string, messageId: string | undefined, token?: string): Promise<SendResult> {
    const open = conversations.get(sender);
    const response = await post(
      { text, ...(open ? { conversationId: open.conversationId } : {}), ...(messageId === undefined ? {} : { clientMessageId: messageId }) },
      token ?? open?.token,
    );
    if (response.status !== 200) return { status: response.status };
    const receivedAt = new Date();
    const body = webChatResponseSchema.parse(response.body);
    const conversation = open ?? { conversationId: body.conversationId, token: body.conversationToken ?? '', replies: new Map<string, Reply>() };
    conversations.set(sender, conversation);
    for (const reply of body.replies) {
      conversation.replies.set(reply.id ?? `unnamed-${(unnamedReplies += 1)}`, {
        text: reply.text,
        decision: reply.decision,
        citedArticleIds: reply.citations.map((citation) => citation.articleId),
        receivedAt,
      });
    }
    return { status: response.status };
  }

  const newSender = () => `web-visitor-${(senders += 1)}`;
  return {
    name: 'web-chat',
    expects: {
      acceptedStatus: 200,
      // The widget cannot send an empty message; the API refuses one with the field named.
      emptyText: 'rejected',
      // The API states its limit (MESSAGE_MAX_CHARS) and refuses longer text rather than cutting what the visitor typed.
      longText: 'rejected',
      isRejected: (status) => status === 400,
      // A wrong token answers exactly like an unknown conversation.
      badSignature: { status: 404 },
    },
    newSender,
    // Web chat is anonymous: the conversation token is the visitor's only identity, and no customer record is made.
    identityOf: () => undefined,
    send: (text, options = {}) => send(text, options.sender ?? newSender(), options.messageId),
    async sendMalformed() {
      const response = await post({ text: 42, unexpected: true }, undefined);
      return { status: response.status };
    },
    async sendWithBadSignature(text, options = {}) {
      const sender = options.sender ?? newSender();
      // A wrong token needs a conversation to be wrong about.
      if (!conversations.has(sender)) await send('Hello', sender, undefined);
      return send(text, sender, options.messageId, 'not-the-token-of-this-conversation');
    },
    // The replies came back in the HTTP responses already: there is nothing to settle.
    async repliesTo(sender) {
      return [...(conversations.get(sender)?.replies.values() ?? [])];
    },
  };
}
