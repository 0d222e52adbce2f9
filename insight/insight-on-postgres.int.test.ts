import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { createPgPoolDb, type PgPoolDb } from '../db/pg-pool-db.js';
import { migrationsWithoutPgvector, nativePostgresUnavailable, startNativePostgres, type NativePostgres } from '../test-support/native-postgres.js';
import { createTestDb } from '../test-support/test-db.js';
import { driftedRows } from './figures-from-rows.js';
import type { InsightFilter } from './insight-filter.js';
import { loadServiceSummary } from './load-service-summary.js';
import { fixtureWeek, seedFixtureWeek } from './service-figures-fixture.js';

const unavailable = nativePostgresUnavailable();

const week: InsightFilter = { since: fixtureWeek.since, until: fixtureWeek.until, period: 'day', repeatWindowHours: 24 };

describe.skipIf(unavailable !== undefined)(`service insight on a Postgres server${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let server: NativePostgres;
  let db: PgPoolDb;
  beforeAll(async () => {
    server = await startNativePostgres();
    db = createPgPoolDb({ connectionString: server.connectionString, maxConnections: 4 });
    await migrate(db, await migrationsWithoutPgvector());
    await seedFixtureWeek(db);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('keeps the same figures as the embedded database, with queries running at once on pooled connections', async () => {
    expect(await driftedRows(db)).toEqual([]);
    const embedded = await createTestDb();
    try {
      await seedFixtureWeek(embedded);
      for (const filter of [week, { ...week, since: new Date('2026-03-02T09:30:00Z'), channel: 'whatsapp' }, { ...week, period: 'week' as const }]) {
        expect(await loadServiceSummary(db, filter, fixtureWeek.now)).toEqual(await loadServiceSummary(embedded, filter, fixtureWeek.now));
      }
    } finally {
      await embedded.close();
    }
  });

  it('keeps decision days, handoff causes and first responses as rows change', async () => {
    await db.query(
      `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, author_id, text, created_at)
       VALUES ('pg-reply', 'c6', 'whatsapp', 'pg-reply', 'outbound', 'expert', 'anna.expert', 'A person answers.', '2026-03-06T12:00:00Z')`,
    );
    await db.query(`UPDATE answers SET latency_ms = 4321, reasons = ARRAY['low_confidence', 'low_confidence'] WHERE conversation_id = 'c6'`);
    await db.query(`UPDATE cases SET status = 'resolved', closed_at = '2026-03-06T13:00:00Z' WHERE conversation_id = 'c6'`);
    expect(await driftedRows(db)).toEqual([]);
  });
});
