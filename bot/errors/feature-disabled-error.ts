import { AppError } from './app-error.js';

/** The operator has not switched this feature on; the message names the setting that does. */
export class FeatureDisabledError extends AppError {
  override readonly name = 'FeatureDisabledError';
  readonly isRetryable = false;
}
