import { Router } from 'express';
import { z } from 'zod';
import { requireAccess, restrictedStaffSession, staffSessionOf } from '../../console/index.js';
import type { CaseStore } from '../../handoff/case-store.js';
import type { CustomerDirectory } from '../conversations/customer-directory.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { parseBody } from './parse-body.js';

const linkIdentitySchema = z
  .object({
    kind: z.enum(['phone', 'email']),
    address: z.string().trim().min(3).max(320),
  })
  .strict()
  .refine((identity) => (identity.kind === 'email' ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identity.address) : /^\+[1-9]\d{6,14}$/.test(identity.address)), {
    message: 'must be an email address, or a phone number in E.164 form (+31612345678)',
    path: ['address'],
  });

/**
 * `POST /api/customers/:id/identities` links an identity the company has
 * verified (an email address the customer confirmed) to the customer, so its
 * conversations join the same timeline; addresses are never linked by guesswork.
 * `GET /api/customers/:id/timeline`: every message of one customer across
 * channels (SMS and WhatsApp on one number, email, web chat), oldest first.
 * Texts are stored redacted. A company's desk uses OPERATIONS_API_TOKEN; in the
 * console an admin reads any timeline, an expert only that of a customer whose
 * open case they hold, and only an admin links identities.
 */
export function createCustomerRoutes(dependencies: {
  customers: CustomerDirectory;
  cases: Pick<CaseStore, 'holdsCaseOfCustomer'>;
  token: string | undefined;
}): Router {
  const router = Router();
  router.use('/api/customers', requireAccess({ roles: ['expert', 'admin'], bearer: { token: dependencies.token, setting: 'OPERATIONS_API_TOKEN' } }));
  router.get('/api/customers/:id/timeline', async (request, response) => {
    const id = String(request.params.id);
    const expert = restrictedStaffSession(response)?.user.username;
    if (expert !== undefined && !(await dependencies.cases.holdsCaseOfCustomer(id, expert))) {
      throw new ForbiddenError('customer_not_in_your_cases', 'Only an admin, or the expert holding an open case of this customer, may read the timeline');
    }
    const timeline = await dependencies.customers.timeline(id);
    if (timeline.length === 0 && !(await dependencies.customers.exists(id))) throw new NotFoundError('customer', id);
    response.json({ customerId: id, messages: timeline });
  });
  router.post('/api/customers/:id/identities', async (request, response) => {
    const id = String(request.params.id);
    const session = staffSessionOf(response);
    if (session && !session.user.roles.includes('admin')) {
      throw new ForbiddenError('role_not_allowed', 'Linking a verified identity to a customer needs the admin role');
    }
    const identity = parseBody(linkIdentitySchema, request.body);
    if (!(await dependencies.customers.exists(id))) throw new NotFoundError('customer', id);
    await dependencies.customers.link(id, identity);
    response.status(201).json({ customerId: id, identity: { ...identity, verified: true } });
  });
  return router;
}
