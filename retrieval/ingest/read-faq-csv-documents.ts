import { CsvError, parse } from 'csv-parse/sync';
import { decodeTextFile } from './decode-text-file.js';
import { httpUrlSchema } from './http-url-schema.js';
import { parseLocaleTag } from './parse-locale-tag.js';
import type { SourceDocument, SourceReader } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';
import { summarizeProblems } from './summarize-problems.js';
import { toKebabSlug } from './to-kebab-slug.js';
import { toSourceDocument } from './to-source-document.js';

const columnNames = ['question', 'answer', 'id', 'locale', 'url'] as const;
type ColumnName = (typeof columnNames)[number];

/** Long questions still give ids a person can read in a log line. */
const maxSlugLength = 60;

/**
 * Reads a `.csv` FAQ sheet: a header row naming `question` and `answer`
 * (any case; optional `id`, `locale`, `url`), then one document per row with
 * the question as title and the answer as body. Quoted fields may hold commas,
 * quotes and line breaks; a BOM, CRLF line endings and a semicolon-separated
 * sheet (Excel with Dutch settings) are fine.
 *
 * Rows are numbered as a spreadsheet shows them: the header is row 1. A row
 * without an id gets `faq-<question slug>`, with `-2`, `-3`… for repeats, never
 * taking an id another row states. Like JSONL, any bad row fails the whole file.
 */
export const readFaqCsvDocuments: SourceReader = async (file) => {
  const rows = parseCsv(file.relativePath, decodeTextFile(file));
  const [header = [], ...records] = rows;
  const columns = findColumns(file.relativePath, header);
  const cell = (record: string[], name: ColumnName): string => {
    const index = columns.get(name);
    return index === undefined ? '' : (record[index] ?? '').trim();
  };

  const problems: string[] = [];
  const rowOfStatedId = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    const id = cell(record, 'id');
    if (id === '') continue;
    const firstRow = rowOfStatedId.get(id);
    if (firstRow === undefined) rowOfStatedId.set(id, index + 2);
    else problems.push(`row ${index + 2}: duplicate id "${id}" (also in row ${firstRow})`);
  }

  const usedIds = new Set(rowOfStatedId.keys());
  const documents: SourceDocument[] = [];
  for (const [index, record] of records.entries()) {
    const rowNumber = index + 2;
    const where = `row ${rowNumber}`;
    // A blank row (an empty line, or ",," from a spreadsheet) holds nothing to lose.
    if (record.every((value) => value.trim() === '')) continue;
    if (record.slice(header.length).some((extra) => extra.trim() !== '')) {
      // Usually an unquoted comma in an answer ("€2,50"): dropping the extra cells would cut the answer short.
      problems.push(`${where}: ${record.length} cells but the header has ${header.length} columns (quote fields that contain commas)`);
      continue;
    }
    const question = cell(record, 'question');
    const answer = cell(record, 'answer');
    const missing = [question === '' ? 'question' : '', answer === '' ? 'answer' : ''].filter(Boolean);
    if (missing.length > 0) {
      problems.push(`${where}: empty ${missing.join(' and ')}`);
      continue;
    }
    const localeCell = cell(record, 'locale');
    const locale = localeCell === '' ? file.defaultLocale : parseLocaleTag(localeCell);
    if (locale === undefined) {
      problems.push(`${where}: locale "${localeCell}" is not supported (use en or nl)`);
      continue;
    }
    const urlCell = cell(record, 'url');
    const url = httpUrlSchema.safeParse(urlCell);
    if (urlCell !== '' && !url.success) {
      problems.push(`${where}: url "${urlCell}" must be an absolute http(s) URL`);
      continue;
    }
    const id = cell(record, 'id') || generateId(question, rowNumber, usedIds);
    try {
      documents.push(
        toSourceDocument(
          file.relativePath,
          {
            id,
            title: question,
            locale,
            body: answer,
            ...(url.success ? { url: url.data } : {}),
            sourcePath: `${file.relativePath}#${id}`,
          },
          where,
        ),
      );
    } catch (error) {
      if (!(error instanceof SourceFormatError)) throw error;
      problems.push(error.reason);
    }
  }
  if (problems.length > 0) throw new SourceFormatError(file.relativePath, summarizeProblems(problems));
  if (documents.length === 0) throw new SourceFormatError(file.relativePath, 'no text: the sheet has a header but no rows');
  return documents;
};

/**
 * csv-parse builds an error object for every row whose cell count differs from
 * the header, even when told to accept such rows (about 50 µs a row): a sheet
 * of 100,000 short lines took five seconds. An FAQ is far shorter than this.
 */
const maxLines = 10_000;

function parseCsv(relativePath: string, text: string): string[][] {
  const lines = (text.match(/\n/g)?.length ?? 0) + 1;
  if (lines > maxLines) throw new SourceFormatError(relativePath, `more than ${maxLines} lines: split the sheet into several files`);
  const headerLine = text.split('\n', 1)[0] ?? '';
  // Excel with Dutch regional settings saves "CSV" with semicolons, because the comma is the decimal separator.
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  try {
    // Uneven and blank rows are handled per row below, so every row keeps the number a spreadsheet shows.
    return parse(text, { delimiter, relax_column_count: true });
  } catch (error) {
    if (error instanceof CsvError) throw new SourceFormatError(relativePath, `not valid CSV: ${error.message}`);
    throw error;
  }
}

function findColumns(relativePath: string, header: string[]): Map<ColumnName, number> {
  const columns = new Map<ColumnName, number>();
  for (const [index, rawName] of header.entries()) {
    const name = columnNames.find((column) => column === rawName.trim().toLowerCase());
    if (name === undefined) continue;
    if (columns.has(name)) throw new SourceFormatError(relativePath, `row 1: column "${name}" appears twice in the header`);
    columns.set(name, index);
  }
  const missing = (['question', 'answer'] as const).filter((name) => !columns.has(name));
  if (missing.length > 0) {
    const found = header.map((name) => `"${name.trim()}"`).join(', ') || 'nothing';
    throw new SourceFormatError(
      relativePath,
      `row 1: the header must name the columns question and answer; missing ${missing.join(' and ')} (found ${found})`,
    );
  }
  return columns;
}

/** `faq-` + the question's slug, made unique in order of the rows so re-ingesting gives the same ids. */
function generateId(question: string, rowNumber: number, usedIds: Set<string>): string {
  const slug = toKebabSlug(question, maxSlugLength);
  const base = slug === '' ? `faq-row-${rowNumber}` : `faq-${slug}`;
  let id = base;
  for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${base}-${suffix}`;
  usedIds.add(id);
  return id;
}
