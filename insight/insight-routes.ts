import { type Request, Router } from 'express';
import { ValidationError } from '../bot/errors/validation-error.js';
import { parseQuery } from '../bot/http/parse-body.js';
import type { Db } from '../db/db.js';
import { requireAccess } from '../console/index.js';
import { drillDownQuerySchema, loadDrillDown } from './drill-down.js';
import { insightQuerySchema, toInsightFilter, type InsightFilter } from './insight-filter.js';
import { loadServiceSummary } from './load-service-summary.js';
import { summaryToCsv } from './summary-csv.js';

/** Who may read the service figures: they show every channel's conversations and cases, but no customer text beyond redacted questions. */
export const insightRoles = ['supervisor', 'curator', 'admin'] as const;

/**
 * The service figures for the console's Insight view, for QA exports and
 * for a company's own reporting: `GET /api/insight/summary` (JSON),
 * `GET /api/insight/summary.csv` (the same as CSV), and
 * `GET /api/insight/conversations` (the conversations behind one figure).
 * Supervisors, curators and admins with a console session, or
 * OPERATIONS_API_TOKEN.
 */
export function createInsightRoutes(dependencies: { db: Db; token: string | undefined; now?: () => Date }): Router {
  const now = dependencies.now ?? (() => new Date());
  const router = Router();
  // Only these paths: /api/insight/knowledge has a router of its own.
  const paths = ['/api/insight/summary', '/api/insight/summary.csv', '/api/insight/conversations'];
  router.use(paths, requireAccess({ roles: insightRoles, bearer: { token: dependencies.token, setting: 'OPERATIONS_API_TOKEN' } }));
  router.use(paths, (_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/insight/summary', async (request, response) => {
    const at = now();
    response.json(await loadServiceSummary(dependencies.db, filterOf(request.query, at), at));
  });
  router.get('/api/insight/summary.csv', async (request, response) => {
    const at = now();
    const summary = await loadServiceSummary(dependencies.db, filterOf(request.query, at), at);
    const name = `service-figures-${summary.filter.since.slice(0, 10)}-to-${summary.filter.until.slice(0, 10)}.csv`;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.send(summaryToCsv(summary));
  });
  router.get('/api/insight/conversations', async (request, response) => {
    const at = now();
    const { figure, reason, topic, limit, offset, ...rest } = request.query;
    const drill = parseQuery(drillDownQuerySchema, withoutUndefined({ figure, reason, topic, limit, offset }));
    response.json(await loadDrillDown(dependencies.db, filterOf(rest, at), drill, at));
  });
  return router;
}

/** The period, channel and locale a request asks for; 400 with the field at fault otherwise. */
function filterOf(query: Request['query'], at: Date): InsightFilter {
  const filter = toInsightFilter(parseQuery(insightQuerySchema, query), at);
  if ('path' in filter) throw new ValidationError(`Invalid query: ${filter.path} ${filter.message}`, [filter]);
  return filter;
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
