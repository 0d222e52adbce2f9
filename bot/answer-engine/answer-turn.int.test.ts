import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestApp, type TestApp } from '../../test-support/start-test-app.js';

interface Reply {
  text: string;
  decision: string;
  citations: { articleId: string }[];
}

type AnswerRow = {
  question: string;
  standalone_question: string;
  locale: string;
  decision: string;
  reasons: string[];
  pii_kinds: string[];
  guards: { guard: string; verdict: string }[];
  handoff: { skill: string; priority: string; topic?: string } | null;
};

describe('a customer turn through the input guards', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function send(text: string, extra: Record<string, unknown> = {}, token?: string) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const { status, body } = await postJson(`${app.baseUrl}/api/web-chat/messages`, { text, locale: 'en', ...extra }, headers);
    expect(status).toBe(200);
    const conversationId = body.conversationId as string;
    const [answer] = await app.db.query<AnswerRow>(
      `SELECT question, standalone_question, locale, decision, reasons, pii_kinds, guards, handoff
       FROM answers WHERE conversation_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [conversationId],
    );
    return { conversationId, token: String(body.conversationToken), reply: (body.replies as Reply[])[0], answer };
  }

  it('stores and logs only the redacted message, and still answers the question', async () => {
    const card = '4111 1111 1111 1111';
    const { conversationId, reply, answer } = await send(`How long does a SEPA transfer take? My card is ${card} and my email jan@example.nl`);
    expect(reply?.decision).toBe('answer');
    expect(answer?.question).toBe('How long does a SEPA transfer take? My card is [card] and my email [email]');
    expect(answer?.pii_kinds).toEqual(['card', 'email']);
    const stored = await app.db.query<{ text: string }>('SELECT text FROM messages WHERE conversation_id = $1', [conversationId]);
    const everything = JSON.stringify([stored, await app.db.query('SELECT * FROM answers'), await app.db.query('SELECT * FROM audit_log'), app.logs]);
    expect(everything).not.toContain(card);
    expect(everything).not.toContain('4111111111111111');
    expect(everything).not.toContain('jan@example.nl');
  });

  it('reads a follow-up together with the previous question of the conversation', async () => {
    const first = await send('How much does a replacement card cost?');
    expect(first.reply?.decision).toBe('answer');
    const followUp = await send('and how long does delivery take?', { conversationId: first.conversationId }, first.token);
    expect(followUp.answer?.standalone_question).toBe('How much does a replacement card cost? and how long does delivery take?');
    expect(followUp.reply?.citations.map((citation) => citation.articleId)).toContain('replacement-card-delivery');
  });

  it('hands a restricted topic to its skill at its priority, before any retrieval', async () => {
    const { reply, answer } = await send('My father passed away last week, what happens to his accounts?');
    expect(reply?.decision).toBe('handoff');
    expect(answer?.reasons).toEqual(['restricted_topic']);
    expect(answer?.handoff).toEqual({ skill: 'bereavement', priority: 'normal', topic: 'bereavement' });
  });

  it('hands over when the customer asks for a person', async () => {
    const { reply, answer } = await send('I want to talk to a real person please');
    expect(reply?.decision).toBe('handoff');
    expect(answer?.reasons).toEqual(['human_requested']);
  });

  it('answers in the language the customer writes in, whatever the conversation started with', async () => {
    const { reply, answer } = await send('Hoe lang duurt een overboeking naar een andere bank?');
    expect(answer?.locale).toBe('nl');
    expect(reply?.decision).toBe('answer');
    expect(reply?.citations.every((citation) => citation.articleId.endsWith('-nl'))).toBe(true);
  });

  it('says which languages it answers in when the message is in another one', async () => {
    const { reply, answer } = await send('Wie lange dauert eine Überweisung auf ein anderes Konto?');
    expect(answer?.reasons).toEqual(['unsupported_language']);
    expect(reply?.text).toMatch(/English and Dutch/);
  });

  it('records every guard’s verdict with the decision', async () => {
    const { answer } = await send('What are the opening hours of the phone line?');
    expect(answer?.guards.map((guard) => guard.guard)).toEqual([
      'pii',
      'prompt_injection',
      'language',
      'human_request',
      'restricted_topic',
      'passage_injection',
      'citation_gate',
      'system_prompt_leak',
      'personal_data',
      'figures',
      'support',
    ]);
  });
});
