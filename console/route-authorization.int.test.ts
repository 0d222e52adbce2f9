import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn, type ConsoleSession } from '../test-support/console-session.js';
import { listAppRoutes } from '../test-support/list-app-routes.js';
import { startTestApp, type TestApp } from '../test-support/start-test-app.js';
import type { StaffRole } from './staff-role.js';

const password = 'route-authorization-password';

/** Who must be turned away from each staff API with 403, though signed in. */
const wrongRoles: Record<string, StaffRole[]> = {
  '/api/cases': ['curator'],
  '/api/customers': ['curator'],
  '/api/outbox': ['expert', 'curator'],
  '/api/kb': ['expert'],
  '/api/console/users': ['expert', 'curator'],
  '/api/insight/knowledge': ['expert'],
  '/api/insight': ['expert'],
};
/** Routes closed to a role the rest of their API admits. */
const routeSpecificWrongRoles: Record<string, StaffRole[]> = {
  'POST /api/customers/:id/identities': ['expert'],
};

describe('authorization on every staff route', () => {
  let app: TestApp;
  const sessions = {} as Record<StaffRole, ConsoleSession>;
  let routes: { method: string; path: string; prefix: string }[];

  beforeAll(async () => {
    app = await startTestApp({ OPERATIONS_API_TOKEN: 'operations-token-0123456789abcdef', CURATION_API_TOKEN: 'curation-token-0123456789abcdef' });
    for (const role of ['expert', 'curator', 'admin'] as const) {
      await createStaffUser(app.db, { username: `only.${role}`, password, roles: [role] });
      sessions[role] = await signIn(app.baseUrl, `only.${role}`, password);
    }
    routes = listAppRoutes(app.app).flatMap((route) => {
      // The longest prefix decides: a sub-API may admit other roles than its parent.
      const prefix = Object.keys(wrongRoles)
        .filter((candidate) => route.path === candidate || route.path.startsWith(`${candidate}/`))
        .sort((left, right) => right.length - left.length)[0];
      return prefix ? [{ ...route, prefix }] : [];
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const request = (route: { method: string; path: string }) => ({
    path: route.path.replace(/:\w+/g, 'example-id'),
    init: { method: route.method, ...(route.method === 'GET' ? {} : { body: '{}' }) } satisfies RequestInit,
  });

  it('finds every route of the staff APIs', () => {
    const names = routes.map((route) => `${route.method} ${route.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/cases',
        'GET /api/cases/:id',
        'POST /api/cases/:id/claim',
        'POST /api/cases/:id/release',
        'POST /api/cases/:id/replies',
        'POST /api/cases/:id/resolve',
        'POST /api/cases/:id/knowledge-drafts',
        'POST /api/cases/:id/hand-back',
        'GET /api/customers/:id/timeline',
        'POST /api/customers/:id/identities',
        'GET /api/outbox',
        'GET /api/outbox/depth',
        'GET /api/kb/version',
        'GET /api/kb/articles',
        'GET /api/kb/stale',
        'GET /api/kb/articles/:id',
        'GET /api/kb/articles/:id/history',
        'GET /api/kb/articles/:id/diff',
        'PUT /api/kb/articles/:id/draft',
        'POST /api/kb/articles/:id/approve',
        'POST /api/kb/articles/:id/retire',
        'GET /api/console/users',
        'POST /api/console/users',
        'PATCH /api/console/users/:id',
        'GET /api/insight/knowledge/gaps',
        'GET /api/insight/knowledge/gaps.csv',
        'GET /api/insight/knowledge/gaps/:clusterId',
        'POST /api/insight/knowledge/gaps/:clusterId/draft',
        'GET /api/insight/knowledge/stale',
        'GET /api/insight/knowledge/conflicts',
        'GET /api/insight/summary',
        'GET /api/insight/summary.csv',
        'GET /api/insight/conversations',
      ]),
    );
  });

  it('answers 401 to anonymous callers on every route', async () => {
    const refused: string[] = [];
    for (const route of routes) {
      const { path, init } = request(route);
      const response = await fetch(`${app.baseUrl}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
      const body = (await response.json()) as { error?: { code: string } };
      if (response.status !== 401 || body.error?.code !== 'unauthorized') refused.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(refused).toEqual([]);
  });

  it('answers 403 to a signed-in person whose role does not cover the route', async () => {
    const admitted: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const roles = [...(wrongRoles[route.prefix] ?? []), ...(routeSpecificWrongRoles[`${route.method} ${route.path}`] ?? [])];
      expect(roles.length, `${route.method} ${route.path} has no wrong role`).toBeGreaterThan(0);
      for (const role of roles) {
        const { path, init } = request(route);
        const response = await sessions[role].fetch(path, init);
        const body = (await response.json()) as { error?: { code: string } };
        checked += 1;
        if (response.status !== 403 || body.error?.code !== 'role_not_allowed') admitted.push(`${role} ${route.method} ${route.path}: ${response.status}`);
      }
    }
    expect(admitted).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(routes.length);
  });

  it('lets an admin through to every route (which then answers about the example id)', async () => {
    const refused: string[] = [];
    for (const route of routes) {
      const { path, init } = request(route);
      const response = await sessions.admin.fetch(path, init);
      if (response.status === 401 || response.status === 403) refused.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(refused).toEqual([]);
  });

  it('keeps the bearer tokens working for a company desk, each on its own APIs only', async () => {
    const operations = { authorization: 'Bearer operations-token-0123456789abcdef' };
    const curation = { authorization: 'Bearer curation-token-0123456789abcdef' };
    expect((await fetch(`${app.baseUrl}/api/cases`, { headers: operations })).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/outbox/depth`, { headers: operations })).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/kb/version`, { headers: curation })).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/kb/version`, { headers: operations })).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/cases`, { headers: curation })).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/console/users`, { headers: operations })).status).toBe(401);
  });
});
