import { Router } from 'express';
import type { CustomerDirectory } from '../conversations/customer-directory.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { requireBearerToken } from './require-bearer-token.js';

/**
 * `GET /api/customers/:id/timeline`: every message of one customer across
 * channels (SMS and WhatsApp on one number, email, web chat), oldest first.
 * Texts are stored redacted. Bearer-token protected (OPERATIONS_API_TOKEN).
 */
export function createCustomerRoutes(dependencies: { customers: CustomerDirectory; token: string | undefined }): Router {
  const router = Router();
  router.use('/api/customers', requireBearerToken(dependencies.token, 'OPERATIONS_API_TOKEN'));
  router.get('/api/customers/:id/timeline', async (request, response) => {
    const id = String(request.params.id);
    const timeline = await dependencies.customers.timeline(id);
    if (timeline.length === 0 && !(await dependencies.customers.exists(id))) throw new NotFoundError('customer', id);
    response.json({ customerId: id, messages: timeline });
  });
  return router;
}
