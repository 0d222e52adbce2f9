import { readJsonlDocuments } from '../../../retrieval/ingest/read-jsonl-documents.js';
import { jsonLinesText } from '../arbitraries/json-lines-text.js';
import { ingestFixtures, sourceFile, textContent } from '../arbitraries/source-files.js';
import { sourceReaderTarget } from '../source-reader-target.js';

export const readJsonlTarget = sourceReaderTarget(
  'read-jsonl',
  'retrieval/ingest/read-jsonl-documents.ts#readJsonlDocuments',
  readJsonlDocuments,
  sourceFile('.jsonl', textContent(jsonLinesText(), ingestFixtures('jsonl'))),
);
