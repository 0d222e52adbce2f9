import { AppError } from './app-error.js';

/** Too many attempts (failed sign-ins); the caller may try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends AppError {
  override readonly name = 'TooManyRequestsError';
  readonly isRetryable = true;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
