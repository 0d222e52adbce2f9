import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn, type ConsoleSession } from '../test-support/console-session.js';
import { createChannelDrivers, startChannelTestApp, type ChannelTestApp } from '../test-support/channel-drivers/index.js';
import { listAppRoutes } from '../test-support/list-app-routes.js';

/** Classic injection strings, a NUL byte (Postgres text cannot hold one) and a parameter placeholder. */
const payloads = [
  "' OR '1'='1",
  "'; DROP TABLE messages; --",
  '1; DELETE FROM articles WHERE true',
  '" OR ""="',
  "') UNION SELECT password_hash, null FROM staff_users --",
  "'; SELECT pg_sleep(5); --",
  '$1::text',
  "%' --",
  'x\u0000y',
];

/** Query names the list and report APIs read; each gets every payload. */
const queryNames = ['status', 'skill', 'channel', 'locale', 'since', 'until', 'limit', 'cursor', 'q', 'figure', 'period', 'breached', 'minSize', 'from', 'to'];

describe('SQL injection strings in every field', () => {
  let harness: ChannelTestApp;
  let session: ConsoleSession;
  let tablesBefore: string[];
  let countsBefore: Record<string, number>;

  async function tables(): Promise<string[]> {
    const rows = await harness.app.db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    return rows.map((row) => row.name);
  }
  async function counts(): Promise<Record<string, number>> {
    const [row] = await harness.app.db.query<Record<string, number>>(
      'SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM chunks) AS chunks, (SELECT count(*)::int FROM staff_users) AS staff',
    );
    return row ?? {};
  }

  beforeAll(async () => {
    harness = await startChannelTestApp();
    await createStaffUser(harness.app.db, { username: 'probe', password: 'probe-password-long-enough-1', roles: ['expert', 'curator', 'admin'] });
    session = await signIn(harness.app.baseUrl, 'probe', 'probe-password-long-enough-1');
    tablesBefore = await tables();
    countsBefore = await counts();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('is taken as plain text on every channel, in the message and in the provider id, and answered', async () => {
    for (const driver of createChannelDrivers(harness)) {
      for (const [index, payload] of payloads.entries()) {
        const sender = driver.newSender();
        const result = await driver.send(`Question ${payload}`, { sender });
        expect(result.status, `${driver.name}: ${JSON.stringify(payload)}`).toBe(driver.expects.acceptedStatus);
        if (driver.name === 'web-chat' || driver.name === 'bot-framework') {
          const withId = await driver.send('How long does a SEPA transfer take?', { sender: driver.newSender(), messageId: `${payload}-${index}` });
          expect(withId.status, `${driver.name} message id ${JSON.stringify(payload)}`).toBe(driver.expects.acceptedStatus);
        }
        expect((await driver.repliesTo(sender)).length, `${driver.name} answered ${JSON.stringify(payload)}`).toBeGreaterThan(0);
      }
    }
    const stored = await harness.app.db.query<{ text: string }>("SELECT text FROM messages WHERE direction = 'inbound' AND text LIKE 'Question %'");
    for (const payload of payloads.filter((text) => !text.includes('\u0000'))) {
      expect(stored.some((row) => row.text === `Question ${payload}`), `stored verbatim: ${payload}`).toBe(true);
    }
  });

  it('never makes a staff API fail: every GET route, with each payload in every path parameter and query field', async () => {
    const routes = listAppRoutes(harness.app.app).filter((route) => route.method === 'GET' && route.path.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const route of routes) {
      if (route.path.endsWith('/events')) continue; // an event stream stays open; its id is checked like the messages route's
      for (const payload of payloads) {
        const path = route.path.replace(/:[A-Za-z]+/g, encodeURIComponent(payload));
        const query = new URLSearchParams(queryNames.map((name) => [name, payload]));
        const response = await session.fetch(`${path}?${query}`);
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`${route.path} ${JSON.stringify(payload)}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('is refused at sign-in as a wrong user name or password, not as an error', async () => {
    for (const payload of payloads) {
      const response = await fetch(`${harness.app.baseUrl}/api/console/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: payload, password: payload }),
      });
      expect([400, 401], JSON.stringify(payload)).toContain(response.status);
    }
  });

  it('leaves every table and the knowledge base as they were', async () => {
    expect(await tables()).toEqual(tablesBefore);
    expect(await counts()).toEqual(countsBefore);
  });
});
