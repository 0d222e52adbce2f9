import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestApp, type TestApp } from '../test-support/start-test-app.js';
import type { CaseDetail, CaseSummary } from './case-store.js';

const token = 'operations-token-0123456789abcdef';
const auth = { authorization: `Bearer ${token}` };

interface Reply {
  text: string;
  decision: string;
}

describe('escalation cases', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ OPERATIONS_API_TOKEN: token });
  });
  afterAll(async () => {
    await app.close();
  });

  async function say(text: string, conversation?: { id: string; token: string }) {
    const { status, body } = await postJson(
      `${app.baseUrl}/api/web-chat/messages`,
      { text, locale: 'en', ...(conversation ? { conversationId: conversation.id } : {}) },
      conversation ? { authorization: `Bearer ${conversation.token}` } : {},
    );
    expect(status).toBe(200);
    return {
      conversation: conversation ?? { id: body.conversationId as string, token: body.conversationToken as string },
      replies: body.replies as Reply[],
    };
  }

  async function caseOf(conversationId: string): Promise<CaseSummary | undefined> {
    const response = await fetch(`${app.baseUrl}/api/cases?status=open`, { headers: auth });
    const { cases } = (await response.json()) as { cases: CaseSummary[] };
    return cases.find((entry) => entry.conversationId === conversationId);
  }

  it('opens a case on a handoff, tells the customer when a person will reply, and stays silent until hand-back', async () => {
    const first = await say('What is the capital of Mongolia?');
    expect(first.replies[0]?.decision).toBe('handoff');
    expect(first.replies[0]?.text).toMatch(/A colleague will reply here (today|tomorrow|on \w+) by \d\d:\d\d\./);

    const opened = await caseOf(first.conversation.id);
    expect(opened).toMatchObject({ status: 'open', channel: 'web-chat', locale: 'en', skill: 'general', priority: 'normal' });
    expect(opened?.reasons.length).toBeGreaterThan(0);

    // One speaker at a time: the customer's next message waits for the person, unanswered by the bot.
    const whileOpen = await say('How long does a SEPA transfer take?', first.conversation);
    expect(whileOpen.replies).toEqual([]);
    const detail = (await (await fetch(`${app.baseUrl}/api/cases/${opened?.id}`, { headers: auth })).json()) as CaseDetail;
    expect(detail.transcript.map((message) => message.author)).toEqual(['customer', 'bot', 'customer']);
    expect(detail.transcript[2]?.text).toBe('How long does a SEPA transfer take?');
    expect(detail.retrieved.length).toBeGreaterThan(0);

    const handBack = await postJson(`${app.baseUrl}/api/cases/${opened?.id}/hand-back`, { actor: 'expert.anna' }, auth);
    expect(handBack.status).toBe(200);
    expect(handBack.body.status).toBe('handed_back');
    const afterHandBack = await say('How long does a SEPA transfer take?', first.conversation);
    expect(afterHandBack.replies[0]?.decision).toBe('answer');

    const audit = await app.db.query<{ action: string; actor_type: string; actor_id: string }>(
      "SELECT action, actor_type, actor_id FROM audit_log WHERE subject_type = 'case' AND subject_id = $1 ORDER BY id",
      [opened?.id],
    );
    expect(audit).toEqual([
      { action: 'case.opened', actor_type: 'bot', actor_id: 'assistant' },
      { action: 'case.handed_back', actor_type: 'expert', actor_id: 'expert.anna' },
    ]);
  });

  it('routes a restricted topic to its skill and priority, and an urgent one first in the queue', async () => {
    const bereavement = await say('My father passed away last week, what happens to his accounts?');
    expect(bereavement.replies[0]?.text).toContain("I'm passing your message to our service team.");
    const fraud = await say('I think I was scammed, there are payments on my account I did not make');
    const [first] = ((await (await fetch(`${app.baseUrl}/api/cases?status=open`, { headers: auth })).json()) as { cases: CaseSummary[] }).cases;
    expect(await caseOf(bereavement.conversation.id)).toMatchObject({ skill: 'bereavement', priority: 'normal', topic: 'bereavement' });
    const fraudCase = await caseOf(fraud.conversation.id);
    expect(fraudCase?.priority).toBe('urgent');
    expect(first?.id).toBe(fraudCase?.id);
  });

  it('keeps the agent-desk API closed without the token and answers 404 for unknown cases', async () => {
    expect((await fetch(`${app.baseUrl}/api/cases`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/cases/nope`, { headers: auth })).status).toBe(404);
    expect((await postJson(`${app.baseUrl}/api/cases/nope/hand-back`, { actor: 'expert.anna' }, auth)).status).toBe(404);
    expect((await postJson(`${app.baseUrl}/api/cases/nope/hand-back`, {}, auth)).status).toBe(400);
  });

  it('hands over when the customer had to be asked to clarify twice in a row', async () => {
    const first = await say('hi');
    expect(first.replies[0]?.decision).toBe('clarify');
    const second = await say('hello?', first.conversation);
    expect(second.replies[0]?.decision).toBe('handoff');
    expect(await caseOf(first.conversation.id)).toMatchObject({ reasons: ['unclear_question', 'repeated_clarification'] });
  });

  it('lets one person hold a case at a time, and resolving it asks the customer for a satisfaction score', async () => {
    const first = await say('What is the capital of Mongolia?');
    const opened = await caseOf(first.conversation.id);
    const url = (action: string) => `${app.baseUrl}/api/cases/${opened?.id}/${action}`;

    expect((await postJson(url('claim'), { expert: 'expert.anna' }, auth)).body).toMatchObject({ status: 'claimed', assignee: 'expert.anna' });
    expect((await postJson(url('claim'), { expert: 'expert.bo' }, auth)).status).toBe(409);
    expect((await postJson(url('release'), { expert: 'expert.bo' }, auth)).status).toBe(409);
    expect((await postJson(url('resolve'), { expert: 'expert.bo' }, auth)).status).toBe(409);
    expect((await postJson(url('release'), { expert: 'expert.anna' }, auth)).body).toMatchObject({ status: 'open', assignee: null });
    expect((await postJson(url('claim'), { expert: 'expert.bo' }, auth)).status).toBe(200);

    const resolved = await postJson(url('resolve'), { expert: 'expert.bo' }, auth);
    expect(resolved.status).toBe(200);
    expect(resolved.body.delivery).toEqual({ outcome: 'published' });
    const history = (await (
      await fetch(`${app.baseUrl}/api/web-chat/conversations/${first.conversation.id}/messages`, {
        headers: { authorization: `Bearer ${first.conversation.token}` },
      })
    ).json()) as { messages: { author: string; text: string }[] };
    expect(history.messages.at(-1)?.text).toMatch(/How satisfied are you with the help you got\? Reply with a number from 1/);
    expect((await postJson(url('claim'), { expert: 'expert.anna' }, auth)).status).toBe(404);

    const score = await say('4', first.conversation);
    expect(score.replies[0]?.text).toBe('Thank you for your feedback.');
    const [recorded] = await app.db.query<{ score: number }>('SELECT score FROM csat_responses WHERE case_id = $1', [opened?.id]);
    expect(recorded?.score).toBe(4);
    // The score message's turn run again (recovery after a crash) thanks again instead of reading "4" as a question; no other message counts twice.
    const [scoreMessage] = await app.db.query<{ id: string }>(
      "SELECT id FROM messages WHERE conversation_id = $1 AND direction = 'inbound' AND text = '4'",
      [first.conversation.id],
    );
    expect(await app.assistant.cases.recordSatisfaction(first.conversation.id, '4', scoreMessage?.id)).toBe(true);
    expect(await app.assistant.cases.recordSatisfaction(first.conversation.id, '4', 'another-message')).toBe(false);

    const again = await say('How long does a SEPA transfer take?', first.conversation);
    expect(again.replies[0]?.decision).toBe('answer');
  });
});
