import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { openWatchedPhonePage } from '../../test-support/browser/open-watched-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAnsweredQuestions } from '../../insight/knowledge/seed-answered-questions.js';
import { articleFixture } from '../../test-support/article-fixture.js';
import { createStaffUser } from '../../test-support/console-session.js';
import { saveArticleVersion } from '../../test-support/save-article-version.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const skipReason = hasChromium ? '' : ` (skipped: Chromium is not installed at ${chromiumPath}; install it with \`apt-get install -y chromium\`)`;
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const password = 'knowledge-gaps-password-1';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe.skipIf(!hasChromium)(`the knowledge-gaps view in headless Chromium${skipReason}`, () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    await createStaffUser(app.db, { username: 'kim.curator', password, roles: ['curator'] });
    await seedAnsweredQuestions(app.db, [
      { question: 'Can I rent a safe deposit box at Lumen Bank?', askedAt: hoursAgo(5), channel: 'whatsapp' },
      { question: 'safe deposit box price?', askedAt: hoursAgo(30), channel: 'sms', decision: 'clarify' },
      { question: 'do u have safety deposit boxes for jewelry', askedAt: hoursAgo(50), channel: 'web-chat' },
      { question: 'how to get a safe deposit boxx', askedAt: hoursAgo(80), channel: 'email', decision: 'answer', confidence: 0.1 },
      { question: 'Does the app have a dark mode?', askedAt: hoursAgo(10) },
      { question: 'dark mode app', askedAt: hoursAgo(20), channel: 'sms' },
      { question: 'darkmode in lumen app pls', askedAt: hoursAgo(24 * 40), channel: 'sms' },
      { question: 'Kan ik een eigen foto op mijn betaalpas laten zetten?', locale: 'nl', askedAt: hoursAgo(3) },
      { question: 'pas met eigen foto', locale: 'nl', askedAt: hoursAgo(12) },
    ]);
    // An approved article that contradicts the sample knowledge base's paper-statement fee.
    await saveArticleVersion(
      app.db,
      app.assistant.embedder,
      articleFixture({ id: 'statement-fees-branch', title: 'Statement fees at the branch', body: 'A paper statement costs €3.00 per month per account.' }),
      { actor: 'system:test' },
    );
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets a curator on a phone see the gaps, drill down, and turn one into a draft', { timeout: 120_000 }, async () => {
    // Opening the console without a session asks who is signed in: nobody yet (401).
    const { context, page, problems } = await openWatchedPhonePage(browser, (text) => /status of 401/.test(text));
    await page.goto(`${app.baseUrl}/console/`);
    await page.getByLabel('Username').fill('kim.curator');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account').waitFor();
    await page.getByTestId('navigation').getByRole('link', { name: 'Knowledge gaps' }).click();

    const items = page.getByTestId('gap-item');
    await items.nth(2).waitFor();
    const first = items.first();
    expect(await first.innerText()).toMatch(/safe deposit box/i);
    expect(await first.innerText()).toContain('4 questions');
    expect(await first.innerText()).toContain('new (0 before)');
    // Two questions each: the need that grew more comes first.
    expect(await items.nth(1).innerText()).toMatch(/eigen foto/i);
    expect(await items.nth(2).innerText()).toMatch(/dark ?mode/i);
    expect(await items.nth(2).innerText()).toContain('rising (1 before)');
    expect(await page.getByTestId('gap-summary').innerText()).toContain('8 questions without a confident answer');
    const conflict = page.getByTestId('conflict-item').filter({ hasText: 'Paper statements and their cost ↔ Statement fees at the branch' });
    await conflict.waitFor();
    expect(await conflict.innerText()).toMatch(/amount: .*3\.00/);

    // Drill down to the conversations behind the number.
    await first.getByText('Conversations (4)').click();
    const conversations = first.getByTestId('gap-conversations').locator('li');
    await conversations.nth(3).waitFor();
    expect(await first.getByTestId('gap-conversations').innerText()).toMatch(/WhatsApp .* handed off/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}knowledge-gaps.png`, fullPage: true });

    // One action: a draft article, which then waits with the curator's other drafts.
    await first.getByRole('button', { name: 'Create draft' }).click();
    await page.getByTestId('status').filter({ hasText: 'Created draft article' }).waitFor();
    const articleId = /Created draft article (\S+)\./.exec(await page.getByTestId('status').innerText())?.[1] ?? '';
    expect(articleId).toMatch(/safe-deposit-box/);
    await first.getByTestId('gap-draft-link').click();
    const body = page.getByLabel('Body (Markdown)');
    await expect.poll(() => body.inputValue()).toContain('safety deposit boxes for jewelry');
    await page.getByTestId('navigation').getByRole('link', { name: 'Drafts' }).click();
    await page.locator(`[data-testid="draft-link"][data-article-id="${articleId}"]`).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
