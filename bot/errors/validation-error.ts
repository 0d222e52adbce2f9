import { AppError } from './app-error.js';

/** One field that failed validation, in terms the caller can fix. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The caller sent something malformed; retrying the same input will fail again. */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
  readonly isRetryable = false;

  constructor(
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}
