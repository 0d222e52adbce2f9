import { describe, expect, it } from 'vitest';
import { loadFixture, sourceFile } from './__fixtures__/load-fixture.js';
import { readHtmlDocument } from './read-html-document.js';

const page = (body: string, head = '', htmlAttributes = '') =>
  sourceFile('Fees/ATM Fees 2026.html', `<!DOCTYPE html><html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`);

describe('readHtmlDocument', () => {
  it('reads a help-centre page: title, locale, canonical url and the main content as markdown', async () => {
    const [document] = await readHtmlDocument(await loadFixture('html/atm-fees.html', { relativePath: 'Fees/ATM Fees 2026.html' }));
    expect(document).toMatchObject({
      id: 'fees-atm-fees-2026',
      title: 'Cash withdrawal fees & limits',
      locale: 'en',
      url: 'https://help.lumenbank.example/en/fees/atm-fees',
      sourcePath: 'Fees/ATM Fees 2026.html',
    });
    expect(document?.body).toBe(
      [
        'What you pay when you take out cash with your Lumen Bank debit card.',
        '',
        'Withdrawing cash in the euro area is free. Outside the euro area we charge €2.25 per withdrawal – the cash machine’s owner may add its own fee.',
        '',
        '## Fees per region',
        '',
        'Fees per withdrawal',
        'Region | Fee | Currency conversion',
        'Euro area | €0 | None',
        'Outside the euro area | €2.25 | 1.2%',
        '',
        '## Before you travel',
        '',
        '- Check that your card is set to Worldwide.',
        '  - Open the app',
        '  - Go to Cards > Usage abroad',
        '- Save our emergency number in your phone.',
        '',
        '1. Choose to be charged in the local currency.',
        "2. Decline the machine's offer to convert to euros.",
        '',
        'Lumen Bank N.V.',
        'Havenstraat 1',
        '1011 AA Amsterdam',
      ].join('\n'),
    );
  });

  it('leaves out scripts, styles, navigation, site header and footer, asides and forms', async () => {
    const [document] = await readHtmlDocument(await loadFixture('html/atm-fees.html'));
    for (const furniture of ['dataLayer', 'trackScroll', '#b00', 'Help\n', '©', 'Privacy', 'Related:', 'Was this helpful', 'Yes']) {
      expect(document?.body).not.toContain(furniture);
    }
  });

  it('falls back to <body> and <title>, and reads a Dutch lang attribute', async () => {
    const [document] = await readHtmlDocument(await loadFixture('html/spaarrekening.htm'));
    expect(document).toStrictEqual({
      id: 'html-spaarrekening',
      title: 'Geld opnemen van uw spaarrekening',
      locale: 'nl',
      body:
        'U kunt altijd gratis geld overboeken van uw Lumen Spaarrekening naar uw betaalrekening.\n\n' +
        'Een overboeking staat meestal binnen een paar seconden op uw betaalrekening.',
      sourcePath: 'html/spaarrekening.htm',
    });
  });

  it('takes the title from the file name when there is no <h1> or <title>', async () => {
    const [document] = await readHtmlDocument(page('<p>Fees are listed in the app.</p>'));
    expect(document?.title).toBe('ATM Fees 2026');
  });

  it('prefers the <h1> over the <title>, and does not take a logo <h1> from the navigation', async () => {
    const [document] = await readHtmlDocument(
      page('<nav><h1>Lumen Bank</h1></nav><div><h1>ATM fees</h1><p>Text.</p></div>', '<title>ATM fees | Lumen Bank</title>'),
    );
    expect(document?.title).toBe('ATM fees');
    expect(document?.body).toBe('Text.');
  });

  it('uses a single <article> as the content when there is no <main>', async () => {
    const [document] = await readHtmlDocument(page('<p>Cookie banner</p><article><h1>Card fees</h1><p>Free.</p></article>'));
    expect(document).toMatchObject({ title: 'Card fees', body: 'Free.' });
  });

  it.each([
    ['lang="fr"', 'nl'],
    ['', 'nl'],
    ['lang="en-US"', 'en'],
  ])('uses the default locale for an unsupported or missing lang (%s)', async (attributes, locale) => {
    const file = { ...page('<p>Text.</p>', '', attributes), defaultLocale: 'nl' as const };
    const [document] = await readHtmlDocument(file);
    expect(document?.locale).toBe(locale);
  });

  it('leaves out a canonical link that is not an absolute http(s) URL', async () => {
    const [document] = await readHtmlDocument(page('<p>Text.</p>', '<link rel="canonical" href="/en/fees/atm-fees">'));
    expect(document?.url).toBeUndefined();
    expect(document).not.toHaveProperty('url');
  });

  it('decodes named, numeric and hexadecimal entities in the title and body', async () => {
    const [document] = await readHtmlDocument(
      page('<h1>Fees &amp; limits</h1><p>&euro;&nbsp;2,25 &lt;per&gt; opname &#8211; &#x201C;gratis&#x201D; &quot;OK&quot;</p>'),
    );
    expect(document?.title).toBe('Fees & limits');
    expect(document?.body).toBe('€ 2,25 <per> opname – “gratis” "OK"');
  });

  it('reads a page nested as deep as a browser builds it', async () => {
    const [document] = await readHtmlDocument(page(`<h1>Deep</h1>${'<div>'.repeat(500)}Still read.${'</div>'.repeat(500)}`));
    expect(document?.body).toBe('Still read.');
  });

  it('rejects a page nested deeper than 512 elements instead of overflowing the stack (found by bench/fuzz)', async () => {
    for (const tag of ['div', 'table', 'span']) {
      await expect(readHtmlDocument(page(`<h1>Deep</h1>${`<${tag}>`.repeat(10_000)}text`))).rejects.toMatchObject({
        name: 'SourceFormatError',
        reason: 'elements are nested more than 512 levels deep',
      });
    }
  });

  it('rejects a page with no content text', async () => {
    await expect(readHtmlDocument(await loadFixture('html/empty-page.html'))).rejects.toMatchObject({
      name: 'SourceFormatError',
      relativePath: 'html/empty-page.html',
      reason: 'no text',
    });
  });
});
