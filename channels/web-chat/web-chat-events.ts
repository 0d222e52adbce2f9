import type { WebChatMessage } from './web-chat-message.js';

/** Receives the new outbound messages of one conversation while its event stream is open. */
export interface WebChatSubscriber {
  onMessage(message: WebChatMessage): void;
  /** The publisher is closing (shutdown): end the stream so the client reconnects elsewhere. */
  onClose(): void;
}

/**
 * Tells open web-chat event streams about new outbound messages. Publish a
 * message only after it is stored: a stream that was not open at the time
 * catches up from the database with `Last-Event-ID`, so publishing is a
 * best-effort speed-up, never the only copy.
 */
export interface WebChatEvents {
  publish(conversationId: string, message: WebChatMessage): void;
  /** Returns a function that ends the subscription. */
  subscribe(conversationId: string, subscriber: WebChatSubscriber): () => void;
  /** Ends every subscription, so that open streams let a server shut down promptly. */
  close(): void;
}
