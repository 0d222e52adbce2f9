import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn, type ConsoleSession } from '../test-support/console-session.js';
import { startTestApp, type TestApp } from '../test-support/start-test-app.js';
import { seedFixtureWeek } from './service-figures-fixture.js';

const password = 'insight-routes-password';
const token = 'operations-token-insight-0123456789';
const week = 'since=2026-03-02&until=2026-03-09';

describe('the service figures API', () => {
  let app: TestApp;
  let supervisor: ConsoleSession;
  let expert: ConsoleSession;

  beforeAll(async () => {
    app = await startTestApp({ OPERATIONS_API_TOKEN: token });
    await seedFixtureWeek(app.db);
    await createStaffUser(app.db, { username: 'sam.supervisor', password, roles: ['supervisor'] });
    await createStaffUser(app.db, { username: 'eve.expert', password, roles: ['expert'] });
    supervisor = await signIn(app.baseUrl, 'sam.supervisor', password);
    expert = await signIn(app.baseUrl, 'eve.expert', password);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives a supervisor the figures as JSON', async () => {
    const response = await supervisor.fetch(`/api/insight/summary?${week}&channel=whatsapp`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const summary = (await response.json()) as { overall: { conversations: { started: number } }; trend: unknown[]; breachesNow: { total: number } };
    expect(summary.overall.conversations.started).toBe(3);
    expect(summary.trend).toHaveLength(7);
    expect(summary.breachesNow.total).toBe(2);
  });

  it('sends the same figures as a CSV attachment', async () => {
    const response = await fetch(`${app.baseUrl}/api/insight/summary.csv?${week}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="service-figures-2026-03-02-to-2026-03-09.csv"');
    const csv = await response.text();
    expect(csv.startsWith('figure,breakdown,key,value,since,until,channel_filter,locale_filter\r\n')).toBe(true);
    expect(csv).toContain('\r\nconversations.automated,overall,,1,2026-03-02T00:00:00.000Z,2026-03-09T00:00:00.000Z,,\r\n');
  });

  it('lists the conversations behind a number, redacted', async () => {
    const response = await supervisor.fetch(`/api/insight/conversations?${week}&figure=handoffs&reason=restricted_topic`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { conversations: { conversationId: string; firstQuestion: string }[]; nextOffset: number | null };
    expect(page.conversations.map((row) => [row.conversationId, row.firstQuestion])).toEqual([['c4', 'Is my account hacked? Call me on [phone]']]);
    expect(page.nextOffset).toBeNull();
  });

  it('refuses a plain expert and anonymous callers', async () => {
    const refused = await expert.fetch(`/api/insight/summary?${week}`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('role_not_allowed');
    expect((await fetch(`${app.baseUrl}/api/insight/summary`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/insight/summary`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const cases: [string, string][] = [
      ['/api/insight/summary?since=yesterday', 'since'],
      ['/api/insight/summary?since=2026-03-09&until=2026-03-02', 'since'],
      ['/api/insight/summary?channel=pigeon', 'channel'],
      ['/api/insight/summary?period=month', 'period'],
      ['/api/insight/summary?repeatWindowHours=0', 'repeatWindowHours'],
      ['/api/insight/summary.csv?colour=blue', '(query)'],
      ['/api/insight/conversations?figure=everything', 'figure'],
      ['/api/insight/conversations?figure=handoffs&limit=1000', 'limit'],
      ['/api/insight/conversations', 'figure'],
    ];
    for (const [path, field] of cases) {
      const response = await supervisor.fetch(path);
      const body = (await response.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
      expect([path, response.status, body.error.code, body.error.issues[0]?.path]).toEqual([path, 400, 'invalid_request', field]);
    }
  });
});
