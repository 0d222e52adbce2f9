import type { Db } from '../db/db.js';
import { redactPii } from '../guardrails/input/pii/redact-pii.js';
import { articleSlug, saveNewDraftArticle } from '../knowledge/curation/save-new-draft-article.js';
import type { Embedder } from '../retrieval/embedder.js';
import { CaseNotOpenError } from './expert-replies.js';

export interface KnowledgeDraftRequest {
  caseId: string;
  /** The expert's reply to turn into an article. */
  messageId: string;
  expert: string;
  title: string;
}

export interface KnowledgeDraft {
  articleId: string;
  version: number;
  status: 'draft';
}

export class ReplyNotFoundError extends Error {
  override readonly name = 'ReplyNotFoundError';
}

/**
 * "Save as knowledge draft": an expert's reply on a case becomes a draft
 * article (personal data removed), headed by the customer's question so the
 * next customer asking it finds it. It is never served until a curator
 * approves it through the normal curation flow; the case links to it.
 */
export function createKnowledgeDrafts(dependencies: { db: Db; embedder: Embedder; articleBaseUrl: string; today?: () => string }) {
  const today = dependencies.today ?? (() => new Date().toISOString().slice(0, 10));
  return {
    async save(request: KnowledgeDraftRequest): Promise<KnowledgeDraft> {
      const [found] = await dependencies.db.query<{ locale: 'en' | 'nl'; question: string | null; reply: string | null }>(
        `SELECT k.locale, a.question,
           (SELECT m.text FROM messages m WHERE m.id = $2 AND m.conversation_id = k.conversation_id AND m.author_type = 'expert') AS reply
         FROM cases k LEFT JOIN answers a ON a.id = k.answer_id
         WHERE k.id = $1`,
        [request.caseId, request.messageId],
      );
      if (!found) throw new CaseNotOpenError(`case ${request.caseId} not found`);
      if (!found.reply) throw new ReplyNotFoundError(`message ${request.messageId} is not an expert reply on case ${request.caseId}`);

      const question = redactPii(found.question ?? request.title).text.replace(/\s+/g, ' ').trim();
      const answer = redactPii(found.reply).text.trim();
      const body = `## ${question}\n\n${answer}\n`;
      const articleId = `${articleSlug(request.title)}-${request.caseId.replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase()}`;
      const written = await saveNewDraftArticle(dependencies.db, dependencies.embedder, {
        id: articleId,
        title: request.title,
        locale: found.locale,
        body,
        tags: ['from-case'],
        articleBaseUrl: dependencies.articleBaseUrl,
        today: today(),
        changeNote: `drafted from case ${request.caseId}`,
        actor: request.expert,
      });
      await dependencies.db.transaction(async (transaction) => {
        await transaction.query('UPDATE cases SET knowledge_article_id = $2, updated_at = now() WHERE id = $1', [request.caseId, articleId]);
        await transaction.query(
          `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
           VALUES ('expert', $1, 'case.knowledge_drafted', 'case', $2, $3)`,
          [request.expert, request.caseId, JSON.stringify({ articleId, version: written.version })],
        );
      });
      return { articleId, version: written.version, status: 'draft' };
    },
  };
}

export type KnowledgeDrafts = ReturnType<typeof createKnowledgeDrafts>;
