import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/db.js';
import { articleStatuses } from '../../knowledge/article-front-matter.js';
import { approveArticle, diffArticleVersions, retireArticle } from '../../knowledge/curation/curation-actions.js';
import { articleHistory, getArticle, listArticles, staleReport } from '../../knowledge/curation/curation-queries.js';
import { knowledgeBaseVersion } from '../../retrieval/knowledge-store.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseBody, parseQuery } from './parse-body.js';
import { requireBearerToken } from './require-bearer-token.js';

export interface CurationRoutesDependencies {
  db: Db;
  token: string | undefined;
  now?: () => Date;
}

const listQuerySchema = z
  .object({
    status: z.enum(articleStatuses).optional(),
    locale: z.string().min(2).max(10).optional(),
    tag: z.string().min(1).max(100).optional(),
    stale: z.enum(['true', 'false']).optional(),
  })
  .strict();

const diffQuerySchema = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }).strict();
const approveBodySchema = z.object({ version: z.number().int().positive().optional(), note: z.string().max(500).optional() }).strict();
const retireBodySchema = z.object({ note: z.string().max(500).optional() }).strict();
const curatorSchema = z.string().regex(/^[\w.@-]{1,100}$/);

/**
 * The knowledge-base curation API under `/api/kb`: list, show, history, diff,
 * stale report, approve, retire. Bearer-token protected; mutations name the
 * curator in `X-Curator`, which the audit log records.
 */
export function createCurationRoutes(dependencies: CurationRoutesDependencies): Router {
  const router = Router();
  const today = () => (dependencies.now?.() ?? new Date()).toISOString().slice(0, 10);
  router.use('/api/kb', requireBearerToken(dependencies.token, 'CURATION_API_TOKEN'));

  router.get('/api/kb/version', async (_request, response) => {
    response.json({ kbVersion: await knowledgeBaseVersion(dependencies.db) });
  });

  router.get('/api/kb/articles', async (request, response) => {
    const query = parseQuery(listQuerySchema, request.query);
    const articles = await listArticles(dependencies.db, today(), {
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.locale === undefined ? {} : { locale: query.locale }),
      ...(query.tag === undefined ? {} : { tag: query.tag }),
      stale: query.stale === 'true',
    });
    response.json({ articles });
  });

  router.get('/api/kb/stale', async (_request, response) => {
    response.json({ articles: await staleReport(dependencies.db, today()) });
  });

  router.get('/api/kb/articles/:id', async (request, response) => {
    response.json(await getArticle(dependencies.db, request.params.id, today()));
  });

  router.get('/api/kb/articles/:id/history', async (request, response) => {
    response.json({ versions: await articleHistory(dependencies.db, request.params.id) });
  });

  router.get('/api/kb/articles/:id/diff', async (request, response) => {
    const query = parseQuery(diffQuerySchema, request.query);
    response.json(await diffArticleVersions(dependencies.db, request.params.id, query.from, query.to));
  });

  router.post('/api/kb/articles/:id/approve', async (request, response) => {
    const body = parseBody(approveBodySchema, request.body ?? {});
    const actor = curatorOf(request.get('x-curator'));
    const version = await approveArticle(dependencies.db, request.params.id, { actor, ...body });
    response.json({ id: request.params.id, version, status: 'approved', kbVersion: await knowledgeBaseVersion(dependencies.db) });
  });

  router.post('/api/kb/articles/:id/retire', async (request, response) => {
    const body = parseBody(retireBodySchema, request.body ?? {});
    const actor = curatorOf(request.get('x-curator'));
    const version = await retireArticle(dependencies.db, request.params.id, { actor, ...body });
    response.json({ id: request.params.id, version, status: 'retired', kbVersion: await knowledgeBaseVersion(dependencies.db) });
  });

  return router;
}

function curatorOf(header: string | undefined): string {
  const result = curatorSchema.safeParse(header);
  if (!result.success) {
    throw new ValidationError('The X-Curator header must name the curator (letters, digits, . _ @ -; at most 100)', [
      { path: 'X-Curator', message: 'required' },
    ]);
  }
  return result.data;
}
