import type { Citation, Decision } from '../../bot/answer-engine/answer-outcome.js';

/** Who wrote a web-chat message: the customer, the assistant, or a human expert. */
export type WebChatAuthor = 'customer' | 'bot' | 'expert';

/**
 * One stored message of a web-chat conversation as the widget shows it, in
 * the conversation history and on the event stream. `id` is the message's
 * database id, so it doubles as the server-sent event id for `Last-Event-ID`.
 */
export interface WebChatMessage {
  id: string;
  author: WebChatAuthor;
  text: string;
  /** Only on the assistant's messages: what it decided to do with the question. */
  decision?: Decision;
  /** The articles the message quotes; empty for customer and expert messages and for handoffs. */
  citations: Citation[];
}
