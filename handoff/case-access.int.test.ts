import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn, type ConsoleSession } from '../test-support/console-session.js';
import { postJson, startTestApp, type TestApp } from '../test-support/start-test-app.js';
import { CaseHeldByAnotherError } from './case-held-by-another-error.js';
import type { CaseDetail, CaseSummary } from './case-store.js';
import { createExpertReplies } from './expert-replies.js';

const password = 'case-access-password';

describe('who may see and act on a case in the console', () => {
  let app: TestApp;
  let anna: ConsoleSession;
  let bo: ConsoleSession;
  let admin: ConsoleSession;

  beforeAll(async () => {
    app = await startTestApp();
    await createStaffUser(app.db, { username: 'anna.expert', password, roles: ['expert'] });
    await createStaffUser(app.db, { username: 'bo.expert', password, roles: ['expert'] });
    await createStaffUser(app.db, { username: 'kim.admin', password, roles: ['admin'] });
    [anna, bo, admin] = await Promise.all([
      signIn(app.baseUrl, 'anna.expert', password),
      signIn(app.baseUrl, 'bo.expert', password),
      signIn(app.baseUrl, 'kim.admin', password),
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function openCase(): Promise<CaseSummary> {
    const handoff = await postJson(`${app.baseUrl}/api/web-chat/messages`, { text: 'What is the capital of Mongolia?', locale: 'en' });
    const { cases } = (await (await admin.fetch('/api/cases?status=open')).json()) as { cases: CaseSummary[] };
    const opened = cases.find((entry) => entry.conversationId === handoff.body.conversationId);
    if (!opened) throw new Error('no case opened');
    return opened;
  }
  const post = (session: ConsoleSession, path: string, body: unknown = {}) => session.fetch(path, { method: 'POST', body: JSON.stringify(body) });

  it("keeps expert B out of a case expert A holds: view, reply, release, resolve, draft, hand back and claim are all 403", async () => {
    const held = await openCase();
    const claimed = await post(anna, `/api/cases/${held.id}/claim`);
    expect(await claimed.json()).toMatchObject({ status: 'claimed', assignee: 'anna.expert' });
    const reply = (await (await post(anna, `/api/cases/${held.id}/replies`, { text: 'Ulaanbaatar is the capital.' })).json()) as { messageId: string };
    const messagesBefore = await app.db.query('SELECT id FROM messages WHERE conversation_id = $1', [held.conversationId]);

    const attempts: [string, () => Promise<Response>][] = [
      ['view', () => bo.fetch(`/api/cases/${held.id}`)],
      ['reply', () => post(bo, `/api/cases/${held.id}/replies`, { text: 'Let me take this one.' })],
      ['release', () => post(bo, `/api/cases/${held.id}/release`)],
      ['resolve', () => post(bo, `/api/cases/${held.id}/resolve`)],
      ['draft', () => post(bo, `/api/cases/${held.id}/knowledge-drafts`, { messageId: reply.messageId, title: 'Capital of Mongolia' })],
      ['hand back', () => post(bo, `/api/cases/${held.id}/hand-back`)],
      ['claim', () => post(bo, `/api/cases/${held.id}/claim`)],
    ];
    for (const [action, attempt] of attempts) {
      const response = await attempt();
      expect(response.status, action).toBe(403);
      expect(await response.json(), action).toMatchObject({ error: { code: 'case_held_by_another_expert' } });
    }
    expect(await app.db.query('SELECT id FROM messages WHERE conversation_id = $1', [held.conversationId])).toEqual(messagesBefore);
    const [row] = await app.db.query<{ status: string; assignee: string; knowledge_article_id: string | null }>(
      'SELECT status, assignee, knowledge_article_id FROM cases WHERE id = $1',
      [held.id],
    );
    expect(row).toEqual({ status: 'claimed', assignee: 'anna.expert', knowledge_article_id: null });
  });

  it("lets expert B list the queue and take a free case, but not under A's name", async () => {
    const free = await openCase();
    const queue = (await (await bo.fetch('/api/cases')).json()) as { cases: CaseSummary[] };
    expect(queue.cases.map((entry) => entry.id)).toContain(free.id);
    expect((await bo.fetch(`/api/cases/${free.id}`)).status).toBe(200);
    const posing = await post(bo, `/api/cases/${free.id}/claim`, { expert: 'anna.expert' });
    expect(posing.status).toBe(403);
    expect(await posing.json()).toMatchObject({ error: { code: 'actor_mismatch' } });
    expect(await (await post(bo, `/api/cases/${free.id}/claim`, { expert: 'bo.expert' })).json()).toMatchObject({ assignee: 'bo.expert' });
  });

  it('records what a signed-in expert does under their own name', async () => {
    const mine = await openCase();
    const replied = await post(anna, `/api/cases/${mine.id}/replies`, { text: 'I am looking into it.' });
    expect(replied.status).toBe(201);
    const detail = (await (await anna.fetch(`/api/cases/${mine.id}`)).json()) as CaseDetail;
    expect(detail.assignee).toBe('anna.expert');
    expect(detail.transcript.at(-1)).toMatchObject({ author: 'expert', authorId: 'anna.expert' });
    expect((await post(anna, `/api/cases/${mine.id}/resolve`)).status).toBe(200);
    const audit = await app.db.query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id FROM audit_log WHERE subject_type = 'case' AND subject_id = $1 AND actor_type = 'expert' ORDER BY id",
      [mine.id],
    );
    expect(audit).toEqual([
      { action: 'case.replied', actor_id: 'anna.expert' },
      { action: 'case.resolved', actor_id: 'anna.expert' },
    ]);
  });

  it('refuses in the same transaction when a colleague took the case after the check', async () => {
    const held = await openCase();
    await post(anna, `/api/cases/${held.id}/claim`);
    const replies = createExpertReplies({
      db: app.db,
      conversations: app.assistant.conversations,
      outbox: app.assistant.outbox,
      events: app.channels.events,
      smsMaxSegments: 3,
      whatsAppTemplate: undefined,
      emailFrom: undefined,
    });
    const before = await app.db.query('SELECT id FROM messages WHERE conversation_id = $1', [held.conversationId]);
    await expect(replies.reply(held.id, { expert: 'bo.expert', text: 'Mine now.', onlyOwnOrFree: true })).rejects.toBeInstanceOf(CaseHeldByAnotherError);
    await expect(replies.resolve(held.id, 'bo.expert', { onlyOwnOrFree: true })).rejects.toBeInstanceOf(CaseHeldByAnotherError);
    expect(await app.assistant.cases.handBack(held.id, 'bo.expert', { onlyOwnOrFree: true })).toBeUndefined();
    expect(await app.db.query('SELECT id FROM messages WHERE conversation_id = $1', [held.conversationId])).toEqual(before);
    expect(await app.assistant.cases.holder(held.id)).toEqual({ status: 'claimed', assignee: 'anna.expert' });
  });

  it('lets an admin see every case', async () => {
    const held = await openCase();
    await post(anna, `/api/cases/${held.id}/claim`);
    const response = await admin.fetch(`/api/cases/${held.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: held.id, assignee: 'anna.expert' });
  });

  /** An SMS customer's conversation with an open case: web chat has no customer across channels. */
  async function openSmsCase(phone: string): Promise<CaseSummary> {
    const customerId = await app.assistant.customers.resolve({ kind: 'phone', address: phone });
    const conversation = await app.assistant.conversations.create({ channel: 'sms', locale: 'en', customerId, address: phone });
    await app.assistant.conversations.recordInbound({ conversationId: conversation.id, channel: 'sms', providerMessageId: `sms-${phone}`, text: 'Is my loan approved?' });
    const opened = await app.assistant.cases.open({
      conversationId: conversation.id,
      channel: 'sms',
      locale: 'en',
      routing: { skill: 'general', priority: 'normal' },
      reasons: ['no_sources'],
    });
    return opened.case;
  }

  it("shows a customer's timeline to the expert holding their case and to admins, and to no other expert", async () => {
    const held = await openSmsCase('+31612399001');
    expect(held.customerId).not.toBeNull();
    const timeline = `/api/customers/${held.customerId}/timeline`;
    expect((await anna.fetch(timeline)).status).toBe(403);
    await post(anna, `/api/cases/${held.id}/claim`);
    expect((await anna.fetch(timeline)).status).toBe(200);
    const refused = await bo.fetch(timeline);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'customer_not_in_your_cases' } });
    expect((await admin.fetch(timeline)).status).toBe(200);
    expect((await bo.fetch('/api/customers/nobody-at-all/timeline')).status).toBe(403);

    await post(anna, `/api/cases/${held.id}/release`);
    expect((await anna.fetch(timeline)).status).toBe(403);
  });
});
