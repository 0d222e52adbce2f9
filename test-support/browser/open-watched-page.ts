import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught script errors, CSP violations and console errors seen so far, one line each. */
  problems: string[];
}

/**
 * A phone-sized page (390 × 844 at 2×) that records every uncaught script
 * error, CSP violation and console error, except console errors `isExpected`
 * accepts (given the message and the path of the URL it names, '' if none):
 * a test then expects `problems` to be empty.
 */
export async function openWatchedPhonePage(browser: Browser, isExpected: (text: string, path: string) => boolean = () => false): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // eslint-disable-next-line no-console -- the page's own console, which the test listens to
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url ?? '';
    const path = url ? new URL(url).pathname : '';
    if (!isExpected(message.text(), path)) problems.push(`console: ${message.text()} (${url})`);
  });
  return { context, page, problems };
}
