import { AppError } from '../../bot/errors/app-error.js';

/** An inbound email carries more than we accept; the same message will be refused again, so it is not retryable. */
export class InboundEmailTooLargeError extends AppError {
  override readonly name = 'InboundEmailTooLargeError';
  readonly isRetryable = false;

  constructor(
    /** What went over: the whole message or its attachments. */
    readonly part: 'message' | 'attachments',
    readonly limitBytes: number,
  ) {
    super(`The email's ${part} exceed the limit of ${limitBytes} bytes`);
  }
}
