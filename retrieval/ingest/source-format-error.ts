import { AppError } from '../../bot/errors/app-error.js';

/** A source file cannot be read as a document; the message says why, the path says which. */
export class SourceFormatError extends AppError {
  override readonly name = 'SourceFormatError';
  readonly isRetryable = false;

  constructor(
    readonly relativePath: string,
    readonly reason: string,
  ) {
    super(`${relativePath}: ${reason}`);
  }
}
