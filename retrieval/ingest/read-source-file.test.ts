import { describe, expect, it } from 'vitest';
import { loadFixture, sourceFile } from './__fixtures__/load-fixture.js';
import { readSourceFile, supportedExtensions } from './read-source-file.js';
import { SourceFormatError } from './source-format-error.js';

describe('readSourceFile', () => {
  it('lists the supported extensions', () => {
    expect(supportedExtensions).toEqual(['.md', '.markdown', '.html', '.htm', '.txt', '.pdf', '.jsonl', '.csv']);
  });

  it.each([
    ['markdown/savings-interest.md', 'Guides/Savings.MARKDOWN', 'savings-interest'],
    ['html/spaarrekening.htm', 'NL/Sparen.HTM', 'nl-sparen'],
    ['text/branch-opening-hours.txt', 'Branches.TXT', 'branches'],
    ['pdf/savings-interest.pdf', 'Leaflets/Rente.PDF', 'leaflets-rente'],
    ['jsonl/faq-export.jsonl', 'Export.JSONL', 'block-card'],
    ['csv/faq.csv', 'FAQ.Csv', 'faq-how-much-does-a-cash-withdrawal-abroad-cost'],
  ])('dispatches %s on its extension in any case', async (fixture, relativePath, firstId) => {
    const documents = await readSourceFile(await loadFixture(fixture, { relativePath }));
    expect(documents[0]?.id).toBe(firstId);
  });

  it('rejects an unsupported extension, naming the supported ones', async () => {
    const read = readSourceFile(sourceFile('Fees/ATM fees.DOCX', 'PK'));
    await expect(read).rejects.toBeInstanceOf(SourceFormatError);
    await expect(read).rejects.toThrow(
      'Fees/ATM fees.DOCX: unsupported file type .docx; supported: .md, .markdown, .html, .htm, .txt, .pdf, .jsonl, .csv',
    );
  });

  it('rejects a file without an extension', async () => {
    await expect(readSourceFile(sourceFile('README', 'text'))).rejects.toMatchObject({
      reason: 'unsupported file type (no extension); supported: .md, .markdown, .html, .htm, .txt, .pdf, .jsonl, .csv',
    });
  });
});
