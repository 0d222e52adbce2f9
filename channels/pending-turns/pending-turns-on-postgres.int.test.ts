import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAppProcess, type AppProcess } from '../../db/app-process-registry.js';
import { migrate } from '../../db/migrate.js';
import { createPgPoolDb, type PgPoolDb } from '../../db/pg-pool-db.js';
import { migrationsWithoutPgvector, nativePostgresUnavailable, startNativePostgres, type NativePostgres } from '../../test-support/native-postgres.js';
import { createPendingTurnStore } from './pending-turn-store.js';

const unavailable = nativePostgresUnavailable();

const intake = (messageSid: string) => ({
  inboundMessageId: `intake:sms:${messageSid}`,
  channel: 'sms' as const,
  input: { intake: { channel: 'sms', messageSid, from: '+31612345678', text: 'My card is stuck in the machine', mediaCount: 0 } },
});

describe.skipIf(unavailable !== undefined)(`intake turns on a Postgres server${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let server: NativePostgres;
  let db: PgPoolDb;
  const processes: AppProcess[] = [];
  beforeAll(async () => {
    server = await startNativePostgres();
    db = createPgPoolDb({ connectionString: server.connectionString, maxConnections: 4 });
    await migrate(db, await migrationsWithoutPgvector());
  }, 120_000);
  afterAll(async () => {
    for (const registered of processes) await registered.retire();
    await db?.close();
    await server?.stop();
  });

  async function liveProcess() {
    const registered = await registerAppProcess(db, { exclusive: false });
    processes.push(registered);
    return { id: registered.id, store: createPendingTurnStore(db, { processId: registered.id }) };
  }

  it('writes webhooks arriving together, each claimed or not as asked, and a message two processes receive at once is added once', async () => {
    const first = await liveProcess();
    const second = await liveProcess();
    const sids = Array.from({ length: 40 }, (_, index) => `SM${index}`);
    const added = await Promise.all([
      ...sids.map((sid, index) => first.store.addIntake(intake(sid), { unclaimed: index === 0 })),
      // Twilio redelivering to the other process while the first delivery is still being written.
      ...sids.slice(0, 10).map((sid) => second.store.addIntake(intake(sid))),
    ]);
    expect(added.filter(Boolean)).toHaveLength(40);
    const rows = await db.query<{ inbound_message_id: string; claimed_by: string | null; attempts: number; input: unknown }>(
      'SELECT inbound_message_id, claimed_by, attempts, input FROM pending_turns ORDER BY inbound_message_id',
    );
    expect(rows.map((row) => row.inbound_message_id).sort()).toEqual(sids.map((sid) => `intake:sms:${sid}`).sort());
    expect(rows.find((row) => row.inbound_message_id === 'intake:sms:SM39')).toMatchObject({ claimed_by: first.id, attempts: 1, input: intake('SM39').input });
    expect(await first.store.addIntake(intake('SM39'))).toBe(false);

    const third = await liveProcess();
    const unclaimed = rows.filter((row) => row.claimed_by === null).map((row) => row.inbound_message_id);
    expect((await third.store.claimAbandoned(100)).map((turn) => turn.inboundMessageId)).toEqual(unclaimed);
  });
});
