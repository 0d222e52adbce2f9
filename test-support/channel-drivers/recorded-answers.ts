import { z } from 'zod';
import type { Db } from '../../db/db.js';
import type { Reply } from './channel-driver.js';

const answerRowSchema = z.object({
  decision: z.enum(['answer', 'clarify', 'handoff']),
  citations: z.array(z.looseObject({ articleId: z.string() })),
});

/**
 * The decision and cited articles recorded in `answers` for the outbound message
 * a provider knows by `providerMessageId` (Twilio's sid, the email Message-ID),
 * through the outbox row that carried it. Undefined for a channel notice (HELP,
 * "I can only read text"), which no answer stands behind.
 */
export async function recordedAnswerFor(db: Db, providerMessageId: string): Promise<Pick<Reply, 'decision' | 'citedArticleIds'> | undefined> {
  const [row] = await db.query(
    `SELECT a.decision, a.citations
     FROM outbox o JOIN answers a ON a.outbound_message_id = o.message_id
     WHERE o.provider_message_id = $1`,
    [providerMessageId],
  );
  if (row === undefined) return undefined;
  const answer = answerRowSchema.parse(row);
  return { decision: answer.decision, citedArticleIds: answer.citations.map((citation) => citation.articleId) };
}

/** The articles whose published pages are these URLs, in the same order (a rendered source list names URLs, not ids). */
export async function articleIdsForUrls(db: Db, urls: readonly string[]): Promise<string[]> {
  if (urls.length === 0) return [];
  const rows = z
    .array(z.object({ article_id: z.string(), url: z.string() }))
    .parse(await db.query('SELECT DISTINCT article_id, url FROM article_versions WHERE url = ANY($1)', [urls]));
  return urls.map((url) => rows.find((row) => row.url === url)?.article_id ?? `unknown-url:${url}`);
}
