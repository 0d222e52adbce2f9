import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../db/migrate.js';
import { createPgliteDb, type PgliteDb } from '../db/pglite-db.js';
import { createCustomerDirectory } from '../bot/conversations/customer-directory.js';
import { createTestDb } from '../test-support/test-db.js';
import { driftedRows, keptAndRecounted } from './figures-from-rows.js';
import type { InsightFilter } from './insight-filter.js';
import { loadServiceSummary } from './load-service-summary.js';
import { fixtureWeek, seedFixtureWeek } from './service-figures-fixture.js';
import { openFixtureWeekDb } from './fixture-week-db.js';

const week: InsightFilter = { since: fixtureWeek.since, until: fixtureWeek.until, period: 'day', repeatWindowHours: 24 };

/** Periods that start and end mid-day, within one day, by week, with a short and a long repeat window, and filtered. */
const periods: InsightFilter[] = [
  week,
  { ...week, since: new Date('2026-03-02T09:30:00Z'), until: new Date('2026-03-07T18:00:00Z') },
  { ...week, since: new Date('2026-03-04T08:00:00Z'), until: new Date('2026-03-04T20:00:00Z') },
  { ...week, since: new Date('2026-02-23T12:00:00Z'), period: 'week', repeatWindowHours: 1 },
  { ...week, repeatWindowHours: 720, channel: 'whatsapp' },
  { ...week, locale: 'nl' },
];

async function expectKeptFiguresMatchRows(db: PgliteDb): Promise<void> {
  expect(await driftedRows(db)).toEqual([]);
  for (const filter of periods) {
    const { kept, recounted } = await keptAndRecounted(db, filter, fixtureWeek.now);
    expect(kept).toEqual(recounted);
  }
}

async function addTurn(db: PgliteDb, conversationId: string, id: string, question: string, decision: 'answer' | 'handoff', at: string): Promise<void> {
  const [conversation] = await db.query<{ channel: string }>('SELECT channel FROM conversations WHERE id = $1', [conversationId]);
  await db.query(
    `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, text, created_at)
     VALUES ($1, $2, $3, $1, 'inbound', 'customer', $4, $5)`,
    [`${id}-in`, conversationId, conversation?.channel, question, at],
  );
  await db.query(
    `INSERT INTO answers (id, conversation_id, inbound_message_id, question, locale, kb_version, decision, confidence, generator, latency_ms, created_at)
     VALUES ($1, $2, $3, $4, 'en', 'kb-fixture', $5, 0.5, 'extractive', 300, $6)`,
    [id, conversationId, `${id}-in`, question, decision, at],
  );
}

