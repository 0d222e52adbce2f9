import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn, type ConsoleSession } from '../../test-support/console-session.js';
import { articleFixture } from '../../test-support/article-fixture.js';
import { saveArticleVersion } from '../../test-support/save-article-version.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';
import { createTestDb } from '../../test-support/test-db.js';
import { seedAnsweredQuestions } from './seed-answered-questions.js';

const token = 'operations-token-0123456789abcdef';
const bearer = { authorization: `Bearer ${token}` };
const password = 'knowledge-insight-password';
const day = 86_400_000;
const now = Date.now();
const daysAgo = (days: number) => new Date(now - days * day);
const period = `since=${encodeURIComponent(daysAgo(30).toISOString())}&until=${encodeURIComponent(new Date(now + 60_000).toISOString())}`;

interface GapCluster {
  id: string;
  label: string;
  size: number;
  previousSize: number;
  trend: string;
  examples: string[];
  conversationIds: string[];
  locales: string[];
}

describe('knowledge insight API', () => {
  let app: TestApp;
  let curator: ConsoleSession;
  let expert: ConsoleSession;
  const conversations: Record<string, string[]> = {};

  beforeAll(async () => {
    app = await startTestApp({ OPERATIONS_API_TOKEN: token, HELP_CENTRE_URL: 'https://help.lumenbank.example' }, { db: await createTestDb('migrated') });
    await createStaffUser(app.db, { username: 'kim.curator', password, roles: ['curator'] });
    await createStaffUser(app.db, { username: 'eva.expert', password, roles: ['expert'] });
    curator = await signIn(app.baseUrl, 'kim.curator', password);
    expert = await signIn(app.baseUrl, 'eva.expert', password);

    conversations.safe = await seedAnsweredQuestions(app.db, [
      { question: 'Can I rent a safe deposit box at Lumen Bank?', askedAt: daysAgo(2), withCase: true },
      { question: 'safe deposit box price?', askedAt: daysAgo(3), decision: 'clarify' },
      { question: 'do u have safety deposit boxes for jewelry', askedAt: daysAgo(4) },
      { question: 'how to get a safe deposit boxx, call me on 06 12345678', askedAt: daysAgo(5), decision: 'answer', confidence: 0.2 },
    ]);
    conversations.bitcoin = await seedAnsweredQuestions(app.db, [
      { question: 'Can I buy bitcoin through my Lumen account?', askedAt: daysAgo(1) },
      { question: 'buy bitcoin with lumen', askedAt: daysAgo(6) },
      { question: 'buy bitcoin in the app', askedAt: daysAgo(40) },
      { question: 'bitcoin kopen bij lumen', askedAt: daysAgo(45) },
      { question: 'can i buy bitcoin', askedAt: daysAgo(50) },
    ]);
    conversations.vve = await seedAnsweredQuestions(app.db, [
      { question: 'Kan ik een rekening openen voor onze VvE?', locale: 'nl', askedAt: daysAgo(3) },
      { question: 'vve rekening openen', locale: 'nl', askedAt: daysAgo(8) },
    ]);
    // Answered with confidence: not a gap.
    await seedAnsweredQuestions(app.db, [{ question: 'How do I block my card?', decision: 'answer', confidence: 0.9, askedAt: daysAgo(2) }]);

    const embedder = app.assistant.embedder;
    const save = (fixture: Parameters<typeof articleFixture>[0]) => saveArticleVersion(app.db, embedder, articleFixture(fixture), { actor: 'system:test' });
    await save({ id: 'card-fees-2024', title: 'Card fees 2024', body: 'A replacement card costs €7.50. We send it by post.', reviewedAt: '2024-01-01', reviewDue: '2024-12-31' });
    await save({ id: 'replacement-cards', title: 'Replacement cards', body: 'Order one in the app. A replacement card costs €5.50.', reviewedAt: '2025-01-01', reviewDue: '2025-06-30' });
    await save({ id: 'opening-hours', title: 'Opening hours', body: 'We are open every day.', reviewedAt: '2026-01-01', reviewDue: '2099-01-01' });
    await seedAnsweredQuestions(app.db, [
      { question: 'What does a new card cost?', decision: 'answer', confidence: 0.9, askedAt: daysAgo(1), citedArticleIds: ['replacement-cards'] },
      { question: 'Replacement card price', decision: 'answer', confidence: 0.9, askedAt: daysAgo(2), citedArticleIds: ['replacement-cards'] },
      { question: 'Old card fee', decision: 'answer', confidence: 0.9, askedAt: daysAgo(3), citedArticleIds: ['card-fees-2024'] },
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function gaps(query = period): Promise<{ clusters: GapCluster[]; questionCount: number; previousQuestionCount: number }> {
    const response = await curator.fetch(`/api/insight/knowledge/gaps?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { clusters: GapCluster[]; questionCount: number; previousQuestionCount: number };
  }

  it('clusters the questions the bot could not answer well, ranked by volume, with trend and redacted examples', async () => {
    const report = await gaps();
    expect(report.questionCount).toBe(8);
    expect(report.previousQuestionCount).toBe(3);
    expect(report.clusters.map((cluster) => [cluster.size, cluster.previousSize, cluster.trend])).toEqual([
      [4, 0, 'new'],
      // Equal volume: the growing need first.
      [2, 0, 'new'],
      [2, 3, 'falling'],
    ]);
    const [safe, vve, bitcoin] = report.clusters;
    expect(safe?.label).toMatch(/safe deposit box/i);
    expect(safe?.examples).toHaveLength(4);
    expect(safe?.examples.join(' ')).not.toMatch(/12345678/);
    expect(safe?.examples.join(' ')).toContain('[phone]');
    expect([...(safe?.conversationIds ?? [])].sort()).toEqual([...(conversations.safe ?? [])].sort());
    expect(bitcoin?.label).toMatch(/bitcoin/i);
    expect(vve?.locales).toEqual(['nl']);
    expect(report.clusters.every((cluster) => /^gap-[0-9a-f]{12}$/.test(cluster.id))).toBe(true);
    // The same data gives the same clusters and ids.
    expect((await gaps()).clusters).toEqual(report.clusters);
    // One locale only.
    expect((await gaps(`${period}&locale=nl`)).clusters.map((cluster) => cluster.size)).toEqual([2]);
  });

  it('drills down to every question and conversation behind a cluster, with the case where one was opened', async () => {
    const [safe] = (await gaps()).clusters;
    const response = await curator.fetch(`/api/insight/knowledge/gaps/${safe?.id}?${period}`);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as { questions: { conversationId: string; caseId: string | null; decision: string; question: string }[] };
    expect(detail.questions).toHaveLength(4);
    expect(detail.questions.filter((question) => question.caseId !== null)).toHaveLength(1);
    expect(detail.questions.map((question) => question.decision).sort()).toEqual(['answer', 'clarify', 'handoff', 'handoff']);
    expect((await curator.fetch(`/api/insight/knowledge/gaps/gap-000000000000?${period}`)).status).toBe(404);
  });

  it('turns a cluster into a draft article in one action, audited, and returns the same draft when asked again', async () => {
    const [safe] = (await gaps()).clusters;
    const body = JSON.stringify({ since: daysAgo(30).toISOString(), until: new Date(now + 60_000).toISOString() });
    const created = await curator.fetch(`/api/insight/knowledge/gaps/${safe?.id}/draft`, { method: 'POST', body });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as { articleId: string; version: number; status: string; created: boolean };
    expect(draft).toMatchObject({ version: 1, status: 'draft', created: true });

    const article = (await (await curator.fetch(`/api/kb/articles/${draft.articleId}`)).json()) as { latestStatus: string; tags: string[]; servedVersion: number | null; body: string };
    expect(article).toMatchObject({ latestStatus: 'draft', tags: ['from-gap'], servedVersion: null });
    expect(article.body).toContain('safety deposit boxes for jewelry');
    expect(article.body).not.toContain('12345678');
    const drafts = (await (await curator.fetch('/api/kb/articles?status=draft')).json()) as { articles: { id: string }[] };
    expect(drafts.articles.map((listed) => listed.id)).toContain(draft.articleId);
    const [audit] = await app.db.query<{ actor_type: string; actor_id: string; subject_type: string; details: { articleId: string } }>(
      "SELECT actor_type, actor_id, subject_type, details FROM audit_log WHERE action = 'knowledge_gap.drafted' AND subject_id = $1",
      [safe?.id],
    );
    expect(audit).toMatchObject({ actor_type: 'expert', actor_id: 'kim.curator', subject_type: 'knowledge_gap', details: { articleId: draft.articleId } });

    const again = await curator.fetch(`/api/insight/knowledge/gaps/${safe?.id}/draft`, { method: 'POST', body });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ articleId: draft.articleId, version: 1, created: false });
  });

  it('lists overdue articles, most cited first', async () => {
    const response = await curator.fetch(`/api/insight/knowledge/stale?${period}`);
    const { articles } = (await response.json()) as { articles: { id: string; citations: number; daysOverdue: number }[] };
    expect(articles.map((article) => [article.id, article.citations])).toEqual([
      ['replacement-cards', 2],
      ['card-fees-2024', 1],
    ]);
    expect(articles[0]?.daysOverdue).toBeGreaterThan(0);
  });

  it('finds approved articles that state the same fee with different amounts', async () => {
    const response = await curator.fetch('/api/insight/knowledge/conflicts');
    const { conflicts } = (await response.json()) as {
      conflicts: { left: { id: string; title: string }; right: { id: string }; statements: { differences: { kind: string; left: string[]; right: string[] }[] }[] }[];
    };
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      left: { id: 'card-fees-2024', title: 'Card fees 2024' },
      right: { id: 'replacement-cards' },
      statements: [{ differences: [{ kind: 'amount', left: ['7.50'], right: ['5.50'] }] }],
    });
  });

  it('gives the same figures as CSV downloads', async () => {
    const gapsCsv = await fetch(`${app.baseUrl}/api/insight/knowledge/gaps.csv?${period}`, { headers: bearer });
    expect(gapsCsv.status).toBe(200);
    expect(gapsCsv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(gapsCsv.headers.get('content-disposition')).toContain('knowledge-gaps.csv');
    const lines = (await gapsCsv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^cluster_id,label,questions,previous_questions,trend/);
    expect(lines).toHaveLength(4);
    expect((await (await curator.fetch(`/api/insight/knowledge/stale.csv?${period}`)).text()).split('\r\n')[1]).toMatch(/^replacement-cards,/);
    expect((await (await curator.fetch('/api/insight/knowledge/conflicts.csv')).text()).split('\r\n')[1]).toContain('card-fees-2024,Card fees 2024,replacement-cards');
  });

  it('refuses bad parameters with 400, other roles with 403, and a desk token from drafting', async () => {
    for (const query of ['since=yesterday', 'locale=fr', 'since=2026-01-02&until=2026-01-01', 'since=2020-01-01&until=2026-01-01', 'minSize=0', 'color=red']) {
      expect((await curator.fetch(`/api/insight/knowledge/gaps?${query}`)).status, query).toBe(400);
    }
    expect((await curator.fetch(`/api/insight/knowledge/gaps/not-a-cluster`)).status).toBe(400);
    expect((await expert.fetch('/api/insight/knowledge/gaps')).status).toBe(403);
    expect((await fetch(`${app.baseUrl}/api/insight/knowledge/gaps`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/insight/knowledge/gaps`, { headers: bearer })).status).toBe(200);
    const [cluster] = (await gaps()).clusters;
    const asDesk = await fetch(`${app.baseUrl}/api/insight/knowledge/gaps/${cluster?.id}/draft`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: '{}' });
    expect(asDesk.status).toBe(401);
    const withoutCsrf = await curator.fetch(`/api/insight/knowledge/gaps/${cluster?.id}/draft`, { method: 'POST', body: '{}', headers: { 'x-csrf-token': 'wrong' } });
    expect(withoutCsrf.status).toBe(403);
  });
});
