import type { Decision } from '../../../bot/answer-engine/answer-outcome.js';
import type { CaseResult, ChannelResult, RecordedDecision } from '../case-result.js';
import type { EvalCase } from '../dataset/eval-case.js';
import type { EvalChannel } from '../eval-channel.js';

/** Test inputs written by hand: a case with only what a test names, the rest defaulted. */
export function handMadeCase(id: string, expect: EvalCase['expect'], extra: Partial<Omit<EvalCase, 'id' | 'expect'>> = {}): EvalCase {
  return { id, locale: 'en', turns: [{ role: 'customer', text: `question ${id}` }], expect, ...extra };
}

export interface HandMadeReply {
  decision?: Decision;
  cited?: string[];
  text?: string;
  retrieved?: string[];
  sentences?: { text: string; chunkIds: string[] }[];
  chunkTexts?: Record<string, string>;
  reasons?: string[];
  latenciesMs?: number[];
  error?: string;
}

/**
 * One channel's result. `retrieved` lists article ids best first; chunk
 * `<article>#<n>` is the n-th retrieved chunk of that article.
 */
export function handMadeResult(channel: EvalChannel, reply: HandMadeReply): ChannelResult {
  const retrieved = (reply.retrieved ?? []).map((articleId, index) => ({ chunkId: `${articleId}#${index}`, articleId, score: 1 - index / 100 }));
  const recorded: RecordedDecision | undefined =
    reply.decision === undefined
      ? undefined
      : {
          decision: reply.decision,
          reasons: reply.reasons ?? [],
          confidence: 0.8,
          citedArticleIds: reply.cited ?? [],
          retrieved,
          sentences: reply.sentences ?? [],
          chunkTexts: reply.chunkTexts ?? {},
          kbVersion: 'kb-1',
          fromCache: false,
        };
  return {
    channel,
    ...(reply.error === undefined
      ? { delivered: { text: reply.text ?? '', ...(reply.decision ? { decision: reply.decision } : {}), citedArticleIds: reply.cited ?? [] } }
      : {}),
    replyTexts: reply.error === undefined ? [reply.text ?? ''] : [],
    ...(recorded ? { recorded } : {}),
    turnsSent: 1,
    latenciesMs: reply.latenciesMs ?? (reply.error === undefined ? [100] : []),
    ...(reply.error === undefined ? {} : { error: reply.error }),
  };
}

export function handMadeCaseResult(evalCase: EvalCase, ...channels: ChannelResult[]): CaseResult {
  return { evalCase, channels };
}
