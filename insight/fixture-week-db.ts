import { afterAll, beforeAll } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { createTestDb } from '../test-support/test-db.js';
import { seedFixtureWeek } from './service-figures-fixture.js';

/**
 * For tests: a fresh embedded database holding the fixture week, opened
 * before the enclosing `describe`'s tests (handed to `use`) and closed after them.
 */
export function openFixtureWeekDb(use: (db: PgliteDb) => void): void {
  let db: PgliteDb | undefined;
  beforeAll(async () => {
    db = await createTestDb();
    await seedFixtureWeek(db);
    use(db);
  });
  afterAll(async () => {
    await db?.close();
  });
}
