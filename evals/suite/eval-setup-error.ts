import { AppError } from '../../bot/errors/app-error.js';

/** The run cannot start: the knowledge base yielded no document, or the app did not come up. */
export class EvalSetupError extends AppError {
  override readonly name = 'EvalSetupError';
  readonly isRetryable = false;
}
