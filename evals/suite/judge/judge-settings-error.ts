import { AppError } from '../../../bot/errors/app-error.js';

/** A judge setting is missing or malformed; the message names the variable and what it expects. */
export class JudgeSettingsError extends AppError {
  override readonly name = 'JudgeSettingsError';
  readonly isRetryable = false;
}
