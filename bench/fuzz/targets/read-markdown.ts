import { readMarkdownDocument } from '../../../retrieval/ingest/read-markdown-document.js';
import { markdownText } from '../arbitraries/markdown-text.js';
import { ingestFixtures, sourceFile, textContent } from '../arbitraries/source-files.js';
import { sourceReaderTarget } from '../source-reader-target.js';

export const readMarkdownTarget = sourceReaderTarget(
  'read-markdown',
  'retrieval/ingest/read-markdown-document.ts#readMarkdownDocument',
  readMarkdownDocument,
  sourceFile('.md', textContent(markdownText, ingestFixtures('markdown'))),
);
