/**
 * Base of every error the service raises on purpose. Domain errors know
 * nothing of HTTP; `bot/http/error-handler.ts` maps them to status codes.
 */
export abstract class AppError extends Error {
  abstract override readonly name: string;
  /** True when the same operation may succeed if tried again later. */
  abstract readonly isRetryable: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
