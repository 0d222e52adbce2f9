import { AppError } from '../bot/errors/app-error.js';

/** A channel was asked to do something its protocol cannot do. */
export class ChannelCapabilityError extends AppError {
  override readonly name = 'ChannelCapabilityError';
  readonly isRetryable = false;

  constructor(
    readonly channel: string,
    readonly capability: string,
  ) {
    super(`The ${channel} channel cannot ${capability}`);
  }
}
