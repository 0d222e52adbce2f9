import { readHtmlDocument } from '../../../retrieval/ingest/read-html-document.js';
import { htmlText } from '../arbitraries/html-text.js';
import { ingestFixtures, sourceFile, textContent } from '../arbitraries/source-files.js';
import { sourceReaderTarget } from '../source-reader-target.js';

export const readHtmlTarget = sourceReaderTarget(
  'read-html',
  'retrieval/ingest/read-html-document.ts#readHtmlDocument',
  readHtmlDocument,
  sourceFile('.html', textContent(htmlText, ingestFixtures('html'))),
);
