import { describe, expect, it } from 'vitest';
import { loadFixture, sourceFile } from './__fixtures__/load-fixture.js';
import { readJsonlDocuments } from './read-jsonl-documents.js';
import { SourceFormatError } from './source-format-error.js';

const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ id: 'block-card', title: 'How do I block my card?', text: 'Tap Block card in the app.', ...fields });

describe('readJsonlDocuments', () => {
  it('reads one document per line, skipping blank lines and ignoring unknown keys', async () => {
    const documents = await readJsonlDocuments(await loadFixture('jsonl/faq-export.jsonl', { relativePath: 'exports/faq.jsonl' }));
    expect(documents).toStrictEqual([
      {
        id: 'block-card',
        title: 'How do I block my card?',
        locale: 'en',
        body: 'Open the Lumen Bank app, go to Cards and tap Block card. Blocking takes effect immediately.',
        url: 'https://help.lumenbank.example/en/cards/block-card',
        sourcePath: 'exports/faq.jsonl#block-card',
      },
      {
        id: 'pas-blokkeren',
        title: 'Hoe blokkeer ik mijn pas?',
        locale: 'nl',
        body: 'Open de Lumen Bank-app, ga naar Passen en tik op Pas blokkeren.',
        sourcePath: 'exports/faq.jsonl#pas-blokkeren',
      },
      {
        id: 'statement-download',
        title: 'Download a statement',
        locale: 'en',
        body: 'Go to Accounts, tap the account and choose Statements.\n\nStatements are available for the last 7 years.',
        sourcePath: 'exports/faq.jsonl#statement-download',
      },
    ]);
  });

  it('uses the default locale for records without one', async () => {
    const documents = await readJsonlDocuments(sourceFile('faq.jsonl', `${record({})}\r\n`, 'nl'));
    expect(documents.map((document) => document.locale)).toEqual(['nl']);
  });

  it('fails the whole file, naming every bad line by its number in the file', async () => {
    const read = readJsonlDocuments(await loadFixture('jsonl/bad-lines.jsonl'));
    await expect(read).rejects.toBeInstanceOf(SourceFormatError);
    const error = (await read.catch((caught: unknown) => caught)) as SourceFormatError;
    expect(error.relativePath).toBe('jsonl/bad-lines.jsonl');
    // Line 4 is blank: it is skipped but still counted, so the numbers match an editor's.
    expect(error.reason.split('; ')).toEqual([
      expect.stringMatching(/^line 2: not valid JSON \(.+\)$/),
      'line 3: id: Invalid input: expected string, received number',
      'line 5: duplicate id "block-card" (also on line 1)',
      'line 6: no text',
      'line 7: locale: "fr" is not supported (use en or nl)',
    ]);
  });

  it.each([
    ['a title of the wrong type', record({ title: ['Block'] }), 'line 1: title: Invalid input: expected string, received array'],
    ['a missing text', JSON.stringify({ id: 'a', title: 'A' }), 'line 1: text: Invalid input: expected string, received undefined'],
    ['a relative url', record({ url: '/en/cards' }), 'line 1: url: must be an absolute http(s) URL'],
    ['an id that is not kebab-case', record({ id: 'Block_Card' }), 'line 1: id "Block_Card" must be lowercase kebab-case (a-z, 0-9 and single hyphens)'],
    ['a blank title', record({ title: '  ' }), 'line 1: no title'],
    ['a line that is not an object', '["block-card"]', 'line 1: record: Invalid input: expected object, received array'],
  ])('rejects %s', async (_case, line, reason) => {
    await expect(readJsonlDocuments(sourceFile('faq.jsonl', line))).rejects.toMatchObject({ reason });
  });

  it('rejects a file with no records', async () => {
    await expect(readJsonlDocuments(sourceFile('faq.jsonl', '\n\n'))).rejects.toMatchObject({
      reason: 'no text: the file holds no records',
    });
  });

  it('lists ten problems and counts the rest', async () => {
    const lines = Array.from({ length: 12 }, (_, index) => record({ id: `faq-${index}`, text: '' }));
    const error = (await readJsonlDocuments(sourceFile('faq.jsonl', lines.join('\n'))).catch((caught: unknown) => caught)) as SourceFormatError;
    expect(error.reason).toMatch(/^line 1: no text; .*; line 10: no text; and 2 more$/);
  });
});
