import { AppError } from './app-error.js';

/** The thing asked for does not exist (or the caller may not know it does). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  readonly isRetryable = false;

  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${JSON.stringify(id)} not found`);
  }
}
