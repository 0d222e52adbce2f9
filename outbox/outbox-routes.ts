import { Router } from 'express';
import { z } from 'zod';
import { parseQuery } from '../bot/http/parse-body.js';
import { requireAccess } from '../console/index.js';
import type { OutboxStore } from './outbox-store.js';

const listQuerySchema = z
  .object({
    status: z.enum(['pending', 'sending', 'sent', 'delivered', 'failed', 'dead']).optional(),
    conversationId: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();

/**
 * `GET /api/outbox` (filter by status, conversation) and `GET /api/outbox/depth`:
 * what is waiting, what was sent, and what was dead-lettered with which reason.
 * Message contents are not listed. For OPERATIONS_API_TOKEN, or an admin signed in to the console.
 */
export function createOutboxRoutes(dependencies: { outbox: OutboxStore; token: string | undefined }): Router {
  const router = Router();
  router.use('/api/outbox', requireAccess({ roles: ['admin'], bearer: { token: dependencies.token, setting: 'OPERATIONS_API_TOKEN' } }));
  router.get('/api/outbox', async (request, response) => {
    const query = parseQuery(listQuerySchema, request.query);
    response.json({ messages: await dependencies.outbox.list(query) });
  });
  router.get('/api/outbox/depth', async (_request, response) => {
    response.json(await dependencies.outbox.depth());
  });
  return router;
}
