import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { openWatchedPhonePage } from '../../test-support/browser/open-watched-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInsightData } from '../../bench/insight/seed-insight-data.js';
import { createStaffUser } from '../../test-support/console-session.js';
import { postJson, startTestApp, type TestApp } from '../../test-support/start-test-app.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const skipReason = hasChromium ? '' : ` (skipped: Chromium is not installed at ${chromiumPath}; install it with \`apt-get install -y chromium\`)`;
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const password = 'insight-browser-password';

describe.skipIf(!hasChromium)(`the Insight dashboard in headless Chromium${skipReason}`, () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    // Real turns through the web chat (answers and a handoff with its case), and a week of history around them.
    for (const text of ['I lost my debit card, how do I block it?', 'How fast does an instant payment arrive?', 'What is the capital of Mongolia?']) {
      const { status } = await postJson(`${app.baseUrl}/api/web-chat/messages`, { text });
      expect(status).toBe(200);
    }
    await seedInsightData(app.db, { messages: 4_000, until: new Date(), days: 7 });
    await createStaffUser(app.db, { username: 'sam.supervisor', displayName: 'Sam', password, roles: ['supervisor'] });
    await createStaffUser(app.db, { username: 'eve.expert', password, roles: ['expert'] });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A phone-sized page that records script errors, CSP violations and unexpected failed requests. */
  async function openConsole(allowedRefusals: RegExp[] = []) {
    const { context, page, problems } = await openWatchedPhonePage(
      browser,
      (text, path) => (/status of 401/.test(text) && path === '/api/console/session') || allowedRefusals.some((allowed) => allowed.test(`${text} ${path}`)),
    );
    await page.goto(`${app.baseUrl}/console/`);
    return { context, page, problems };
  }

  async function signIn(page: Page, username: string) {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account').waitFor();
  }
  const sections = (page: Page) => page.getByTestId('navigation').getByRole('link').allInnerTexts();

  it('shows a supervisor the figures as tiles and charts, and the conversations behind a number', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await openConsole();
    await signIn(page, 'sam.supervisor');
    expect(await sections(page)).toContain('Insight');
    expect(await sections(page)).not.toContain('Queue');
    await page.getByTestId('nav-insight').click();

    const automated = page.getByTestId('kpi-automated-value');
    await expect.poll(() => automated.innerText(), { timeout: 30_000 }).toMatch(/^\d+(\.\d)?%$/);
    const [summary] = await app.db.query<{ started: number }>(`SELECT count(*)::int AS started FROM conversations WHERE created_at >= now() - interval '7 days'`);
    expect(await page.getByTestId('kpi-automated').innerText()).toMatch(/of \d+ conversations/);
    expect(Number((await page.locator('[data-testid="channel-row"] td:first-of-type').allInnerTexts()).reduce((sum, text) => sum + Number(text), 0))).toBe(summary?.started);
    expect(await page.getByTestId('kpi-handoff-rate-value').innerText()).toMatch(/%$/);
    expect(await page.getByTestId('kpi-breaches-value').innerText()).toMatch(/^\d+$/);
    expect(await page.locator('svg.chart--trend path.chart__line').count()).toBe(2);
    expect(await page.locator('svg.chart--gauge').getAttribute('aria-label')).toMatch(/First responses within the reply-by time: \d+(\.\d)?% \(target 90%\)/);
    expect(await page.getByTestId('reason-bar').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('insight-csv').getAttribute('href')).toBe('/api/insight/summary.csv?since=7d&period=day');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}insight-dashboard.png`, fullPage: true });

    // A bar opens the handoffs with that reason.
    await page.getByTestId('reason-bar').first().click();
    await page.getByTestId('drill-item').first().waitFor();
    expect(await page.getByRole('heading', { name: /^Conversations behind: handoffs for / }).count()).toBe(1);
    expect(await page.getByTestId('drill-item').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('drill-item').first().innerText()).toMatch(/handed off/);

    // Filters reload the figures: one channel only.
    await page.getByTestId('insight-channel').selectOption('sms');
    await expect.poll(() => page.locator('[data-testid="channel-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-channel')))).toEqual(['sms']);
    // The open list of conversations follows the filter.
    await expect
      .poll(() => page.getByTestId('drill-item').evaluateAll((items) => items.length > 0 && items.every((item) => (item.textContent ?? '').includes('SMS ·'))))
      .toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${artifacts}insight-dashboard-wide.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the dashboard from an expert without the role: no tab, and the API refuses', { timeout: 60_000 }, async () => {
    const { context, page, problems } = await openConsole();
    await signIn(page, 'eve.expert');
    expect(await sections(page)).not.toContain('Insight');
    await page.evaluate(() => {
      location.hash = '#/insight';
    });
    await page.getByTestId('error').filter({ hasText: 'That section needs one of these roles: supervisor, curator, admin.' }).waitFor();
    expect(await page.getByTestId('insight').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/insight/summary', { credentials: 'same-origin' })).status);
    expect(status).toBe(403);
    expect(problems.filter((problem) => !/status of 403/.test(problem))).toEqual([]);
    await context.close();
  });
});
