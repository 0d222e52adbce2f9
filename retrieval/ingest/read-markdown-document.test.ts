import { describe, expect, it } from 'vitest';
import { loadFixture, sourceFile } from './__fixtures__/load-fixture.js';
import { readMarkdownDocument } from './read-markdown-document.js';
import { SourceFormatError } from './source-format-error.js';

describe('readMarkdownDocument', () => {
  it('takes id, title, locale and url from the front matter and drops the # title line', async () => {
    const [document] = await readMarkdownDocument(await loadFixture('markdown/savings-interest.md'));
    expect(document).toMatchObject({
      id: 'savings-interest',
      title: 'Interest on your Lumen Savings account',
      locale: 'en',
      url: 'https://help.lumenbank.example/en/savings/savings-interest',
      sourcePath: 'markdown/savings-interest.md',
    });
    expect(document?.frontMatter).toMatchObject({ owner: 'savings-team', version: 3, tags: ['savings', 'interest'] });
    expect(document?.body).toMatch(/^You earn interest on the full balance/);
    expect(document?.body).toContain('## When interest is paid\n\nWe calculate interest');
    expect(document?.body).toContain('1. Open the Lumen Bank app and go to Savings.\n2. Tap Interest');
  });

  it('keeps the front matter locale over the default locale', async () => {
    const [document] = await readMarkdownDocument(await loadFixture('markdown/savings-interest.md', { defaultLocale: 'nl' }));
    expect(document?.locale).toBe('en');
  });

  it('reads a CRLF file with a BOM', async () => {
    const file = await loadFixture('markdown/savings-interest.md');
    const windows = { ...file, content: Buffer.from(`\uFEFF${file.content.toString('utf8').replace(/\n/g, '\r\n')}`) };
    const [document] = await readMarkdownDocument(windows);
    expect(document?.id).toBe('savings-interest');
    expect(document?.body).not.toContain('\r');
  });

  it('reports invalid front matter as a SourceFormatError', async () => {
    const read = readMarkdownDocument(await loadFixture('markdown/invalid-front-matter.md'));
    await expect(read).rejects.toBeInstanceOf(SourceFormatError);
    await expect(read).rejects.toMatchObject({
      relativePath: 'markdown/invalid-front-matter.md',
      reason: 'invalid front matter: id: must be lowercase kebab-case',
    });
  });

  describe('without front matter', () => {
    it('takes the title from the first # heading and the id from the path', async () => {
      const [document] = await readMarkdownDocument(await loadFixture('markdown/accounts/Opening a Joint Account.md'));
      expect(document).toMatchObject({
        id: 'markdown-accounts-opening-a-joint-account',
        title: 'Opening a joint account',
        locale: 'en',
        sourcePath: 'markdown/accounts/Opening a Joint Account.md',
      });
      expect(document?.frontMatter).toBeUndefined();
      expect(document?.body).toMatch(/^You can open a joint account/);
      expect(document?.body).toContain('## What you need\n\n- A Lumen Bank current account');
    });

    it('does not mistake a # comment in a code block for the title', async () => {
      const [document] = await readMarkdownDocument(
        sourceFile('setup.md', 'Intro text.\n\n```sh\n# install\n```\n\n# Real title\n\nMore text.\n'),
      );
      expect(document?.title).toBe('Real title');
      expect(document?.body).toBe('Intro text.\n\n```sh\n# install\n```\n\nMore text.');
    });

    it('takes the title from the file name when there is no # heading', async () => {
      const [document] = await readMarkdownDocument(await loadFixture('markdown/contact-hours.md', { defaultLocale: 'nl' }));
      expect(document).toMatchObject({ id: 'markdown-contact-hours', title: 'Contact hours', locale: 'nl' });
      expect(document?.body).toMatch(/^Our customer service team/);
    });

    it('rejects a file that is only a title', async () => {
      await expect(readMarkdownDocument(await loadFixture('markdown/title-only.md'))).rejects.toMatchObject({
        name: 'SourceFormatError',
        reason: 'no text',
      });
    });
  });
});
