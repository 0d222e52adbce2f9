import { readFaqCsvDocuments } from '../../../retrieval/ingest/read-faq-csv-documents.js';
import { csvText } from '../arbitraries/csv-text.js';
import { ingestFixtures, sourceFile, textContent } from '../arbitraries/source-files.js';
import { sourceReaderTarget } from '../source-reader-target.js';

export const readFaqCsvTarget = sourceReaderTarget(
  'read-faq-csv',
  'retrieval/ingest/read-faq-csv-documents.ts#readFaqCsvDocuments',
  readFaqCsvDocuments,
  sourceFile('.csv', textContent(csvText, ingestFixtures('csv'))),
);
