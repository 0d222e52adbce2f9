import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { actingPerson, requireAccess } from '../../console/index.js';
import type { Db } from '../../db/db.js';
import { articleStatuses } from '../../knowledge/article-front-matter.js';
import { approveArticle, diffArticleVersions, retireArticle } from '../../knowledge/curation/curation-actions.js';
import { articleHistory, getArticle, listArticles, staleReport } from '../../knowledge/curation/curation-queries.js';
import { editDraftArticle } from '../../knowledge/curation/edit-draft-article.js';
import type { Embedder } from '../../retrieval/embedder.js';
import { knowledgeBaseVersion } from '../../retrieval/knowledge-store.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseBody, parseQuery } from './parse-body.js';

export interface CurationRoutesDependencies {
  db: Db;
  /** Embeds the chunks of an edited draft. */
  embedder: Embedder;
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
const draftBodySchema = z
  .object({ title: z.string().trim().min(3).max(200), body: z.string().trim().min(1).max(50_000), note: z.string().max(500).optional() })
  .strict();
const curatorSchema = z.string().regex(/^[\w.@-]{1,100}$/);
const curatorMissing = 'The X-Curator header must name the curator (letters, digits, . _ @ -; at most 100)';

/**
 * The knowledge-base curation API under `/api/kb`: list, show, history, diff,
 * stale report, edit a draft, approve, retire. For CURATION_API_TOKEN, whose
 * changes name the curator in `X-Curator`; or for curators and admins signed
 * in to the console, whose changes are recorded under their own name.
 */
export function createCurationRoutes(dependencies: CurationRoutesDependencies): Router {
  const router = Router();
  const today = () => (dependencies.now?.() ?? new Date()).toISOString().slice(0, 10);
  router.use('/api/kb', requireAccess({ roles: ['curator', 'admin'], bearer: { token: dependencies.token, setting: 'CURATION_API_TOKEN' } }));

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

  router.put('/api/kb/articles/:id/draft', async (request, response) => {
    const body = parseBody(draftBodySchema, request.body);
    const actor = curatorOf(request, response);
    const { version } = await editDraftArticle(dependencies.db, dependencies.embedder, request.params.id, { ...body, actor }, today());
    response.json({ id: request.params.id, version, status: 'draft' });
  });

  router.post('/api/kb/articles/:id/approve', async (request, response) => {
    const body = parseBody(approveBodySchema, request.body ?? {});
    const actor = curatorOf(request, response);
    const version = await approveArticle(dependencies.db, request.params.id, { actor, ...body });
    response.json({ id: request.params.id, version, status: 'approved', kbVersion: await knowledgeBaseVersion(dependencies.db) });
  });

  router.post('/api/kb/articles/:id/retire', async (request, response) => {
    const body = parseBody(retireBodySchema, request.body ?? {});
    const actor = curatorOf(request, response);
    const version = await retireArticle(dependencies.db, request.params.id, { actor, ...body });
    response.json({ id: request.params.id, version, status: 'retired', kbVersion: await knowledgeBaseVersion(dependencies.db) });
  });

  return router;
}

/** The curator a change is recorded under: the signed-in person, or whom a desk names in `X-Curator`. */
function curatorOf(request: Request, response: Response): string {
  const header = request.get('x-curator');
  if (header !== undefined && !curatorSchema.safeParse(header).success) {
    throw new ValidationError(curatorMissing, [{ path: 'X-Curator', message: 'required' }]);
  }
  return actingPerson(response, header, { name: 'X-Curator', whenMissing: curatorMissing });
}
