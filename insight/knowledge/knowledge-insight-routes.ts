import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ForbiddenError } from '../../bot/errors/forbidden-error.js';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { parseBody, parseQuery } from '../../bot/http/parse-body.js';
import { requireAccess, staffSessionOf, type StaffRole } from '../../console/index.js';
import { parsePointInTime } from '../insight-filter.js';
import type { KnowledgeGapQuery, KnowledgeGaps } from './knowledge-gaps.js';
import type { KnowledgeHealth } from './knowledge-health.js';
import { toCsv } from './to-csv.js';

const readRoles: readonly StaffRole[] = ['supervisor', 'curator', 'admin'];
const defaultSpanDays = 30;
const maximumSpanDays = 366;

const pointInTime = z.string().trim().min(1).max(40);
const periodFields = { since: pointInTime.optional(), until: pointInTime.optional(), locale: z.enum(['en', 'nl']).optional() };
const gapQuerySchema = z.object({ ...periodFields, minSize: z.coerce.number().int().min(1).max(1000).optional() }).strict();
const periodQuerySchema = z.object(periodFields).strict();
const localeQuerySchema = z.object({ locale: periodFields.locale }).strict();
const draftBodySchema = z.object(periodFields).strict();
const clusterIdSchema = z.string().regex(/^gap-[0-9a-f]{12}$/, 'must be a cluster id as listed (gap- and 12 hexadecimal digits)');

/**
 * Knowledge insight under `/api/insight/knowledge`: knowledge gaps (the
 * questions the bot could not answer well, clustered by need, with the
 * questions behind each number and "make this a draft"), stale articles
 * ranked by citations, and articles that contradict each other's numbers.
 * Read by supervisors, curators and admins, or with OPERATIONS_API_TOKEN;
 * drafting is for curators and admins signed in to the console.
 */
export function createKnowledgeInsightRoutes(dependencies: {
  gaps: KnowledgeGaps;
  health: KnowledgeHealth;
  token: string | undefined;
  now?: () => Date;
}): Router {
  const router = Router();
  const now = dependencies.now ?? (() => new Date());
  router.use('/api/insight/knowledge', requireAccess({ roles: readRoles, bearer: { token: dependencies.token, setting: 'OPERATIONS_API_TOKEN' } }));

  router.get('/api/insight/knowledge/gaps', async (request, response) => {
    const report = await dependencies.gaps.report(gapQueryOf(request, now()));
    response.json({ ...report, clusters: report.clusters.map(({ questions: _questions, ...cluster }) => cluster) });
  });

  router.get('/api/insight/knowledge/gaps.csv', async (request, response) => {
    const report = await dependencies.gaps.report(gapQueryOf(request, now()));
    const rows = report.clusters.map((cluster) => [
      cluster.id,
      cluster.label,
      cluster.size,
      cluster.previousSize,
      cluster.trend,
      cluster.locales.join(' '),
      cluster.decisions.handoff,
      cluster.decisions.clarify,
      cluster.decisions.lowConfidence,
      cluster.examples.join(' | '),
      cluster.conversationIds.join(' '),
    ]);
    sendCsv(response, 'knowledge-gaps.csv', [
      ['cluster_id', 'label', 'questions', 'previous_questions', 'trend', 'locales', 'handoffs', 'clarifications', 'low_confidence', 'examples', 'conversation_ids'],
      rows,
    ]);
  });

  router.get('/api/insight/knowledge/gaps/:clusterId', async (request, response) => {
    response.json(await dependencies.gaps.cluster(gapQueryOf(request, now()), clusterIdOf(request)));
  });

  router.post(
    '/api/insight/knowledge/gaps/:clusterId/draft',
    requireAccess({ roles: ['curator', 'admin'] }),
    async (request, response) => {
      const session = staffSessionOf(response);
      if (!session) throw new ForbiddenError('role_not_allowed', 'This needs the curator or admin role');
      const body = parseBody(draftBodySchema, request.body ?? {});
      const draft = await dependencies.gaps.draft(toPeriod(body, now()), clusterIdOf(request), session.user);
      response.status(draft.created ? 201 : 200).json(draft);
    },
  );

  router.get('/api/insight/knowledge/stale', async (request, response) => {
    const query = parseQuery(periodQuerySchema, request.query);
    response.json({ articles: await dependencies.health.stale(toPeriod(query, now())) });
  });

  router.get('/api/insight/knowledge/stale.csv', async (request, response) => {
    const query = parseQuery(periodQuerySchema, request.query);
    const articles = await dependencies.health.stale(toPeriod(query, now()));
    sendCsv(response, 'stale-articles.csv', [
      ['article_id', 'title', 'locale', 'owner', 'version', 'review_due', 'days_overdue', 'citations', 'last_cited_at'],
      articles.map((article) => [
        article.id,
        article.title,
        article.locale,
        article.owner,
        article.version,
        article.reviewDue,
        article.daysOverdue,
        article.citations,
        article.lastCitedAt,
      ]),
    ]);
  });

  router.get('/api/insight/knowledge/conflicts', async (request, response) => {
    const query = parseQuery(localeQuerySchema, request.query);
    response.json({ conflicts: await dependencies.health.conflicts(query) });
  });

  router.get('/api/insight/knowledge/conflicts.csv', async (request, response) => {
    const query = parseQuery(localeQuerySchema, request.query);
    const conflicts = await dependencies.health.conflicts(query);
    sendCsv(response, 'conflicting-articles.csv', [
      ['left_article_id', 'left_title', 'right_article_id', 'right_title', 'locale', 'kind', 'left_figures', 'right_figures', 'left_sentence', 'right_sentence'],
      conflicts.flatMap((conflict) =>
        conflict.statements.flatMap((statement) =>
          statement.differences.map((difference) => [
            conflict.left.id,
            conflict.left.title,
            conflict.right.id,
            conflict.right.title,
            conflict.locale,
            difference.kind,
            difference.left.join(' '),
            difference.right.join(' '),
            statement.left,
            statement.right,
          ]),
        ),
      ),
    ]);
  });

  return router;
}

