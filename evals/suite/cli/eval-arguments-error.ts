import { AppError } from '../../../bot/errors/app-error.js';

/** The command line cannot be used as given; the message says which option and what it expects. */
export class EvalArgumentsError extends AppError {
  override readonly name = 'EvalArgumentsError';
  readonly isRetryable = false;
}
