import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../test-support/start-test-app.js';
import { startWebChatTestApp, type WebChatTestApp } from './start-web-chat-test-app.js';

interface SmokeCase {
  id: string;
  locale: 'en' | 'nl';
  turns: { role: 'customer'; text: string }[];
  expect: { decision: 'answer' | 'handoff'; articles?: string[]; facts?: string[] };
}

interface Reply {
  id: string;
  text: string;
  decision: 'answer' | 'handoff';
  citations: { articleId: string; title: string; url: string }[];
}

const smokeCases: SmokeCase[] = readFileSync(new URL('../../evals/datasets/foundation-smoke.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SmokeCase);

describe('POST /api/web-chat/messages', () => {
  let app: WebChatTestApp;
  const messagesUrl = () => `${app.baseUrl}/api/web-chat/messages`;
  beforeAll(async () => {
    app = await startWebChatTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it.each(smokeCases)('$id: $expect.decision', async (smoke) => {
    const { status, body } = await postJson(messagesUrl(), { text: smoke.turns[0]?.text, locale: smoke.locale });
    expect(status).toBe(200);
    const [reply] = body.replies as Reply[];
    expect(reply?.decision).toBe(smoke.expect.decision);
    if (smoke.expect.decision === 'answer') {
      expect(reply?.citations.length).toBeGreaterThan(0);
      expect(reply?.citations.map((citation) => citation.articleId)).toEqual(expect.arrayContaining(smoke.expect.articles ?? []));
      for (const fact of smoke.expect.facts ?? []) expect(reply?.text).toContain(fact);
    } else {
      expect(reply?.citations).toEqual([]);
      expect(reply?.text).toMatch(/service team/);
    }
  });

  it('quotes every answer sentence from an approved article it cites', async () => {
    const { body } = await postJson(messagesUrl(), { text: 'How fast does an instant payment arrive?' });
    const [reply] = body.replies as Reply[];
    const articles = await app.db.query<{ body: string; status: string }>(
      'SELECT body, status FROM served_article_versions WHERE article_id = ANY($1)',
      [reply?.citations.map((citation) => citation.articleId)],
    );
    expect(articles.every((article) => article.status === 'approved')).toBe(true);
    const sources = articles.map((article) => article.body).join('\n');
    expect(reply?.text.length).toBeGreaterThan(0);
    expect(sources.replace(/\s+/g, ' ')).toContain(reply?.text.split(/(?<=\.) /)[0]);
  });

  it('opens a conversation with a token for it, and gives each reply the id of its stored message', async () => {
    const { body } = await postJson(messagesUrl(), { text: 'I forgot my PIN code' });
    expect(body.conversationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [reply] = body.replies as Reply[];
    const [stored] = await app.db.query<{ id: string }>(
      "SELECT id FROM messages WHERE conversation_id = $1 AND direction = 'outbound'",
      [body.conversationId],
    );
    expect(reply?.id).toBe(stored?.id);
  });

  it('discloses the assistant as automated on its first reply only', async () => {
    const first = await postJson(messagesUrl(), { text: 'I forgot my PIN code' });
    expect(first.body.disclosure).toMatch(/automated assistant/);
    const second = await postJson(
      messagesUrl(),
      { text: 'How fast does an instant payment arrive?', conversationId: first.body.conversationId },
      { authorization: `Bearer ${first.body.conversationToken as string}` },
    );
    expect(second.body.conversationId).toBe(first.body.conversationId);
    expect(second.body.disclosure).toBeUndefined();
    expect(second.body).not.toHaveProperty('conversationToken');
  });

  it('stores the conversation, both messages with their authors, the decision and audit entries', async () => {
    const { body } = await postJson(messagesUrl(), { text: 'I forgot my PIN code' });
    const conversationId = body.conversationId as string;
    const messages = await app.db.query<{ direction: string; author_type: string; text: string }>(
      'SELECT direction, author_type, text FROM messages WHERE conversation_id = $1 ORDER BY created_at, direction',
      [conversationId],
    );
    expect(messages).toEqual([
      { direction: 'inbound', author_type: 'customer', text: 'I forgot my PIN code' },
      { direction: 'outbound', author_type: 'bot', text: (body.replies as Reply[])[0]?.text },
    ]);
    const [answer] = await app.db.query<{ decision: string; kb_version: string; generator: string; citations: unknown[] }>(
      'SELECT decision, kb_version, generator, citations FROM answers WHERE conversation_id = $1',
      [conversationId],
    );
    expect(answer).toMatchObject({ decision: 'answer', generator: 'extractive-v1' });
    expect(answer?.kb_version).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(answer?.citations.length).toBeGreaterThan(0);
    const audit = await app.db.query<{ action: string; actor_type: string }>(
      "SELECT action, actor_type FROM audit_log WHERE details->>'conversationId' = $1 ORDER BY id",
      [conversationId],
    );
    expect(audit).toEqual([
      { action: 'message.received', actor_type: 'customer' },
      { action: 'answer.sent', actor_type: 'bot' },
    ]);
  });

  it('answers a repeated client message id once and replays the same reply', async () => {
    const first = await postJson(messagesUrl(), { text: 'I forgot my PIN code', clientMessageId: 'client-1' });
    const conversationId = first.body.conversationId as string;
    const authorization = { authorization: `Bearer ${first.body.conversationToken as string}` };
    const again = await postJson(messagesUrl(), { text: 'I forgot my PIN code', clientMessageId: 'client-1', conversationId }, authorization);
    const third = await postJson(messagesUrl(), { text: 'I forgot my PIN code', clientMessageId: 'client-1', conversationId }, authorization);
    expect(again.status).toBe(200);
    expect((again.body.replies as Reply[])[0]).toEqual((first.body.replies as Reply[])[0]);
    expect(third.body.replies).toEqual(again.body.replies);
    // The first message opened the conversation; the redeliveries add nothing.
    const [row] = await app.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1',
      [conversationId],
    );
    expect(row?.count).toBe(2);
  });

  it('rejects malformed JSON with 400 and a clear message', async () => {
    const { status, body } = await postJson(messagesUrl(), '{"text": "unterminated');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'malformed_json', message: 'The request body is not valid JSON' });
  });

  it('rejects a body over the size limit with 413', async () => {
    const { status, body } = await postJson(messagesUrl(), { text: 'x'.repeat(70_000) });
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: 'payload_too_large' });
    expect((body.error as { message: string }).message).toMatch(/larger than the limit of 65536 bytes/);
  });

  it('names each invalid field', async () => {
    const { status, body } = await postJson(messagesUrl(), { text: '   ', colour: 'blue' });
    expect(status).toBe(400);
    const issues = (body.error as { issues: { path: string; message: string }[] }).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'text', message: 'must not be empty' },
        { path: '(body)', message: 'unknown field(s): colour' },
      ]),
    );
  });

  it('rejects a message longer than the configured maximum', async () => {
    const { status, body } = await postJson(messagesUrl(), { text: 'a'.repeat(2001) });
    expect(status).toBe(400);
    expect((body.error as { message: string }).message).toContain('text must be at most 2000 characters');
  });

  it('answers 404 for an unknown conversation', async () => {
    const { status, body } = await postJson(messagesUrl(), {
      text: 'hello',
      conversationId: '00000000-0000-4000-8000-000000000000',
    }, { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', message: 'conversation "00000000-0000-4000-8000-000000000000" not found' });
  });

  it('returns a request id on every response and in the error body', async () => {
    const { headers, body } = await postJson(messagesUrl(), '{', { 'x-request-id': 'trace-123' });
    expect(headers.get('x-request-id')).toBe('trace-123');
    expect(body.error).toMatchObject({ requestId: 'trace-123' });
  });

  it('never writes customer text to the logs', async () => {
    const secretish = 'my card number is 4111 1111 1111 1111 and I lost it';
    await postJson(messagesUrl(), { text: secretish });
    const serialized = JSON.stringify(app.logs);
    expect(app.logs.length).toBeGreaterThan(0);
    expect(serialized).not.toContain('4111');
    expect(serialized).not.toContain('lost it');
  });
});

describe('health endpoints', () => {
  let app: WebChatTestApp;
  beforeAll(async () => {
    app = await startWebChatTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('/healthz says the process is alive', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz says the database answers and migrations are applied', async () => {
    const response = await fetch(`${app.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: 'pglite', migrations: 'applied' });
  });

  it('/readyz answers 503 when the database is gone', async () => {
    await app.db.close();
    const response = await fetch(`${app.baseUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not_ready' });
  });

  it('serves a help page at / that embeds the chat widget with one script tag', async () => {
    const response = await fetch(`${app.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<script src="/widget.js" data-locale="en" data-open="true" async></script>');
  });
});
