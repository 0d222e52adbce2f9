import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../test-support/start-test-app.js';
import { startWebChatTestApp, type WebChatTestApp } from './start-web-chat-test-app.js';

const hostPage = 'https://www.lumenbank.example';

interface Opened {
  conversationId: string;
  token: string;
  replyId: string;
}

describe('web-chat conversation access', () => {
  let app: WebChatTestApp;
  const url = (path: string) => `${app.baseUrl}${path}`;
  const historyUrl = (conversationId: string) => url(`/api/web-chat/conversations/${conversationId}/messages`);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function open(text = 'I forgot my PIN code'): Promise<Opened> {
    const { status, body } = await postJson(url('/api/web-chat/messages'), { text });
    expect(status).toBe(200);
    const [reply] = body.replies as { id: string }[];
    return { conversationId: body.conversationId as string, token: body.conversationToken as string, replyId: reply?.id ?? '' };
  }

  beforeAll(async () => {
    app = await startWebChatTestApp({ allowedOrigins: [hostPage] });
  });
  afterAll(async () => {
    await app.close();
  });

  describe('the conversation token', () => {
    it('lets its holder continue the conversation', async () => {
      const { conversationId, token } = await open();
      const { status } = await postJson(url('/api/web-chat/messages'), { text: 'How fast does an instant payment arrive?', conversationId }, bearer(token));
      expect(status).toBe(200);
    });

    it('is required to continue a conversation, and its absence looks like an unknown conversation', async () => {
      const { conversationId } = await open();
      const { status, body } = await postJson(url('/api/web-chat/messages'), { text: 'And my card?', conversationId });
      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: 'not_found', message: `conversation "${conversationId}" not found` });
    });

    it("of another conversation gets 404 for posting, history and events", async () => {
      const mine = await open();
      const theirs = await open('How do I block my card?');
      const post = await postJson(url('/api/web-chat/messages'), { text: 'Show me', conversationId: theirs.conversationId }, bearer(mine.token));
      expect(post.status).toBe(404);
      const history = await fetch(historyUrl(theirs.conversationId), { headers: bearer(mine.token) });
      expect(history.status).toBe(404);
      const events = await fetch(url(`/api/web-chat/conversations/${theirs.conversationId}/events?token=${mine.token}`));
      expect(events.status).toBe(404);
      // Nothing was written to their conversation.
      const [row] = await app.db.query<{ count: number }>('SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1', [
        theirs.conversationId,
      ]);
      expect(row?.count).toBe(2);
    });

    it('answers a wrong token and an unknown conversation alike', async () => {
      const { token } = await open();
      const unknown = '00000000-0000-4000-8000-000000000000';
      const history = await fetch(historyUrl(unknown), { headers: bearer(token) });
      expect(history.status).toBe(404);
      expect(((await history.json()) as { error: { message: string } }).error.message).toBe(`conversation "${unknown}" not found`);
    });
  });

  describe('GET /api/web-chat/conversations/:id/messages', () => {
    it('returns the customer and bot messages in order, with citations on answers and the disclosure', async () => {
      const { conversationId, token, replyId } = await open();
      const follow = await postJson(
        url('/api/web-chat/messages'),
        { text: 'What is the capital of Mongolia?', conversationId },
        bearer(token),
      );
      const response = await fetch(historyUrl(conversationId), { headers: bearer(token) });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as {
        disclosure: string;
        messages: { id: string; author: string; text: string; decision?: string; citations: { url: string }[] }[];
      };
      expect(body.disclosure).toMatch(/automated assistant/);
      expect(body.messages.map((message) => [message.author, message.decision])).toEqual([
        ['customer', undefined],
        ['bot', 'answer'],
        ['customer', undefined],
        ['bot', 'handoff'],
      ]);
      expect(body.messages[0]?.text).toBe('I forgot my PIN code');
      expect(body.messages[1]?.id).toBe(replyId);
      expect(body.messages[1]?.citations[0]?.url).toMatch(/^https:\/\/help\.lumenbank\.example\//);
      expect(body.messages[3]).toMatchObject({ id: (follow.body.replies as { id: string }[])[0]?.id, citations: [] });
    });

    it('needs the token in the Authorization header, not the query string', async () => {
      const { conversationId, token } = await open();
      expect((await fetch(`${historyUrl(conversationId)}?token=${token}`)).status).toBe(404);
    });
  });

  describe('origin allow-list', () => {
    it('answers a preflight from an allowed origin', async () => {
      const response = await fetch(url('/api/web-chat/messages'), {
        method: 'OPTIONS',
        headers: { origin: hostPage, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(hostPage);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(response.headers.get('vary')).toContain('Origin');
    });

    it('adds CORS headers to the replies for an allowed origin', async () => {
      const { status, headers } = await postJson(url('/api/web-chat/messages'), { text: 'I forgot my PIN code' }, { origin: hostPage });
      expect(status).toBe(200);
      expect(headers.get('access-control-allow-origin')).toBe(hostPage);
    });

    it('refuses a preflight and a request from any other origin with 403', async () => {
      const preflight = await fetch(url('/api/web-chat/messages'), {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const { status, body } = await postJson(url('/api/web-chat/messages'), { text: 'I forgot my PIN code' }, { origin: 'https://evil.example' });
      expect(status).toBe(403);
      expect(body.error).toMatchObject({ code: 'origin_not_allowed' });
    });

    it('refuses another origin before anything is stored', async () => {
      const [before] = await app.db.query<{ count: number }>('SELECT count(*)::int AS count FROM conversations');
      await postJson(url('/api/web-chat/messages'), { text: 'I forgot my PIN code' }, { origin: 'http://127.0.0.1:1' });
      const [after] = await app.db.query<{ count: number }>('SELECT count(*)::int AS count FROM conversations');
      expect(after?.count).toBe(before?.count);
    });

    it("lets the service's own pages in without CORS headers", async () => {
      const { status, headers } = await postJson(url('/api/web-chat/messages'), { text: 'I forgot my PIN code' }, { origin: app.baseUrl });
      expect(status).toBe(200);
      expect(headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('GET /widget.js', () => {
    it('serves the widget as JavaScript that other sites may load and cache briefly', async () => {
      const response = await fetch(url('/widget.js'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(response.headers.get('etag')).toBeTruthy();
      expect(await response.text()).toContain('attachShadow');
    });

    it('answers a revalidation with 304', async () => {
      const first = await fetch(url('/widget.js'));
      // Not fetch: it adds Cache-Control: no-cache to conditional requests, as the Fetch standard says.
      const status = await new Promise<number | undefined>((resolve, reject) => {
        get(url('/widget.js'), { headers: { 'if-none-match': first.headers.get('etag') ?? '' } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        }).on('error', reject);
      });
      expect(status).toBe(304);
    });
  });
});
