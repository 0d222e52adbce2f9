import type { SourceDocument } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';

const documentIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks the rules every reader's output must meet (a kebab-case id, a title,
 * some text) and returns the document with title and body trimmed.
 *
 * @param relativePath the file, named in the error.
 * @param where the record inside a multi-document file (`line 4`, `row 7`), named in the error.
 */
export function toSourceDocument(relativePath: string, document: SourceDocument, where?: string): SourceDocument {
  const fail = (reason: string): never => {
    throw new SourceFormatError(relativePath, where === undefined ? reason : `${where}: ${reason}`);
  };
  if (!documentIdPattern.test(document.id)) {
    fail(`id "${document.id}" must be lowercase kebab-case (a-z, 0-9 and single hyphens)`);
  }
  // Body first: an empty file has neither, and "no text" is the reason a person recognises.
  const body = document.body.trim();
  if (body === '') fail('no text');
  const title = document.title.replace(/\s+/g, ' ').trim();
  if (title === '') fail('no title');
  const { url, frontMatter, ...rest } = document;
  // Optional fields are left out rather than set to undefined, so stored JSON and equality checks stay clean.
  return {
    ...rest,
    title,
    body,
    ...(url === undefined ? {} : { url }),
    ...(frontMatter === undefined ? {} : { frontMatter }),
  };
}
