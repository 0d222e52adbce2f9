import type { Logger } from 'pino';
import type { ServiceMetrics } from '../observability/service-metrics.js';
import type { DraftAnswer, GenerationRequest, Generator } from './generator.js';

export interface GeneratorWithFallbackOptions {
  primary: Generator;
  /** Must not depend on the network: it answers when the primary cannot. */
  fallback: Generator;
  /** The primary's whole budget, retries included; after it the fallback answers. */
  timeoutMs: number;
  logger?: Pick<Logger, 'warn'>;
  metrics?: Pick<ServiceMetrics, 'recordGeneratorFailure'>;
}

export class GeneratorTimeoutError extends Error {
  override readonly name = 'GeneratorTimeoutError';
}

/**
 * The customer always gets a reply: when the configured generator (a remote
 * language model) fails, returns garbage or is slower than its budget, the
 * embedded generator drafts instead, and the draft says so for the record.
 */
export function createGeneratorWithFallback(options: GeneratorWithFallbackOptions): Generator {
  const { primary, fallback, timeoutMs, logger, metrics } = options;
  return {
    id: primary.id,
    async generate(request: GenerationRequest): Promise<DraftAnswer> {
      try {
        return await withDeadline(primary.generate(request), timeoutMs);
      } catch (error) {
        const reason = error instanceof Error ? error.name : 'Error';
        logger?.warn({ generator: primary.id, fallback: fallback.id, error: reason }, 'generator failed; embedded generator answers');
        metrics?.recordGeneratorFailure({ generator: primary.id, error: reason, fellBack: true });
        const draft = await fallback.generate(request);
        return { ...draft, fallbackFrom: { generator: primary.id, error: reason } };
      }
    },
  };
}

/** Rejects with `GeneratorTimeoutError` when the work takes longer than `timeoutMs`; a late result is ignored. */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GeneratorTimeoutError(`no result within ${timeoutMs} ms`)), timeoutMs);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
