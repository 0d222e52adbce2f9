import { describe, expect, it } from 'vitest';
import { loadFixture, sourceFile } from './__fixtures__/load-fixture.js';
import { readTextDocument } from './read-text-document.js';

describe('readTextDocument', () => {
  it('takes the first non-empty line as title and keeps paragraphs and line breaks', async () => {
    const [document] = await readTextDocument(await loadFixture('text/branch-opening-hours.txt', { relativePath: 'Branches/Opening Hours.txt' }));
    expect(document).toStrictEqual({
      id: 'branches-opening-hours',
      title: 'Branch opening hours',
      locale: 'en',
      body: [
        'Lumen Bank branches are open on working days from 09:00 to 17:00.',
        'On Saturdays the Amsterdam and Rotterdam branches are open from 10:00 to 14:00.',
        '',
        'Public holidays:',
        "- Closed on New Year's Day, King's Day and Christmas Day.",
        '- Open until 15:00 on Christmas Eve.',
      ].join('\n'),
      sourcePath: 'Branches/Opening Hours.txt',
    });
  });

  it('uses the default locale', async () => {
    const [document] = await readTextDocument(sourceFile('openingstijden.txt', 'Openingstijden\n\nMa-vr 09:00-17:00', 'nl'));
    expect(document?.locale).toBe('nl');
  });

  it.each([
    ['an empty file', ''],
    ['only blank lines', '\n \n\t\n'],
    ['only a title', 'Branch opening hours\n\n'],
  ])('rejects %s as "no text"', async (_case, text) => {
    await expect(readTextDocument(sourceFile('hours.txt', text))).rejects.toMatchObject({ name: 'SourceFormatError', reason: 'no text' });
  });
});
