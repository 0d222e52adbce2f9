import { AppError } from '../bot/errors/app-error.js';

/** One bad line of a JSONL dataset. */
export interface DatasetLineProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/** A dataset file has lines that cannot be used; every bad line is listed as file:line so it can be fixed in one pass. */
export class DatasetFormatError extends AppError {
  override readonly name = 'DatasetFormatError';
  readonly isRetryable = false;

  constructor(
    readonly path: string,
    readonly problems: readonly DatasetLineProblem[],
  ) {
    super(`Invalid dataset ${path}:\n${problems.map((problem) => `  ${path}:${problem.line}: ${problem.message}`).join('\n')}`);
  }
}
