import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../test-support/start-test-app.js';
import { startWebChatTestApp, type WebChatTestApp } from './start-web-chat-test-app.js';
import type { WebChatMessage } from './web-chat-message.js';

interface ServerSentEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A raw HTTP reader of an event stream: what a browser's EventSource receives, parsed by hand. */
interface EventStreamReader {
  status: number;
  headers: IncomingMessage['headers'];
  events: ServerSentEvent[];
  comments: string[];
  /** Settles when the server ends the stream. */
  ended: Promise<void>;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

function readEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const events: ServerSentEvent[] = [];
      const comments: string[] = [];
      let buffer = '';
      const waiters = new Set<() => void>();
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: ServerSentEvent = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) event.data = line.slice(6);
          }
          if (event.data !== undefined) events.push(event);
        }
        for (const waiter of waiters) waiter();
      });
      const ended = new Promise<void>((done) => response.on('close', done));
      response.on('error', () => {});
      resolve({
        ended,
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        comments,
        waitFor(predicate, timeoutMs = 10_000) {
          return new Promise<void>((done, fail) => {
            if (predicate()) return done();
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`timed out; events so far: ${JSON.stringify(events)}`));
            }, timeoutMs);
            const check = () => {
              if (!predicate()) return;
              clearTimeout(timer);
              waiters.delete(check);
              done();
            };
            waiters.add(check);
          });
        },
        close() {
          request.destroy();
        },
      });
    });
    request.on('error', reject);
    request.end();
  });
}

const messagesOf = (reader: EventStreamReader) => reader.events.map((event) => JSON.parse(event.data ?? '') as WebChatMessage);

describe('GET /api/web-chat/conversations/:id/events', () => {
  let app: WebChatTestApp;
  const readers: EventStreamReader[] = [];
  const url = (path: string) => `${app.baseUrl}${path}`;
  const eventsUrl = (conversationId: string, token: string) => url(`/api/web-chat/conversations/${conversationId}/events?token=${token}`);
  const stream = async (target: string, headers: Record<string, string> = {}) => {
    const reader = await readEventStream(target, headers);
    readers.push(reader);
    return reader;
  };
  const say = (text: string, conversationId: string, token: string) =>
    postJson(url('/api/web-chat/messages'), { text, conversationId }, { authorization: `Bearer ${token}` });

  async function open() {
    const { body } = await postJson(url('/api/web-chat/messages'), { text: 'I forgot my PIN code' });
    const [reply] = body.replies as { id: string }[];
    return { conversationId: body.conversationId as string, token: body.conversationToken as string, firstReplyId: reply?.id ?? '' };
  }

  beforeAll(async () => {
    app = await startWebChatTestApp({ heartbeatMs: 100 });
  });
  afterAll(async () => {
    for (const reader of readers) reader.close();
    await app.close();
  });

  it('streams the reply to a new message as an event named message, with its id', async () => {
    const { conversationId, token } = await open();
    const reader = await stream(eventsUrl(conversationId, token));
    expect(reader.status).toBe(200);
    expect(reader.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(reader.headers['cache-control']).toBe('no-store');

    const { body } = await say('How fast does an instant payment arrive?', conversationId, token);
    await reader.waitFor(() => reader.events.length === 1);
    const [event] = reader.events;
    const [reply] = body.replies as { id: string; text: string }[];
    expect(event).toMatchObject({ id: reply?.id, event: 'message' });
    expect(messagesOf(reader)[0]).toMatchObject({ id: reply?.id, author: 'bot', text: reply?.text, decision: 'answer' });
    expect(messagesOf(reader)[0]?.citations.length).toBeGreaterThan(0);
  });

  it('accepts the token in the Authorization header too', async () => {
    const { conversationId, token } = await open();
    const reader = await stream(url(`/api/web-chat/conversations/${conversationId}/events`), { authorization: `Bearer ${token}` });
    expect(reader.status).toBe(200);
  });

  it('delivers what other code publishes, such as an expert reply', async () => {
    const { conversationId, token } = await open();
    const reader = await stream(eventsUrl(conversationId, token));
    await reader.waitFor(() => reader.comments.length > 0);
    app.events.publish(conversationId, { id: 'expert-1', author: 'expert', text: 'I have blocked your card.', citations: [] });
    await reader.waitFor(() => reader.events.length === 1);
    expect(messagesOf(reader)).toEqual([{ id: 'expert-1', author: 'expert', text: 'I have blocked your card.', citations: [] }]);
  });

  it("does not deliver another conversation's replies", async () => {
    const mine = await open();
    const theirs = await open();
    const reader = await stream(eventsUrl(mine.conversationId, mine.token));
    await say('How fast does an instant payment arrive?', theirs.conversationId, theirs.token);
    await reader.waitFor(() => reader.comments.length >= 2);
    expect(reader.events).toEqual([]);
  });

  it('replays the replies missed since Last-Event-ID on reconnect, then goes on live', async () => {
    const { conversationId, token, firstReplyId } = await open();
    const first = await stream(eventsUrl(conversationId, token));
    const second = await say('How fast does an instant payment arrive?', conversationId, token);
    await first.waitFor(() => first.events.length === 1);
    const seen = first.events[0]?.id ?? '';
    first.close();

    // While the customer is disconnected, two more replies are stored.
    const third = await say('How do I block my card?', conversationId, token);
    const fourth = await say('What does a replacement card cost?', conversationId, token);

    const reconnected = await stream(eventsUrl(conversationId, token), { 'last-event-id': seen });
    await reconnected.waitFor(() => reconnected.events.length === 2);
    const missed = [third, fourth].map((response) => (response.body.replies as { id: string }[])[0]?.id);
    expect(reconnected.events.map((event) => event.id)).toEqual(missed);
    expect(seen).toBe((second.body.replies as { id: string }[])[0]?.id);
    expect(reconnected.events.map((event) => event.id)).not.toContain(firstReplyId);

    const fifth = await say('I forgot my PIN code', conversationId, token);
    await reconnected.waitFor(() => reconnected.events.length === 3);
    expect(reconnected.events[2]?.id).toBe((fifth.body.replies as { id: string }[])[0]?.id);
  });

  it('replays from the lastEventId query parameter on a first connection', async () => {
    const { conversationId, token, firstReplyId } = await open();
    const next = await say('How fast does an instant payment arrive?', conversationId, token);
    const reader = await stream(`${eventsUrl(conversationId, token)}&lastEventId=${firstReplyId}`);
    await reader.waitFor(() => reader.events.length === 1);
    expect(reader.events[0]?.id).toBe((next.body.replies as { id: string }[])[0]?.id);
  });

  it('sends heartbeat comments while idle', async () => {
    const { conversationId, token } = await open();
    const reader = await stream(eventsUrl(conversationId, token));
    await reader.waitFor(() => reader.comments.filter((comment) => comment === 'heartbeat').length >= 2);
  });

  it('ends open streams when the publisher closes, so the server can shut down', async () => {
    const { conversationId, token } = await open();
    const reader = await stream(eventsUrl(conversationId, token));
    await reader.waitFor(() => reader.comments.length > 0);
    // Last in this file: the app's publisher stays closed.
    app.events.close();
    await reader.ended;
  });
});
