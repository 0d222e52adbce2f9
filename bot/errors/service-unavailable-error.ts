import { AppError } from './app-error.js';

/** A dependency (usually the database) is down; the caller should retry later. */
export class ServiceUnavailableError extends AppError {
  override readonly name = 'ServiceUnavailableError';
  readonly isRetryable = true;
}
