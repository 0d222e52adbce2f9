import { AppError } from './app-error.js';

/**
 * The caller is known but may not do this: a role that does not cover the
 * API, a case another person holds, a missing CSRF token. `code` is the stable
 * reason a client can act on (`role_not_allowed`, `csrf_token_invalid`, ...).
 */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  readonly isRetryable = false;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
