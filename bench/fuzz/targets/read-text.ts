import { readTextDocument } from '../../../retrieval/ingest/read-text-document.js';
import { ingestFixtures, plainText, sourceFile, textContent } from '../arbitraries/source-files.js';
import { sourceReaderTarget } from '../source-reader-target.js';

export const readTextTarget = sourceReaderTarget(
  'read-text',
  'retrieval/ingest/read-text-document.ts#readTextDocument',
  readTextDocument,
  sourceFile('.txt', textContent(plainText, ingestFixtures('text'))),
);
