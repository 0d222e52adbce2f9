import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../test-support/start-test-app.js';
import { startWebChatTestApp, type WebChatTestApp } from './start-web-chat-test-app.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const question = 'How long does a SEPA transfer take?';

/** A bank's own page on another origin, embedding the widget with one script tag. */
function hostPage(appUrl: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Lumen Bank – Payments</title>
    <style>
      /* Hostile host styles: the widget's shadow root must keep them out. */
      * { font-family: "Comic Sans MS", cursive !important; color: magenta; }
      button, ol, li, a, textarea { display: inline; border: 5px dotted red; background: yellow; }
    </style>
  </head>
  <body>
    <h1>Payments</h1>
    <p><a href="#pay">Make a payment</a></p>
    <script src="${appUrl}/widget.js" data-locale="en" async></script>
  </body>
</html>`;
}

describe('the web-chat widget in headless Chromium', () => {
  let app: WebChatTestApp;
  let host: Server;
  let hostUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) {
      throw new Error(
        `Chromium is not installed at ${chromiumPath}. Install it with \`apt-get install -y chromium\` ` +
          '(playwright-core drives the system browser; `npx playwright install` is not used).',
      );
    }
    // The host page must know the app's address and the app the host's origin: start the host first.
    host = createServer((_request, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(hostPage(app.baseUrl));
    });
    host.listen(0, '127.0.0.1');
    await once(host, 'listening');
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    app = await startWebChatTestApp({ allowedOrigins: [hostUrl] });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    host?.closeAllConnections();
    await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
    await app?.close();
  });

  /** What has keyboard focus, looking into the widget's shadow root. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const outer = document.activeElement;
      const inner = outer?.shadowRoot?.activeElement ?? outer;
      return inner?.getAttribute('aria-label') ?? inner?.getAttribute('id') ?? inner?.tagName.toLowerCase();
    });

  async function tabTo(page: Page, label: string): Promise<void> {
    for (let presses = 0; presses < 6; presses += 1) {
      if ((await focused(page)) === label) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached "${label}"; focus is on ${String(await focused(page))}`);
  }

  it('answers a typed question with a cited source, and resumes the conversation after a reload', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.goto(hostUrl);
    const launcher = page.getByRole('button', { name: 'Open chat with the Lumen Bank assistant' });
    await launcher.waitFor();

    // Keyboard only: tab to the launcher, open it, and the question field has focus.
    await tabTo(page, 'Open chat with the Lumen Bank assistant');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Lumen Bank assistant' });
    await dialog.waitFor();
    expect(await focused(page)).toBe('input');
    expect(await page.getByRole('textbox', { name: 'Your question' }).isVisible()).toBe(true);

    // Mobile first: under 480px the chat fills the screen and is modal.
    expect(await dialog.boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');

    // Hold the reply back a moment so the typing indicator can be seen.
    await page.route(`${app.baseUrl}/api/web-chat/messages`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
    const typing = page.getByRole('status').filter({ hasText: 'The assistant is typing…' });
    await typing.waitFor();
    const answer = page.locator('.message--bot').first();
    await answer.waitFor({ timeout: 30_000 });
    await page.unroute(`${app.baseUrl}/api/web-chat/messages`);

    // The widget shows exactly what the assistant stored as its reply to this question.
    const [stored] = await app.db.query<{ text: string }>(
      `SELECT reply.text FROM messages question JOIN answers a ON a.inbound_message_id = question.id
       JOIN messages reply ON reply.id = a.outbound_message_id WHERE question.text = $1`,
      [question],
    );
    expect(stored?.text).toMatch(/SEPA/);
    expect(await answer.innerText()).toContain(stored?.text);
    expect(await page.locator('.message--customer').first().innerText()).toContain(question);
    expect(await page.locator('.message--notice').innerText()).toMatch(/automated assistant/);
    expect(await typing.count()).toBe(0);
    expect(await page.getByRole('log', { name: 'Conversation' }).getAttribute('aria-live')).toBe('polite');

    const source = answer.getByRole('link', { name: /Transfer money in euro within Europe \(SEPA\)/ });
    expect(await source.getAttribute('href')).toBe('https://help.lumenbank.example/en/payments/sepa-transfers');
    expect(await source.getAttribute('target')).toBe('_blank');
    expect(await source.getAttribute('rel')).toBe('noopener');

    // The host page's hostile CSS does not reach inside.
    expect(await answer.evaluate((element) => getComputedStyle(element).fontFamily)).not.toContain('Comic Sans');

    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}widget-answer.png` });

    // Escape closes the chat and gives focus back to the launcher.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('Open chat with the Lumen Bank assistant');

    // A reload resumes the same conversation from the server.
    await page.reload();
    await launcher.waitFor();
    await page.locator('.message--bot').first().waitFor({ state: 'attached' });
    await tabTo(page, 'Open chat with the Lumen Bank assistant');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await page.locator('.message--customer').allInnerTexts()).toEqual([expect.stringContaining(question)]);
    const resumed = page.locator('.message--bot').first();
    expect(await resumed.innerText()).toContain(stored?.text);
    expect(await resumed.getByRole('link').first().getAttribute('href')).toBe('https://help.lumenbank.example/en/payments/sepa-transfers');

    // The event stream is open again: a reply published elsewhere (a human expert) appears live.
    const conversationId = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((name) => name.startsWith('lumen-web-chat:'));
      return key ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { conversationId?: string }).conversationId : undefined;
    });
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    await expect
      .poll(async () => {
        app.events.publish(conversationId ?? '', { id: 'expert-reply-1', author: 'expert', text: 'A colleague here: anything else?', citations: [] });
        return page.locator('.message--expert').count();
      })
      .toBe(1);
    expect(await page.locator('.message--expert').innerText()).toContain('A colleague here');

    // The stream drops; a reply stored meanwhile arrives once the widget reconnects (Last-Event-ID replay).
    app.events.close();
    const token = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((name) => name.startsWith('lumen-web-chat:'));
      return key ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token : undefined;
    });
    const missed = await postJson(
      `${app.baseUrl}/api/web-chat/messages`,
      { text: 'How fast does an instant payment arrive?', conversationId },
      { authorization: `Bearer ${token ?? ''}` },
    );
    const missedText = (missed.body.replies as { text: string }[])[0]?.text ?? '';
    await page.locator('.message--bot').nth(1).waitFor({ timeout: 15_000 });
    expect(await page.locator('.message--bot').nth(1).innerText()).toContain(missedText);
    expect(await page.locator('.message--bot').count()).toBe(2);

    // Wider than 480px the chat is a floating panel beside the page instead.
    await page.setViewportSize({ width: 1280, height: 800 });
    const box = await dialog.boundingBox();
    expect(box?.width).toBeLessThan(400);
    expect(box?.x).toBeGreaterThan(800);
    expect(await dialog.getAttribute('aria-modal')).toBeNull();
    await page.screenshot({ path: `${artifacts}widget-desktop.png` });

    expect(problems).toEqual([]);
    await context.close();
  });
});
