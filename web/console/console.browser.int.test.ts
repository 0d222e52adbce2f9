import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { openWatchedPhonePage, type WatchedPage } from '../../test-support/browser/open-watched-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioDriver, startChannelTestApp, type ChannelDriver, type ChannelTestApp } from '../../test-support/channel-drivers/index.js';
import { createStaffUser } from '../../test-support/console-session.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const skipReason = hasChromium ? '' : ` (skipped: Chromium is not installed at ${chromiumPath}; install it with \`apt-get install -y chromium\`)`;
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const password = 'console-test-password-1';
const question = 'Can I get a mortgage for a houseboat?';
const expertAnswer =
  'Yes. Lumen Bank offers a houseboat mortgage for a houseboat with a permanent mooring in the Netherlands. You can borrow up to 70% of the houseboat value.';

/** A refusal the test provokes on purpose; Chromium logs every 4xx fetch as a console error. */
type ExpectedRefusal = { path: RegExp; status: number };
/** Opening the console without a session asks the server who is signed in: nobody yet. */
const signedOutProbe: ExpectedRefusal = { path: /^\/api\/console\/session$/, status: 401 };

describe.skipIf(!hasChromium)(`the expert console in headless Chromium${skipReason}`, () => {
  let harness: ChannelTestApp;
  let whatsApp: ChannelDriver;
  let sms: ChannelDriver;
  let browser: Browser;

  beforeAll(async () => {
    harness = await startChannelTestApp();
    whatsApp = createTwilioDriver(harness, 'whatsapp');
    sms = createTwilioDriver(harness, 'sms');
    const { db } = harness.app;
    await createStaffUser(db, { username: 'anna.expert', displayName: 'Anna de Vries', password, roles: ['expert'], skills: ['general'] });
    await createStaffUser(db, { username: 'bo.expert', password, roles: ['expert'], skills: ['general'] });
    await createStaffUser(db, { username: 'kim.curator', password, roles: ['curator'] });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  /** A phone-sized browser whose page reports any script error, console error or CSP violation. */
  async function openConsole(expectedRefusals: ExpectedRefusal[] = []): Promise<WatchedPage> {
    const { context, page, problems } = await openWatchedPhonePage(browser, (text, path) => {
      const refused = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(text);
      return refused !== null && [signedOutProbe, ...expectedRefusals].some((expected) => expected.path.test(path) && expected.status === Number(refused[1]));
    });
    const response = await page.goto(`${harness.app.baseUrl}/console/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    return { context, page, problems };
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account').waitFor();
  }

  const sections = (page: Page) => page.getByTestId('navigation').getByRole('link').allInnerTexts();
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('takes a WhatsApp question nobody had written about to an approved article the bot then cites on SMS', { timeout: 180_000 }, async () => {
    // A WhatsApp customer asks what the knowledge base does not cover: a case opens, the bot says a colleague will reply.
    const customer = whatsApp.newSender();
    await whatsApp.send(question, { sender: customer });
    const [handoff] = await whatsApp.repliesTo(customer);
    expect(handoff?.decision).toBe('handoff');
    expect(handoff?.text).toMatch(/A colleague will reply here/);
    const [opened] = await harness.app.db.query<{ id: string }>(`SELECT id FROM cases WHERE channel = 'whatsapp' AND status = 'open'`);
    const caseId = opened?.id ?? '';
    expect(caseId).not.toBe('');

    // While the case is open the bot stays silent: the customer's next message waits for a person.
    await whatsApp.send('Hello? Is anyone there?', { sender: customer });
    expect(await whatsApp.repliesTo(customer)).toHaveLength(1);

    // The expert signs in on a phone and finds the case in the queue.
    const expert = await openConsole();
    await signIn(expert.page, 'anna.expert');
    expect(await expert.page.getByTestId('user-name').innerText()).toBe('Anna de Vries');
    expect(await sections(expert.page)).toEqual(['Queue']);
    const caseLink = expert.page.locator(`[data-testid="case-link"][data-case-id="${caseId}"]`);
    await caseLink.waitFor();
    const queued = await caseLink.innerText();
    expect(queued).toContain('WhatsApp · English · Open · Unassigned');
    expect(queued).toMatch(/\d+ (min|h)( \d+ min)? left/);
    expect(queued).toMatch(/no_sources|not_covered|low_confidence|no_supported_sentence/);
    expect(await noSideways(expert.page)).toBe(true);
    await mkdir(artifacts, { recursive: true });
    await expert.page.screenshot({ path: `${artifacts}console-queue.png` });

    // The case: both customer messages, the bot's handoff as its draft, and no reply before claiming.
    await caseLink.click();
    const customerMessages = expert.page.getByTestId('message-customer');
    await customerMessages.nth(1).waitFor();
    expect(await customerMessages.allInnerTexts()).toEqual([expect.stringContaining(question), expect.stringContaining('Is anyone there?')]);
    expect(await expert.page.getByTestId('bot-draft').innerText()).toMatch(/A colleague will reply here/);
    expect(await expert.page.getByTestId('reasons').innerText()).toMatch(/no_sources|not_covered|low_confidence|no_supported_sentence/);
    // What the bot retrieved, one row per article with its best score, as stored with the decision.
    const [decision] = await harness.app.db.query<{ retrieved: { articleId: string }[] }>(
      'SELECT a.retrieved FROM cases k JOIN answers a ON a.id = k.answer_id WHERE k.id = $1',
      [caseId],
    );
    const retrievedArticles = new Set(decision?.retrieved.map((record) => record.articleId));
    expect(await expert.page.getByTestId('source').count()).toBe(retrievedArticles.size);
    expect(await expert.page.getByTestId('source').first().innerText()).toMatch(/^\S+\s+\d+\s+\d\.\d{3}$/);
    const replyBox = expert.page.getByLabel('Your reply to the customer');
    expect(await replyBox.isDisabled()).toBe(true);

    await expert.page.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => replyBox.isEnabled()).toBe(true);
    await replyBox.fill(expertAnswer);
    await expert.page.getByRole('button', { name: 'Send reply' }).click();
    const myReply = expert.page.getByTestId('message-expert').filter({ hasText: 'permanent mooring' });
    await myReply.waitFor();
    expect(await myReply.innerText()).toContain('Anna de Vries (you)');

    // The reply reached the customer's WhatsApp number at the (fake) Twilio API.
    const delivered = await whatsApp.repliesTo(customer);
    expect(delivered).toHaveLength(2);
    expect(delivered[1]?.text).toContain('permanent mooring in the Netherlands');

    // Another expert sees in the queue who holds the case, and is told so when opening it.
    const colleague = await openConsole([{ path: /^\/api\/cases\/[^/]+$/, status: 403 }]);
    await signIn(colleague.page, 'bo.expert');
    const heldLink = colleague.page.locator(`[data-testid="case-link"][data-case-id="${caseId}"]`);
    await heldLink.filter({ hasText: 'Claimed · anna.expert' }).waitFor();
    await heldLink.click();
    await colleague.page.getByTestId('error').filter({ hasText: /held by another expert/ }).waitFor();
    await colleague.page.getByTestId('case-unavailable').waitFor();
    expect(await colleague.page.getByLabel('Your reply to the customer').count()).toBe(0);
    expect(colleague.problems).toEqual([]);
    await colleague.context.close();

    // Save as knowledge draft: the title starts as the customer's question.
    await myReply.getByRole('button', { name: 'Save as knowledge draft' }).click();
    const title = expert.page.getByLabel('Article title');
    expect(await title.inputValue()).toBe(question);
    await title.fill('Houseboat mortgage');
    await expert.page.getByRole('button', { name: 'Save draft' }).click();
    await expert.page.getByTestId('draft-saved').waitFor();
    const articleId = /draft article (\S+) \(version 1\)/.exec(await expert.page.getByTestId('status').innerText())?.[1] ?? '';
    expect(articleId).toMatch(/^houseboat-mortgage-/);
    expect(await noSideways(expert.page)).toBe(true);
    await expert.page.screenshot({ path: `${artifacts}console-case.png`, fullPage: true });

    // Wide screens show the conversation beside the case summary.
    await expert.page.setViewportSize({ width: 1280, height: 900 });
    const conversationBox = await expert.page.getByRole('region', { name: 'Conversation' }).boundingBox();
    const summaryBox = await expert.page.getByTestId('case-summary').boundingBox();
    expect(summaryBox?.x ?? 0).toBeGreaterThan((conversationBox?.x ?? 0) + (conversationBox?.width ?? 0) - 1);
    await expert.page.setViewportSize({ width: 390, height: 844 });

    // Resolving asks the customer, on WhatsApp, how satisfied they are.
    await expert.page.getByRole('button', { name: 'Resolve' }).click();
    await expert.page.getByTestId('status').filter({ hasText: 'Resolved' }).waitFor();
    expect((await whatsApp.repliesTo(customer)).at(-1)?.text).toMatch(/How satisfied are you/);
    expect(expert.problems).toEqual([]);
    await expert.context.close();

    // A curator, in a browser of their own, makes a small edit and approves the draft.
    const curator = await openConsole();
    await signIn(curator.page, 'kim.curator');
    expect(await sections(curator.page)).toEqual(['Drafts', 'Knowledge gaps', 'Insight']);
    await curator.page.locator(`[data-testid="draft-link"][data-article-id="${articleId}"]`).click();
    const body = curator.page.getByLabel('Body (Markdown)');
    await expect.poll(() => body.inputValue()).toContain('permanent mooring');
    expect(await curator.page.getByLabel('Title', { exact: true }).inputValue()).toBe('Houseboat mortgage');
    await body.fill((await body.inputValue()).replace('permanent mooring', 'permanent, registered mooring'));
    const approve = curator.page.getByRole('button', { name: 'Approve' });
    expect(await approve.isDisabled()).toBe(true);
    await curator.page.getByRole('button', { name: 'Save draft' }).click();
    await curator.page.getByTestId('status').filter({ hasText: 'Draft saved' }).waitFor();
    await approve.click();
    await curator.page.getByTestId('status').filter({ hasText: /Approved version \d+/ }).waitFor();
    expect(curator.problems).toEqual([]);
    await curator.context.close();

    // The same question on SMS, from another customer: the bot answers, citing the new article as edited.
    const smsCustomer = sms.newSender();
    await sms.send(question, { sender: smsCustomer });
    const [answer] = await sms.repliesTo(smsCustomer);
    expect(answer?.decision).toBe('answer');
    expect(answer?.citedArticleIds).toContain(articleId);
    expect(answer?.text).toContain('registered mooring');
  });

  it('lets an administrator add a person and switch their account off', { timeout: 60_000 }, async () => {
    await createStaffUser(harness.app.db, { username: 'lee.admin', displayName: 'Lee', password, roles: ['admin'] });
    const admin = await openConsole();
    await admin.page.getByLabel('Username').fill('lee.admin');
    await admin.page.getByLabel('Password').fill('not-the-password');
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    await admin.page.getByTestId('sign-in-error').filter({ hasText: 'do not match an active account' }).waitFor();
    await signIn(admin.page, 'lee.admin');
    expect(await sections(admin.page)).toEqual(['Queue', 'Drafts', 'Knowledge gaps', 'Insight', 'Users']);

    await admin.page.getByTestId('nav-users').click();
    const form = admin.page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Username').fill('sam.expert');
    await form.getByLabel('Display name').fill('Sam <b>Jansen</b>');
    await form.getByLabel('Password').fill(password);
    await form.getByLabel('Expert: answers cases').check();
    await form.getByLabel('Skills').fill('fraud, general');
    await form.getByRole('button', { name: 'Add person' }).click();
    await admin.page.getByTestId('status').filter({ hasText: 'sam.expert can sign in now.' }).waitFor();
    const sam = admin.page.locator('[data-testid="user-item"][data-username="sam.expert"]');
    // Markup in a name is shown as typed, never interpreted.
    expect(await sam.innerText()).toContain('Sam <b>Jansen</b> (sam.expert)');
    expect(await sam.innerText()).toContain('Roles: expert · Skills: fraud, general');

    await sam.getByRole('button', { name: 'Disable' }).click();
    await sam.filter({ hasText: 'disabled' }).waitFor();
    await admin.page.getByTestId('sign-out').click();
    await admin.page.getByTestId('status').filter({ hasText: 'You have signed out.' }).waitFor();
    await admin.page.getByLabel('Username').fill('sam.expert');
    await admin.page.getByLabel('Password').fill(password);
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    await admin.page.getByTestId('sign-in-error').filter({ hasText: 'do not match an active account' }).waitFor();
    expect(await noSideways(admin.page)).toBe(true);
    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });
});