describe('figures kept by migrations 0011 and 0012 (triggers and rollups)', () => {
  let db: PgliteDb;
  openFixtureWeekDb((opened) => {
    db = opened;
  });

  it('match a recount from the rows after the fixture week is written', async () => {
    await expectKeptFiguresMatchRows(db);
  });

  it('stay right when decisions arrive, also out of order and in one statement', async () => {
    const before = await loadServiceSummary(db, week, fixtureWeek.now);
    // Customer C asks c4's question again in c7; then a decision written after c2's, but dated
    // between c1's and c2's (customer A), asks the same question: it has a successor already.
    const [c4] = await db.query<{ question: string }>(`SELECT question FROM answers WHERE conversation_id = 'c4' ORDER BY created_at LIMIT 1`);
    await addTurn(db, 'c7', 'late-c7', c4?.question.toUpperCase() ?? '', 'answer', '2026-03-07T12:00:00Z');
    await addTurn(db, 'c1', 'out-of-order-c1', 'How do I block my card', 'answer', '2026-03-02T09:30:00Z');
    await db.exec(`
      INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, text, created_at)
      SELECT 'batch-' || n, 'c5', 'web-chat', 'batch-' || n, 'inbound', 'customer', 'batch question', '2026-03-06T10:00:00Z'::timestamptz + (5 - n) * interval '1 hour'
      FROM generate_series(1, 4) AS n;
      INSERT INTO answers (id, conversation_id, inbound_message_id, question, locale, kb_version, decision, confidence, generator, latency_ms, created_at)
      SELECT 'batch-answer-' || n, 'c5', 'batch-' || n, 'Batch question?', 'en', 'kb-fixture', 'answer', 0.5, 'extractive', 300,
        '2026-03-06T10:00:00Z'::timestamptz + (5 - n) * interval '1 hour'
      FROM generate_series(1, 4) AS n;`);
    await expectKeptFiguresMatchRows(db);
    const after = await loadServiceSummary(db, week, fixtureWeek.now);
    // c7 is now decided and answered; c5 answered, then asked again within the hour.
    expect(after.overall.conversations.decided).toBe(before.overall.conversations.decided + 1);
    expect(after.overall.conversations.repeated).toBeGreaterThan(before.overall.conversations.repeated);
  });

  it('follow customers merged by the directory, and a decision rewritten by hand', async () => {
    const directory = createCustomerDirectory(db);
    const email = { kind: 'email' as const, address: 'Merged@Example.com' };
    const separate = await directory.resolve(email);
    await db.query(
      `INSERT INTO conversations (id, channel, locale, customer_id, address, created_at, updated_at)
       VALUES ('c10', 'email', 'en', $1, 'merged@example.com', '2026-03-04T09:00:00Z', '2026-03-04T09:00:00Z')`,
      [separate],
    );
    const [c3] = await db.query<{ question: string; created_at: Date }>(`SELECT question, created_at FROM answers WHERE id = 'answer-c3-1'`);
    await addTurn(db, 'c10', 'merged-c10', c3?.question ?? '', 'answer', new Date((c3?.created_at.getTime() ?? 0) + 3_600_000).toISOString());
    const before = await loadServiceSummary(db, week, fixtureWeek.now);
    await expectKeptFiguresMatchRows(db);

    await directory.link('customer-b', email);
    const merged = await loadServiceSummary(db, week, fixtureWeek.now);
    expect(merged.overall.conversations.repeated).toBe(before.overall.conversations.repeated + 1);
    await expectKeptFiguresMatchRows(db);

    await db.query(`UPDATE answers SET standalone_question = 'something else entirely' WHERE id = 'merged-c10'`);
    await expectKeptFiguresMatchRows(db);
    await db.query(`UPDATE conversations SET customer_id = NULL WHERE id = 'c10'`);
    await expectKeptFiguresMatchRows(db);
  });

  it('count outbound messages by the status they are in now, and forget deleted ones', async () => {
    await db.exec(`
      INSERT INTO outbox (id, conversation_id, channel, recipient, payload, idempotency_key, status, created_at, updated_at) VALUES
        ('o-1', 'c1', 'whatsapp', 'r', '{}', 'o-1', 'pending', '2026-03-04T23:59:59Z', now()),
        ('o-2', NULL, 'sms', 'r', '{}', 'o-2', 'pending', '2026-03-05T00:00:00Z', now()),
        ('o-3', 'c3', 'whatsapp', 'r', '{}', 'o-3', 'pending', '2026-03-02T09:00:00Z', now());
      UPDATE outbox SET status = 'sending' WHERE id IN ('o-1', 'o-2', 'o-3');
      UPDATE outbox SET status = 'failed' WHERE id IN ('o-1', 'o-2');
      UPDATE outbox SET status = 'dead' WHERE id = 'o-1';
      UPDATE outbox SET status = 'delivered' WHERE id = 'o-3';
      UPDATE outbox SET status = 'delivered' WHERE id = 'outbox-c2';
      DELETE FROM outbox WHERE id = 'o-3';`);
    await expectKeptFiguresMatchRows(db);
    const summary = await loadServiceSummary(db, week, fixtureWeek.now);
    expect(summary.overall.delivery).toEqual({ messages: 7, failed: 1, dead: 2, failureRate: 0.4286 });
  });

  it('stays right when decisions are rewritten or deleted by hand', async () => {
    await db.exec(`
      INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, text, created_at)
      VALUES ('dup-in', 'c6', 'whatsapp', 'dup-in', 'inbound', 'customer', 'help', '2026-03-06T11:00:00Z');
      INSERT INTO answers (id, conversation_id, inbound_message_id, question, locale, kb_version, decision, confidence, reasons, generator,
        latency_ms, handoff, created_at)
      VALUES ('dup-reasons', 'c6', 'dup-in', 'help', 'en', 'kb-fixture', 'handoff', 0.1, ARRAY['not_covered', 'not_covered'], 'extractive',
        1234, '{"topic": "fraud"}', '2026-03-06T11:00:01Z');`);
    await expectKeptFiguresMatchRows(db);
    await db.query(`UPDATE answers SET latency_ms = 1299, reasons = ARRAY['low_confidence'] WHERE id = 'dup-reasons'`);
    expect(await driftedRows(db)).toEqual([]);
    await db.query(`UPDATE answers SET decision = 'answer', latency_ms = 1250, created_at = '2026-03-07T01:00:00Z' WHERE id = 'dup-reasons'`);
    expect(await driftedRows(db)).toEqual([]);
    await db.query(`DELETE FROM answers WHERE id = 'dup-reasons'`);
    await expectKeptFiguresMatchRows(db);
  });

  it("follows a person's replies and a case's opening and closing times", async () => {
    const caseOf = async (id: string) =>
      (await db.query<{ first_response_at: Date | null }>('SELECT first_response_at FROM cases WHERE id = $1', [id]))[0]?.first_response_at ?? null;
    // c6: nobody replied; a reply now, then an earlier one, then the case closed before either.
    const reply = (id: string, at: string) =>
      db.query(
        `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, author_id, text, created_at)
         VALUES ($1, 'c6', 'whatsapp', $1, 'outbound', 'expert', 'anna.expert', 'A person answers.', $2)`,
        [id, at],
      );
    const [c6] = await db.query<{ opened_at: Date }>(`SELECT opened_at FROM cases WHERE id = 'case-c6'`);
    const after = (minutes: number) => new Date((c6?.opened_at.getTime() ?? 0) + minutes * 60_000).toISOString();
    await reply('c6-late', after(90));
    expect(await caseOf('case-c6')).toEqual(new Date(after(90)));
    await reply('c6-early', after(30));
    expect(await caseOf('case-c6')).toEqual(new Date(after(30)));
    await db.query(`UPDATE cases SET status = 'resolved', closed_at = $1 WHERE id = 'case-c6'`, [after(10)]);
    expect(await caseOf('case-c6')).toBeNull();
    await db.query(`UPDATE cases SET closed_at = $1 WHERE id = 'case-c6'`, [after(60)]);
    expect(await caseOf('case-c6')).toEqual(new Date(after(30)));
    await db.query(`UPDATE messages SET author_type = 'bot' WHERE id = 'c6-early'`);
    expect(await caseOf('case-c6')).toBeNull();
    await db.query(`UPDATE cases SET closed_at = NULL, status = 'open' WHERE id = 'case-c6'`);
    expect(await caseOf('case-c6')).toEqual(new Date(after(90)));
    await db.query(`DELETE FROM messages WHERE id = 'c6-late'`);
    expect(await caseOf('case-c6')).toBeNull();
    await expectKeptFiguresMatchRows(db);
  });
});

describe('migrations 0011 and 0012 on a database that already has rows', () => {
  it('backfills the same figures the triggers keep', async () => {
    const migrations = await readMigrations();
    const existing = await createPgliteDb();
    const fresh = await createTestDb();
    try {
      await migrate(existing, migrations.filter((migration) => migration.version < 11));
      await seedFixtureWeek(existing);
      await migrate(existing, migrations);
      await seedFixtureWeek(fresh);
      expect(await driftedRows(existing)).toEqual([]);
      for (const filter of periods) {
        expect(await loadServiceSummary(existing, filter, fixtureWeek.now)).toEqual(await loadServiceSummary(fresh, filter, fixtureWeek.now));
      }
    } finally {
      await existing.close();
      await fresh.close();
    }
  }, 60_000);
});
