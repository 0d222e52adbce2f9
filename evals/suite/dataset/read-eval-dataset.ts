import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { DatasetFormatError, type DatasetLineProblem } from '../../dataset-format-error.js';
import { parseJsonLines } from '../../parse-json-lines.js';
import { evalCaseSchema, type EvalCase } from './eval-case.js';

export interface EvalDataset {
  /** The files read, in order. */
  files: string[];
  /** Every case, in file order. */
  cases: EvalCase[];
}

/**
 * Reads one `.jsonl` file, or every `.jsonl` file directly in a folder (sorted
 * by name). Every bad line of every file is collected first; the first file
 * with problems is thrown as a {@link DatasetFormatError} naming each as
 * file:line with the reason. An id used in two files is a problem of the later line.
 */
export async function readEvalDataset(path: string): Promise<EvalDataset> {
  const files = await datasetFiles(path);
  const cases: EvalCase[] = [];
  const fileOfId = new Map<string, string>();
  for (const file of files) {
    // Inside the working folder a short relative path; elsewhere the path as given.
    const fromHere = relative(process.cwd(), file);
    const shown = fromHere === '' || fromHere.startsWith('..') || isAbsolute(fromHere) ? file : fromHere;
    const text = await readFile(file, 'utf8');
    const records = parseJsonLines(text, shown, evalCaseSchema, (record) => record.id);
    const problems: DatasetLineProblem[] = [];
    for (const record of records) {
      const firstFile = fileOfId.get(record.id);
      if (firstFile !== undefined) problems.push({ line: lineOfId(text, record.id), message: `duplicate id "${record.id}" (already in ${firstFile})` });
      else fileOfId.set(record.id, shown);
    }
    if (problems.length > 0) throw new DatasetFormatError(shown, problems);
    cases.push(...records);
  }
  return { files, cases };
}

async function datasetFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.jsonl'))
    .map((entry) => join(path, entry.name))
    .sort();
  if (files.length === 0) throw new DatasetFormatError(path, [{ line: 0, message: 'no .jsonl files in this folder' }]);
  return files;
}

/** The 1-based line that holds the record with this id (the parser has validated every line already). */
function lineOfId(text: string, id: string): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => {
    if (line.trim() === '') return false;
    return (JSON.parse(line) as { id?: unknown }).id === id;
  });
  return index + 1;
}
