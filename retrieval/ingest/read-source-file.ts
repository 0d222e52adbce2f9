import { posix } from 'node:path';
import { readFaqCsvDocuments } from './read-faq-csv-documents.js';
import { readHtmlDocument } from './read-html-document.js';
import { readJsonlDocuments } from './read-jsonl-documents.js';
import { readMarkdownDocument } from './read-markdown-document.js';
import { readPdfDocument } from './read-pdf-document.js';
import { readTextDocument } from './read-text-document.js';
import type { SourceDocument, SourceFile, SourceReader } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';

const readers: ReadonlyMap<string, SourceReader> = new Map([
  ['.md', readMarkdownDocument],
  ['.markdown', readMarkdownDocument],
  ['.html', readHtmlDocument],
  ['.htm', readHtmlDocument],
  ['.txt', readTextDocument],
  ['.pdf', readPdfDocument],
  ['.jsonl', readJsonlDocuments],
  ['.csv', readFaqCsvDocuments],
]);

/** File extensions `readSourceFile` reads, lowercase with the dot (`.md`). */
export const supportedExtensions: readonly string[] = [...readers.keys()];

/**
 * Reads one source file with the reader for its extension (any case).
 * Throws `SourceFormatError` for an unsupported extension or a file its reader rejects.
 */
export async function readSourceFile(file: SourceFile): Promise<SourceDocument[]> {
  const extension = posix.extname(file.relativePath).toLowerCase();
  const reader = readers.get(extension);
  if (reader === undefined) {
    const type = extension === '' ? 'unsupported file type (no extension)' : `unsupported file type ${extension}`;
    throw new SourceFormatError(file.relativePath, `${type}; supported: ${supportedExtensions.join(', ')}`);
  }
  return reader(file);
}
