import { createHash } from 'node:crypto';
import type { Db } from '../../db/db.js';
import { tokenize } from '../../retrieval/text/normalize-terms.js';
import type { AnswerOutcome } from './answer-outcome.js';

export interface DecisionKey {
  /** The standalone question (after follow-up rewriting and redaction). */
  question: string;
  locale: string;
  kbVersion: string;
}

/**
 * Decisions computed once per (normalised question, locale, knowledge-base
 * version) and kept in the database, so every channel and every app process
 * gives the same decision and citations to the same question. A changed
 * knowledge base has a new version, so old decisions are simply never read.
 */
export interface DecisionCache {
  get(key: DecisionKey): Promise<AnswerOutcome | undefined>;
  /** Stores a decision unless another turn stored one first; returns the one that is kept. */
  put(key: DecisionKey, outcome: AnswerOutcome): Promise<AnswerOutcome>;
}

/** Case, punctuation, accents and spacing do not make another question. */
export function normaliseQuestion(question: string): string {
  return tokenize(question).join(' ');
}

export function decisionCacheKey(key: DecisionKey): string {
  return createHash('sha256').update(`${key.kbVersion}\n${key.locale}\n${normaliseQuestion(key.question)}`).digest('hex');
}

export function createDecisionCache(db: Db): DecisionCache {
  return {
    async get(key) {
      const [row] = await db.query<{ outcome: AnswerOutcome }>('SELECT outcome FROM answer_decisions WHERE cache_key = $1', [
        decisionCacheKey(key),
      ]);
      return row?.outcome;
    },
    async put(key, outcome) {
      const cacheKey = decisionCacheKey(key);
      const [inserted] = await db.query<{ outcome: AnswerOutcome }>(
        `INSERT INTO answer_decisions (cache_key, kb_version, locale, question, outcome)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (cache_key) DO NOTHING
         RETURNING outcome`,
        [cacheKey, key.kbVersion, key.locale, normaliseQuestion(key.question), JSON.stringify(outcome)],
      );
      if (inserted) return inserted.outcome;
      const [existing] = await db.query<{ outcome: AnswerOutcome }>('SELECT outcome FROM answer_decisions WHERE cache_key = $1', [
        cacheKey,
      ]);
      return existing?.outcome ?? outcome;
    },
  };
}
