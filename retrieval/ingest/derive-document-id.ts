import { posix } from 'node:path';
import { SourceFormatError } from './source-format-error.js';
import { toKebabSlug } from './to-kebab-slug.js';

/**
 * The id of a document whose source states none: its relative path without the
 * extension, in lowercase kebab-case (`Fees/ATM Fees 2026.html` →
 * `fees-atm-fees-2026`). The folders are kept so that two `faq.html` files in
 * different folders do not collide.
 */
export function deriveDocumentId(relativePath: string): string {
  const { dir, name } = posix.parse(relativePath);
  const id = toKebabSlug(dir === '' ? name : `${dir}/${name}`);
  if (id === '') {
    throw new SourceFormatError(relativePath, 'cannot derive an id from the file name: use letters or digits in the name');
  }
  return id;
}
