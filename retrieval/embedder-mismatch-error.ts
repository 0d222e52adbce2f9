import { AppError } from '../bot/errors/app-error.js';

/** The chunks were embedded by another embedder (or size) than the configured one. */
export class EmbedderMismatchError extends AppError {
  override readonly name = 'EmbedderMismatchError';
  readonly isRetryable = false;

  constructor(
    readonly indexed: { embedderId: string; dimensions: number },
    readonly configured: { embedderId: string; dimensions: number },
  ) {
    super(
      `The knowledge base is indexed with ${indexed.embedderId} (${indexed.dimensions} dimensions) but the configured ` +
        `embedder is ${configured.embedderId} (${configured.dimensions} dimensions). Vectors are never mixed: run ` +
        '`npm run kb -- reindex` to re-embed every chunk with the configured embedder, or configure the indexed one.',
    );
  }
}
