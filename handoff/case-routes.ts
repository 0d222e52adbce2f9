import { type Response, Router } from 'express';
import { z } from 'zod';
import { ConflictError } from '../bot/errors/conflict-error.js';
import { ForbiddenError } from '../bot/errors/forbidden-error.js';
import { NotFoundError } from '../bot/errors/not-found-error.js';
import { parseBody, parseQuery } from '../bot/http/parse-body.js';
import { actingPerson, requireAccess, restrictedStaffSession } from '../console/index.js';
import { CaseHeldByAnotherError } from './case-held-by-another-error.js';
import type { CaseStore } from './case-store.js';
import { CaseNotOpenError, type ExpertReplies } from './expert-replies.js';
import { ReplyNotFoundError, type KnowledgeDrafts } from './knowledge-drafts.js';

const listQuerySchema = z
  .object({
    status: z.enum(['open', 'claimed', 'resolved', 'handed_back']).optional(),
    skill: z.string().min(1).max(100).optional(),
    locale: z.enum(['en', 'nl']).optional(),
    breached: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();
const actorSchema = z.string().regex(/^[\w.@-]{1,100}$/, 'must name the person (letters, digits, . @ - _)');
const handBackSchema = z.object({ actor: actorSchema.optional() }).strict();
const draftSchema = z
  .object({ expert: actorSchema.optional(), messageId: z.string().min(1).max(100), title: z.string().trim().min(3).max(200) })
  .strict();
const replySchema = z.object({ expert: actorSchema.optional(), text: z.string().trim().min(1, 'must not be empty').max(4000) }).strict();
const expertSchema = z.object({ expert: actorSchema.optional() }).strict();

const heldByAnother = (id: string) => new ForbiddenError('case_held_by_another_expert', `case ${id} is held by another expert`);

/**
 * The agent-desk API for escalation cases:
 * `GET /api/cases` (the queue, most urgent and overdue first; filter by
 * status, skill, locale, SLA breach), `GET /api/cases/:id` (transcript,
 * reasons and the sources the bot retrieved), claim, release, resolve,
 * `POST /api/cases/:id/replies` (a person's reply, delivered on the customer's
 * channel), `POST /api/cases/:id/knowledge-drafts` (that reply as a draft
 * article for the curators), `POST /api/cases/:id/hand-back` (the bot answers
 * the conversation again).
 *
 * A company's own desk uses OPERATIONS_API_TOKEN and names the person in the
 * body. In the console, experts and admins act as themselves; an expert
 * without the admin role sees and acts on free cases and their own only.
 */
export function createCaseRoutes(dependencies: {
  cases: CaseStore;
  replies: ExpertReplies;
  drafts: KnowledgeDrafts;
  token: string | undefined;
}): Router {
  const router = Router();
  router.use('/api/cases', requireAccess({ roles: ['expert', 'admin'], bearer: { token: dependencies.token, setting: 'OPERATIONS_API_TOKEN' } }));
  router.use('/api/cases/:id', async (request, response, next) => {
    const session = restrictedStaffSession(response);
    if (session) {
      const id = String(request.params.id);
      const holder = await dependencies.cases.holder(id);
      if (holder?.assignee && holder.assignee !== session.user.username) throw heldByAnother(id);
    }
    next();
  });

  router.get('/api/cases', async (request, response) => {
    const query = parseQuery(listQuerySchema, request.query);
    response.json({ cases: await dependencies.cases.list(query) });
  });
  router.get('/api/cases/:id', async (request, response) => {
    const id = String(request.params.id);
    const found = await dependencies.cases.get(id);
    if (!found) throw new NotFoundError('case', id);
    response.json(found);
  });
  router.post('/api/cases/:id/replies', async (request, response) => {
    const id = String(request.params.id);
    const body = parseBody(replySchema, request.body);
    const expert = actingPerson(response, body.expert, { name: 'expert' });
    try {
      response.status(201).json(await dependencies.replies.reply(id, { expert, text: body.text, onlyOwnOrFree: restricted(response) }));
    } catch (error) {
      if (error instanceof CaseNotOpenError) throw new NotFoundError('open case', id);
      if (error instanceof CaseHeldByAnotherError) throw heldByAnother(id);
      throw error;
    }
  });
  router.post('/api/cases/:id/knowledge-drafts', async (request, response) => {
    const id = String(request.params.id);
    const body = parseBody(draftSchema, request.body);
    const expert = actingPerson(response, body.expert, { name: 'expert' });
    try {
      response.status(201).json(await dependencies.drafts.save({ caseId: id, expert, messageId: body.messageId, title: body.title }));
    } catch (error) {
      if (error instanceof CaseNotOpenError) throw new NotFoundError('case', id);
      if (error instanceof ReplyNotFoundError) throw new NotFoundError('expert reply', body.messageId);
      throw error;
    }
  });
  router.post('/api/cases/:id/claim', async (request, response) => {
    const id = String(request.params.id);
    const expert = actingPerson(response, parseBody(expertSchema, request.body).expert, { name: 'expert' });
    const claimed = await dependencies.cases.claim(id, expert);
    if (!claimed) throw await refusal(dependencies.cases, id, 'claim');
    response.json(claimed);
  });
  router.post('/api/cases/:id/release', async (request, response) => {
    const id = String(request.params.id);
    const expert = actingPerson(response, parseBody(expertSchema, request.body).expert, { name: 'expert' });
    const released = await dependencies.cases.release(id, expert);
    if (!released) throw await refusal(dependencies.cases, id, 'release');
    response.json(released);
  });
  router.post('/api/cases/:id/resolve', async (request, response) => {
    const id = String(request.params.id);
    const expert = actingPerson(response, parseBody(expertSchema, request.body).expert, { name: 'expert' });
    const holder = await dependencies.cases.holder(id);
    if (holder?.assignee && holder.assignee !== expert) throw new ConflictError(`case ${id} is held by ${holder.assignee}`);
    try {
      response.json(await dependencies.replies.resolve(id, expert, { onlyOwnOrFree: restricted(response) }));
    } catch (error) {
      if (error instanceof CaseNotOpenError) throw new NotFoundError('open case', id);
      if (error instanceof CaseHeldByAnotherError) throw heldByAnother(id);
      throw error;
    }
  });
  router.post('/api/cases/:id/hand-back', async (request, response) => {
    const id = String(request.params.id);
    const actor = actingPerson(response, parseBody(handBackSchema, request.body).actor, { name: 'actor' });
    const handedBack = await dependencies.cases.handBack(id, actor, { onlyOwnOrFree: restricted(response) });
    if (handedBack) {
      response.json(handedBack);
      return;
    }
    const holder = await dependencies.cases.holder(id);
    if (restricted(response) && holder?.assignee && holder.assignee !== actor) throw heldByAnother(id);
    throw new NotFoundError('open case', id);
  });
  return router;
}

/** Whether the caller is an expert without the admin role, limited to free cases and their own. */
function restricted(response: Response): boolean {
  return restrictedStaffSession(response) !== undefined;
}

/** Why a claim or release changed nothing: no such open case, or another person holds it. */
async function refusal(cases: CaseStore, id: string, what: 'claim' | 'release'): Promise<Error> {
  const holder = await cases.holder(id);
  if (!holder || holder.status === 'resolved' || holder.status === 'handed_back') return new NotFoundError('open case', id);
  return new ConflictError(what === 'claim' ? `case ${id} is held by ${holder.assignee ?? 'someone else'}` : `case ${id} is not held by you`);
}
