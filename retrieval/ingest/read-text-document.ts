import { decodeTextFile } from './decode-text-file.js';
import { deriveDocumentId } from './derive-document-id.js';
import type { SourceReader } from './source-document.js';
import { toSourceDocument } from './to-source-document.js';

/**
 * Reads a plain `.txt` file: the first non-empty line is the title, the rest
 * the body. Paragraphs (blank-line separated) and line breaks are kept as
 * written, since hand-written lists and addresses depend on them.
 */
export const readTextDocument: SourceReader = async (file) => {
  const lines = decodeTextFile(file)
    .split('\n')
    .map((line) => line.trimEnd());
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  const body = lines
    .slice(titleIndex + 1)
    .join('\n')
    // Runs of blank lines are one paragraph break in markdown; keep one.
    .replace(/\n{3,}/g, '\n\n');
  return [
    toSourceDocument(file.relativePath, {
      id: deriveDocumentId(file.relativePath),
      title: titleIndex === -1 ? '' : (lines[titleIndex] ?? ''),
      locale: file.defaultLocale,
      body: titleIndex === -1 ? '' : body,
      sourcePath: file.relativePath,
    }),
  ];
};
