import { NotFoundError } from '../../bot/errors/not-found-error.js';
import { auditActorOf, recordStaffAudit, type StaffAuditActor } from '../../console/staff-audit.js';
import type { Db } from '../../db/db.js';
import { articleSlug, saveNewDraftArticle } from '../../knowledge/curation/save-new-draft-article.js';
import type { Embedder } from '../../retrieval/embedder.js';
import { listGapQuestions } from './gap-question-store.js';
import { buildKnowledgeGapClusters, type KnowledgeGapCluster } from './knowledge-gap-report.js';

export interface KnowledgeGapQuery {
  since: Date;
  until: Date;
  locale?: 'en' | 'nl' | undefined;
  /** Clusters with fewer questions in the period are left out (default 2). */
  minimumSize?: number | undefined;
}

export interface KnowledgeGapReport {
  since: string;
  until: string;
  /** The previous period of equal length, ending where this one starts: the trend compares with it. */
  previousSince: string;
  locale: string | null;
  /** Questions of each period considered (the most recent, at most `questionLimit` per period). */
  questionCount: number;
  previousQuestionCount: number;
  questionLimit: number;
  truncated: boolean;
  clusters: KnowledgeGapCluster[];
}

export interface GapDraft {
  articleId: string;
  version: number;
  status: 'draft';
  /** False when this cluster had been drafted before: the existing article is returned. */
  created: boolean;
}

/** Who asks for a draft: a signed-in curator or admin. */
export interface GapDraftActor {
  username: string;
  roles: readonly string[];
}

const questionLimit = 1500;

/**
 * Knowledge gaps: the questions the bot handed off, clarified or answered
 * with low confidence, grouped by need, and "turn this need into a draft".
 */
export function createKnowledgeGaps(dependencies: {
  db: Db;
  embedder: Embedder;
  /** The configured ANSWER_MIN_CONFIDENCE: answers below it count as gaps. */
  lowConfidenceBelow: number;
  articleBaseUrl: string;
  now?: () => Date;
}) {
  const now = dependencies.now ?? (() => new Date());

  async function report(query: KnowledgeGapQuery): Promise<KnowledgeGapReport> {
    const length = query.until.getTime() - query.since.getTime();
    const previousSince = new Date(query.since.getTime() - length);
    const common = { locale: query.locale, lowConfidenceBelow: dependencies.lowConfidenceBelow, limit: questionLimit };
    const current = await listGapQuestions(dependencies.db, { ...common, since: query.since, until: query.until });
    const previous = await listGapQuestions(dependencies.db, { ...common, since: previousSince, until: query.since });
    const clusters = await buildKnowledgeGapClusters([...current, ...previous], query, dependencies.embedder, {
      minimumSize: query.minimumSize ?? 2,
    });
    return {
      since: query.since.toISOString(),
      until: query.until.toISOString(),
      previousSince: previousSince.toISOString(),
      locale: query.locale ?? null,
      questionCount: current.length,
      previousQuestionCount: previous.length,
      questionLimit,
      truncated: current.length === questionLimit || previous.length === questionLimit,
      clusters,
    };
  }

  async function cluster(query: KnowledgeGapQuery, id: string): Promise<KnowledgeGapCluster> {
    // A single question is a cluster too, once asked for by id.
    const found = (await report({ ...query, minimumSize: 1 })).clusters.find((candidate) => candidate.id === id);
    if (!found) throw new NotFoundError('knowledge gap', id);
    return found;
  }

  /**
   * One action: the cluster becomes a draft article, headed by its most
   * central question, listing how customers asked, for the curator to write
   * the answer into. It follows the normal approval flow; drafting the same
   * cluster again returns the draft already made.
   */
  async function draft(query: KnowledgeGapQuery, id: string, actor: GapDraftActor): Promise<GapDraft> {
    const found = await cluster(query, id);
    const locale = majorityLocale(found);
    const articleId = `${articleSlug(found.label, 'question')}-${id.replace(/^gap-/, '').slice(0, 8)}`;
    const [existing] = await dependencies.db.query<{ version: number }>(
      'SELECT max(version)::int AS version FROM article_versions WHERE article_id = $1 HAVING count(*) > 0',
      [articleId],
    );
    if (existing) return { articleId, version: existing.version, status: 'draft', created: false };
    const today = now().toISOString().slice(0, 10);
    const written = await saveNewDraftArticle(dependencies.db, dependencies.embedder, {
      id: articleId,
      title: found.label.slice(0, 200),
      locale,
      body: draftBody(found, locale),
      tags: ['from-gap'],
      articleBaseUrl: dependencies.articleBaseUrl,
      today,
      changeNote: `drafted from knowledge gap ${id} (${found.size} questions)`,
      actor: actor.username,
    });
    const auditActor: StaffAuditActor = auditActorOf(actor);
    await recordStaffAudit(dependencies.db, {
      actor: auditActor,
      action: 'knowledge_gap.drafted',
      subjectType: 'knowledge_gap',
      subjectId: id,
      details: { articleId, version: written.version, questions: found.size, since: query.since.toISOString(), until: query.until.toISOString() },
    });
    return { articleId, version: written.version, status: 'draft', created: true };
  }

  return { report, cluster, draft };
}

export type KnowledgeGaps = ReturnType<typeof createKnowledgeGaps>;

function majorityLocale(cluster: KnowledgeGapCluster): 'en' | 'nl' {
  const dutch = cluster.questions.filter((question) => question.locale === 'nl').length;
  return dutch * 2 > cluster.questions.length ? 'nl' : 'en';
}

const draftWording = {
  en: {
    instruction: (size: number) =>
      `Customers asked this ${size} times and the assistant could not answer it. Replace this paragraph with the answer, then approve the article.`,
    asked: 'How customers asked',
  },
  nl: {
    instruction: (size: number) =>
      `Klanten vroegen dit ${size} keer en de assistent kon het niet beantwoorden. Vervang deze alinea door het antwoord en keur het artikel daarna goed.`,
    asked: 'Hoe klanten het vroegen',
  },
} as const;

function draftBody(cluster: KnowledgeGapCluster, locale: 'en' | 'nl'): string {
  const wording = draftWording[locale];
  const examples = cluster.examples.map((example) => `- ${example}`).join('\n');
  return `## ${cluster.label}\n\n${wording.instruction(cluster.size)}\n\n## ${wording.asked}\n\n${examples}\n`;
}
