import type { Decision } from '../../bot/answer-engine/answer-outcome.js';
import type { EvalCase } from './dataset/eval-case.js';
import type { EvalChannel } from './eval-channel.js';

/** The decision record behind one reply, as the `answers` table keeps it. */
export interface RecordedDecision {
  decision: Decision;
  reasons: string[];
  confidence: number;
  citedArticleIds: string[];
  /** Retrieved chunks, best first. */
  retrieved: { chunkId: string; articleId: string; score: number }[];
  /** The delivered sentences and the chunks each was taken from. */
  sentences: { text: string; chunkIds: string[] }[];
  /** Text of every chunk a sentence cites, by chunk id. */
  chunkTexts: Record<string, string>;
  kbVersion: string;
  /** Read from the decision cache: the same question was decided before (on any channel). */
  fromCache: boolean;
}

/** What one case did on one channel. */
export interface ChannelResult {
  channel: EvalChannel;
  /** The last reply the customer received: the one the case is judged on. Undefined when none came. */
  delivered?: {
    text: string;
    /** Undefined for a channel notice that no decision stands behind. */
    decision?: Decision;
    citedArticleIds: string[];
  };
  /** The texts of every reply the customer received, oldest first. */
  replyTexts: string[];
  /** The decision record behind the last reply, when there is one. */
  recorded?: RecordedDecision;
  /** Customer turns sent; fewer than the case has when an earlier turn was handed to a person or failed. */
  turnsSent: number;
  /** Per sent turn: from sending it to its reply reaching the customer's side. */
  latenciesMs: number[];
  /** Why the case could not be held on this channel (a refused message, no reply in time). */
  error?: string;
}

export interface CaseResult {
  evalCase: EvalCase;
  channels: ChannelResult[];
}
