import { describe, expect, it } from 'vitest';
import { loadFixture, sourceFile } from './__fixtures__/load-fixture.js';
import { readFaqCsvDocuments } from './read-faq-csv-documents.js';
import { readHtmlDocument } from './read-html-document.js';
import { readJsonlDocuments } from './read-jsonl-documents.js';
import { readMarkdownDocument } from './read-markdown-document.js';
import { readPdfDocument } from './read-pdf-document.js';
import { readTextDocument } from './read-text-document.js';
import type { SourceReader } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';

/** Every reader with a well-formed fixture and its extension; each must keep the `SourceReader` promises. */
const readers: [name: string, reader: SourceReader, fixture: string][] = [
  ['markdown with front matter', readMarkdownDocument, 'markdown/savings-interest.md'],
  ['markdown without front matter', readMarkdownDocument, 'markdown/accounts/Opening a Joint Account.md'],
  ['html', readHtmlDocument, 'html/atm-fees.html'],
  ['text', readTextDocument, 'text/branch-opening-hours.txt'],
  ['pdf', readPdfDocument, 'pdf/card-usage-abroad.pdf'],
  ['jsonl', readJsonlDocuments, 'jsonl/faq-export.jsonl'],
  ['csv', readFaqCsvDocuments, 'csv/faq.csv'],
];

describe.each(readers)('SourceReader contract: %s', (_name, reader, fixture) => {
  it('returns documents with a kebab-case id, a trimmed title, a markdown body and its source path', async () => {
    const documents = await reader(await loadFixture(fixture));
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(document.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(document.title).toBe(document.title.trim());
      expect(document.title).not.toBe('');
      expect(document.body).toBe(document.body.trim());
      expect(document.body).not.toBe('');
      expect(document.body).not.toMatch(/^# /);
      expect(document.body).not.toContain('\r');
      expect(['en', 'nl']).toContain(document.locale);
      expect([fixture, `${fixture}#${document.id}`]).toContain(document.sourcePath);
    }
    expect(new Set(documents.map((document) => document.id)).size).toBe(documents.length);
  });

  it('rejects an empty file with a SourceFormatError that names the file', async () => {
    const relativePath = fixture.replace(/^.*\//, 'empty/');
    const read = reader(sourceFile(relativePath, ''));
    await expect(read).rejects.toBeInstanceOf(SourceFormatError);
    await expect(read).rejects.toMatchObject({ relativePath });
  });
});
