import { AppError } from './app-error.js';

/** The request conflicts with the resource's current state (another person holds the case); re-read, then decide. */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
  readonly isRetryable = false;
}
