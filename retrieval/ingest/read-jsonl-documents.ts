import { z } from 'zod';
import { decodeTextFile } from './decode-text-file.js';
import { httpUrlSchema } from './http-url-schema.js';
import { parseLocaleTag } from './parse-locale-tag.js';
import type { SourceDocument, SourceReader } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';
import { summarizeProblems } from './summarize-problems.js';
import { toSourceDocument } from './to-source-document.js';

/**
 * One record of an export. Types are strict (an id of 42 is an error, not
 * "42"); unknown keys are ignored so exports may carry extra fields; `null`
 * counts as absent for the optional fields, as many exporters write it.
 */
const jsonlRecordSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  url: httpUrlSchema.nullish(),
  locale: z.string().nullish(),
});

/**
 * Reads a `.jsonl` export: one `{"id","title","text","url"?,"locale"?}` object
 * per line, blank lines skipped. Each record becomes a document with source
 * path `file.jsonl#id`.
 *
 * All or nothing: any bad line (invalid JSON, wrong types, an unsupported
 * locale, a missing title or text, a repeated id) fails the whole file with
 * every problem named by line number, so a file is never half ingested.
 */
export const readJsonlDocuments: SourceReader = async (file) => {
  const documents: SourceDocument[] = [];
  const problems: string[] = [];
  const lineOfId = new Map<string, number>();
  for (const [index, line] of decodeTextFile(file).split('\n').entries()) {
    if (line.trim() === '') continue;
    const lineNumber = index + 1;
    try {
      const document = readRecord(file.relativePath, line, lineNumber, file.defaultLocale);
      const firstLine = lineOfId.get(document.id);
      if (firstLine !== undefined) {
        problems.push(`line ${lineNumber}: duplicate id "${document.id}" (also on line ${firstLine})`);
        continue;
      }
      lineOfId.set(document.id, lineNumber);
      documents.push(document);
    } catch (error) {
      if (!(error instanceof SourceFormatError)) throw error;
      problems.push(error.reason);
    }
  }
  if (problems.length > 0) throw new SourceFormatError(file.relativePath, summarizeProblems(problems));
  if (documents.length === 0) throw new SourceFormatError(file.relativePath, 'no text: the file holds no records');
  return documents;
};

function readRecord(relativePath: string, line: string, lineNumber: number, defaultLocale: SourceDocument['locale']): SourceDocument {
  const where = `line ${lineNumber}`;
  const fail = (reason: string): never => {
    throw new SourceFormatError(relativePath, `${where}: ${reason}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  const parsed = jsonlRecordSchema.safeParse(value);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; '));
  }
  const record = parsed.data;
  const locale = record.locale == null ? defaultLocale : parseLocaleTag(record.locale);
  if (locale === undefined) return fail(`locale: "${record.locale}" is not supported (use en or nl)`);
  return toSourceDocument(
    relativePath,
    {
      id: record.id,
      title: record.title,
      locale,
      body: record.text,
      ...(record.url == null ? {} : { url: record.url }),
      sourcePath: `${relativePath}#${record.id}`,
    },
    where,
  );
}