function gapQueryOf(request: Request, now: Date): KnowledgeGapQuery {
  const query = parseQuery(gapQuerySchema, request.query);
  return { ...toPeriod(query, now), minimumSize: query.minSize };
}

function clusterIdOf(request: Request): string {
  const parsed = clusterIdSchema.safeParse(request.params.clusterId);
  if (!parsed.success) throw new ValidationError('Invalid cluster id', [{ path: 'clusterId', message: parsed.error.issues[0]?.message ?? 'invalid' }]);
  return parsed.data;
}

/**
 * The period: `since` and `until` as ISO dates or date-times, or spans back
 * from now such as 7d or 4w (as the other insight figures take them); the
 * last 30 days by default, at most 366.
 */
function toPeriod(query: { since?: string | undefined; until?: string | undefined; locale?: 'en' | 'nl' | undefined }, now: Date) {
  const problem = (path: string, message: string) => new ValidationError(`Invalid query: ${path} ${message}`, [{ path, message }]);
  const expects = 'must be an ISO date or date-time, or a span back from now such as 24h, 7d or 4w';
  const until = query.until === undefined ? now : parsePointInTime(query.until, now);
  if (!until) throw problem('until', expects);
  const since = query.since === undefined ? new Date(until.getTime() - defaultSpanDays * 86_400_000) : parsePointInTime(query.since, until);
  if (!since) throw problem('since', expects);
  if (since.getTime() >= until.getTime()) throw problem('since', 'must be before until');
  if (until.getTime() - since.getTime() > maximumSpanDays * 86_400_000) throw problem('since', `the period may span at most ${maximumSpanDays} days`);
  return { since, until, locale: query.locale };
}

function sendCsv(response: Response, filename: string, [header, rows]: [string[], (string | number | null)[][]]): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.send(toCsv(header, rows));
}
