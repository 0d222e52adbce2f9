import { AppError } from '../bot/errors/app-error.js';

/** The embeddings endpoint failed or answered something unusable. */
export class EmbeddingProviderError extends AppError {
  override readonly name = 'EmbeddingProviderError';

  constructor(
    message: string,
    readonly isRetryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
