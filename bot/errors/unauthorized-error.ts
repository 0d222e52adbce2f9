import { AppError } from './app-error.js';

/** The caller did not prove who it is. */
export class UnauthorizedError extends AppError {
  override readonly name = 'UnauthorizedError';
  readonly isRetryable = false;
}
