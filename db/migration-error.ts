import { AppError } from '../bot/errors/app-error.js';

/** The schema cannot be brought up to date; start-up must stop. */
export class MigrationError extends AppError {
  override readonly name = 'MigrationError';
  readonly isRetryable = false;
}
