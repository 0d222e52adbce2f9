import type { Response } from 'express';
import type { WebChatEvents } from './web-chat-events.js';
import type { WebChatHistory } from './web-chat-history.js';
import type { WebChatMessage } from './web-chat-message.js';

export interface WebChatEventStreamOptions {
  conversationId: string;
  /** The last message the client has; replies stored after it are replayed first. */
  lastEventId: string | undefined;
  events: WebChatEvents;
  history: WebChatHistory;
  heartbeatMs: number;
}

/** How long a browser waits before reconnecting a dropped stream. */
const retryMs = 3000;

/** Pure: one message as a server-sent event; its id is what the browser sends back as `Last-Event-ID`. */
export function formatMessageEvent(message: WebChatMessage): string {
  // JSON.stringify escapes line breaks, so the data is one line as the format requires.
  return `id: ${message.id}\nevent: message\ndata: ${JSON.stringify(message)}\n\n`;
}

/**
 * Streams a conversation's new replies as server-sent events until the client
 * goes away. It subscribes before reading the database, and holds live events
 * back until the replay is written, so a reply stored during the catch-up is
 * neither lost nor sent twice.
 */
export async function streamWebChatEvents(response: Response, options: WebChatEventStreamOptions): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Connection', 'keep-alive');
  // Tells nginx-style proxies not to buffer the stream.
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  response.write(`retry: ${retryMs}\n\n`);

  // A stream can close while the replay is read; writing to it then would raise an error event.
  const write = (chunk: string) => {
    if (!response.writableEnded && !response.destroyed) response.write(chunk);
  };
  let held: WebChatMessage[] | undefined = [];
  const unsubscribe = options.events.subscribe(options.conversationId, {
    onMessage(message) {
      if (held) held.push(message);
      else write(formatMessageEvent(message));
    },
    onClose() {
      response.end();
    },
  });
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
  response.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });

  const replayed = new Set<string>();
  try {
    if (options.lastEventId !== undefined) {
      for (const message of await options.history.repliesAfter(options.conversationId, options.lastEventId)) {
        replayed.add(message.id);
        write(formatMessageEvent(message));
      }
    }
  } catch {
    // The client reconnects with the same Last-Event-ID and the replay is tried again.
    response.end();
    return;
  }
  for (const message of held) if (!replayed.has(message.id)) write(formatMessageEvent(message));
  held = undefined;
}
