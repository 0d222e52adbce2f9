import { Router } from 'express';
import type { Db } from '../../db/db.js';
import { isFullyMigrated } from '../../db/migrate.js';

/** `/healthz`: the process is alive. `/readyz`: the database answers and its schema is current. */
export function createHealthRoutes(db: Db): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    try {
      const migrated = await isFullyMigrated(db);
      response.status(migrated ? 200 : 503).json({
        status: migrated ? 'ready' : 'not_ready',
        database: db.kind,
        migrations: migrated ? 'applied' : 'pending',
      });
    } catch {
      response.status(503).json({ status: 'not_ready', database: db.kind, migrations: 'unknown' });
    }
  });
  return router;
}
