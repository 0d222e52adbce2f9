import { AppError } from '../../bot/errors/app-error.js';

/** A curation action does not fit the article's current state (approving what is already served, say). */
export class CurationConflictError extends AppError {
  override readonly name = 'CurationConflictError';
  readonly isRetryable = false;
}
