import { type Response, Router } from 'express';
import { parseBody } from '../bot/http/parse-body.js';
import { staffSessionOf } from './principal.js';
import { requireAccess } from './require-access.js';
import { auditActorOf } from './staff-audit.js';
import type { ActiveSession } from './staff-session-store.js';
import { newStaffUserSchema, staffUserChangeSchema } from './staff-user-schemas.js';
import type { StaffUserStore } from './staff-user-store.js';

/**
 * Staff accounts, for administrators signed in to the console:
 * `GET /api/console/users`, `POST /api/console/users`
 * `{username, displayName, password, roles, skills?}`, and
 * `PATCH /api/console/users/:id` `{displayName?, roles?, skills?, disabled?, password?}`.
 * Password hashes never leave the store.
 */
export function createStaffUserRoutes(dependencies: { users: StaffUserStore }): Router {
  const router = Router();
  router.use('/api/console/users', requireAccess({ roles: ['admin'] }));

  router.get('/api/console/users', async (_request, response) => {
    response.json({ users: await dependencies.users.list() });
  });

  router.post('/api/console/users', async (request, response) => {
    const admin = signedInAdmin(response);
    const user = await dependencies.users.create(parseBody(newStaffUserSchema, request.body), auditActorOf(admin.user));
    response.status(201).json({ user });
  });

  router.patch('/api/console/users/:id', async (request, response) => {
    const admin = signedInAdmin(response);
    const change = parseBody(staffUserChangeSchema, request.body);
    const user = await dependencies.users.update(String(request.params.id), change, { id: admin.user.id, username: admin.user.username });
    response.json({ user });
  });

  return router;
}

function signedInAdmin(response: Response): ActiveSession {
  const session = staffSessionOf(response);
  // requireAccess admits only signed-in admins here; this narrows the type.
  if (!session) throw new Error('staff user routes reached without a session');
  return session;
}
