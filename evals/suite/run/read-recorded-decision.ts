import { z } from 'zod';
import type { Db } from '../../../db/db.js';
import type { RecordedDecision } from '../case-result.js';

const answerRowSchema = z.object({
  decision: z.enum(['answer', 'clarify', 'handoff']),
  reasons: z.array(z.string()),
  confidence: z.number(),
  citations: z.array(z.looseObject({ articleId: z.string() })),
  retrieved: z.array(z.looseObject({ chunkId: z.string(), articleId: z.string(), score: z.number() })),
  sentences: z.array(z.looseObject({ text: z.string(), chunkIds: z.array(z.string()) })),
  kb_version: z.string(),
  from_cache: z.boolean(),
});

/**
 * The decision the `answers` table recorded for the customer message whose
 * provider id contains `token`, with the text of every chunk its sentences
 * cite; undefined when that message got no decision (a channel notice, a
 * conversation a person holds).
 */
export async function readRecordedDecision(db: Db, token: string): Promise<RecordedDecision | undefined> {
  const [row] = await db.query(
    `SELECT a.decision, a.reasons, a.confidence, a.citations, a.retrieved, a.sentences, a.kb_version, a.from_cache
     FROM messages m JOIN answers a ON a.inbound_message_id = m.id
     WHERE m.direction = 'inbound' AND strpos(m.provider_message_id, $1) > 0
     ORDER BY a.created_at DESC
     LIMIT 1`,
    [token],
  );
  if (row === undefined) return undefined;
  const answer = answerRowSchema.parse(row);
  const chunkIds = [...new Set(answer.sentences.flatMap((sentence) => sentence.chunkIds))];
  const chunks =
    chunkIds.length === 0
      ? []
      : z.array(z.object({ id: z.string(), text: z.string() })).parse(await db.query('SELECT id, text FROM chunks WHERE id = ANY($1)', [chunkIds]));
  return {
    decision: answer.decision,
    reasons: answer.reasons,
    confidence: answer.confidence,
    citedArticleIds: answer.citations.map((citation) => citation.articleId),
    retrieved: [...answer.retrieved]
      .sort((left, right) => right.score - left.score)
      .map((chunk) => ({ chunkId: chunk.chunkId, articleId: chunk.articleId, score: chunk.score })),
    sentences: answer.sentences.map((sentence) => ({ text: sentence.text, chunkIds: sentence.chunkIds })),
    chunkTexts: Object.fromEntries(chunks.map((chunk) => [chunk.id, chunk.text])),
    kbVersion: answer.kb_version,
    fromCache: answer.from_cache,
  };
}
