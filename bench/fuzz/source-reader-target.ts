import type fc from 'fast-check';
import type { SourceFile, SourceReader } from '../../retrieval/ingest/source-document.js';
import { SourceFormatError } from '../../retrieval/ingest/source-format-error.js';
import type { FuzzTarget } from './fuzz-target.js';
import { PropertyViolation } from './property-violation.js';
import { rethrowUnlessDocumented } from './rethrow-unless-documented.js';

const documentId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A knowledge-base reader under fuzzing: it resolves to documents ingestion can store, or rejects with SourceFormatError. */
export function sourceReaderTarget(name: string, parser: string, read: SourceReader, arbitrary: fc.Arbitrary<SourceFile>): FuzzTarget<SourceFile> {
  return {
    name,
    parser,
    contract: 'resolves to documents with a kebab-case id, a title, a body and en or nl, or rejects with SourceFormatError',
    arbitrary,
    async check(file) {
      try {
        for (const document of await read(file)) {
          if (!documentId.test(document.id)) throw new PropertyViolation(`id ${JSON.stringify(document.id)} is not kebab-case`);
          if (document.title.trim() === '' || document.body.trim() === '') throw new PropertyViolation('a document without title or body');
          if (document.locale !== 'en' && document.locale !== 'nl') throw new PropertyViolation(`locale ${String(document.locale)}`);
        }
      } catch (error) {
        rethrowUnlessDocumented(error, [SourceFormatError]);
      }
    },
  };
}
