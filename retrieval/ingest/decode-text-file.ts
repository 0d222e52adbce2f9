import type { SourceFile } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file as UTF-8 text with any BOM removed and line endings normalised to
 * `\n`. Invalid UTF-8 (typically a file saved as Windows-1252) is an error rather
 * than text full of replacement characters, because the curator can fix it.
 */
export function decodeTextFile(file: SourceFile): string {
  let text: string;
  try {
    text = utf8.decode(file.content);
  } catch {
    throw new SourceFormatError(file.relativePath, 'the file is not valid UTF-8 text: save it with UTF-8 encoding');
  }
  return text.replace(/\r\n?/g, '\n');
}
