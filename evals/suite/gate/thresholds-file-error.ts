import { AppError } from '../../../bot/errors/app-error.js';

/** A thresholds file that cannot be read or does not match the schema; the run stops before starting anything. */
export class ThresholdsFileError extends AppError {
  override readonly name = 'ThresholdsFileError';
  readonly isRetryable = false;

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
