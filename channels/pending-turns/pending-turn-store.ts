import type { Db, Queryable } from '../../db/db.js';
import { processIsGone } from '../../db/app-process-registry.js';
import { createGroupCommit } from '../../db/group-commit.js';
import type { OutboundChannel } from '../../outbox/channel-sender.js';
import type { PendingTurn } from './pending-turn.js';

export interface PendingTurnStoreOptions {
  /** This app process (`registerAppProcess`): claims are taken in its name. */
  processId: string;
  /** How long a live process's claim lasts before another process may take the turn over. */
  leaseMs?: number;
  /** Claims after which a turn that keeps failing (or keeps killing its process) is left alone, its last error kept. */
  maxAttempts?: number;
  /** Wait before a failed turn is tried again; doubles per attempt, up to five minutes. */
  retryDelayMs?: number;
}

/** Claims after which a turn is given up unless the store is told otherwise (the metrics count them). */
export const pendingTurnMaxAttempts = 5;
const defaultLeaseMs = 60_000;
const defaultRetryDelayMs = 2_000;
const maxRetryDelayMs = 300_000;

type PendingTurnRow = { inbound_message_id: string; channel: OutboundChannel; input: Record<string, unknown>; attempts: number };
type NewTurn = { turn: Omit<PendingTurn, 'attempts'>; claimed: boolean };

/**
 * Turns owed to inbound messages on asynchronous channels (`pending_turns`).
 * The webhook path adds one with the message, claimed by its own process, and
 * completes it once the answer is in the outbox. A turn whose claim is free
 * again (its process is gone, its lease ran out, or it failed and waited its
 * backoff) is claimed by a recovery sweep, FOR UPDATE SKIP LOCKED, so two
 * processes never run the same recovery at once.
 */
export function createPendingTurnStore(db: Db, options: PendingTurnStoreOptions) {
  const { processId } = options;
  const lease = String(options.leaseMs ?? defaultLeaseMs);
  const maxAttempts = options.maxAttempts ?? pendingTurnMaxAttempts;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;

  /**
   * Writes turns with one statement, each claimed by this process (with its
   * lease) or left for a sweep; returns whether each was new. A message twice
   * in one call (a redelivery racing the first delivery) is added once: the
   * first of them gets it.
   */
  async function insertTurns(queryable: Queryable, turns: readonly NewTurn[]): Promise<boolean[]> {
    const rows = turns.map(({ turn, claimed }) => ({ id: turn.inboundMessageId, channel: turn.channel, input: turn.input, claimed }));
    const added = await queryable.query<{ inbound_message_id: string }>(
      `INSERT INTO pending_turns (inbound_message_id, channel, input, claimed_by, claimed_until, attempts)
       SELECT t.id, t.channel, t.input,
         CASE WHEN t.claimed THEN $2 END,
         CASE WHEN t.claimed THEN now() + ($3 || ' milliseconds')::interval END,
         CASE WHEN t.claimed THEN 1 ELSE 0 END
       FROM jsonb_to_recordset($1::jsonb) AS t(id text, channel text, input jsonb, claimed boolean)
       ON CONFLICT (inbound_message_id) DO NOTHING
       RETURNING inbound_message_id`,
      [JSON.stringify(rows), processId, lease],
    );
    const newlyAdded = new Set(added.map((row) => row.inbound_message_id));
    return turns.map(({ turn }) => newlyAdded.delete(turn.inboundMessageId));
  }

  // Webhooks arriving together are acknowledged after one multi-row INSERT.
  const intakes = createGroupCommit((batch: NewTurn[]) => insertTurns(db, batch));

  return {
    /**
     * Records the intake turn a webhook's message is acknowledged with
     * (before it is stored in its conversation), claimed by this process
     * unless `unclaimed`. Webhooks arriving together share one statement.
     * False when the turn was already recorded (a redelivery).
     */
    addIntake(turn: Omit<PendingTurn, 'attempts'>, options: { unclaimed?: boolean } = {}): Promise<boolean> {
      return intakes.submit({ turn, claimed: !options.unclaimed });
    },

    /**
     * Records the turn a new inbound message is owed, claimed by this process
     * (in the message's own transaction) unless `unclaimed` (this process has
     * no room: the sweep of whichever process has room first takes it),
     * replacing the intake turn the message came through, if any. False when
     * the turn was already recorded.
     */
    async add(queryable: Queryable, turn: Omit<PendingTurn, 'attempts'>, options: { replaces?: string; unclaimed?: boolean } = {}): Promise<boolean> {
      if (options.replaces !== undefined) await queryable.query('DELETE FROM pending_turns WHERE inbound_message_id = $1', [options.replaces]);
      const [added] = await insertTurns(queryable, [{ turn, claimed: !options.unclaimed }]);
      return added === true;
    },

    /** Takes up to `limit` turns nobody is running: left by a dead process, out of lease, or due again after a failure. */
    async claimAbandoned(limit: number): Promise<PendingTurn[]> {
      const rows = await db.transaction((transaction) =>
        transaction.query<PendingTurnRow>(
          `UPDATE pending_turns SET claimed_by = $2, claimed_until = now() + ($3 || ' milliseconds')::interval, attempts = attempts + 1
           WHERE inbound_message_id IN (
             SELECT inbound_message_id FROM pending_turns
             WHERE attempts < $4 AND available_at <= now()
               AND (claimed_by IS NULL OR claimed_until < now() OR (claimed_by <> $2 AND ${processIsGone('claimed_by')}))
             ORDER BY created_at
             LIMIT $1
             FOR UPDATE SKIP LOCKED
           )
           RETURNING inbound_message_id, channel, input, attempts`,
          [limit, processId, lease, maxAttempts],
        ),
      );
      return rows.map((row) => ({ inboundMessageId: row.inbound_message_id, channel: row.channel, input: row.input, attempts: row.attempts }));
    },

    /** The turn is done (its answer is in the outbox, or none was due). */
    async complete(inboundMessageId: string): Promise<void> {
      await db.query('DELETE FROM pending_turns WHERE inbound_message_id = $1', [inboundMessageId]);
    },

    /** This process has no room to run the turn now: free it, as never tried, for whichever process's sweep has room first. */
    async unclaim(inboundMessageId: string): Promise<void> {
      await db.query(
        `UPDATE pending_turns SET claimed_by = NULL, claimed_until = NULL, attempts = GREATEST(attempts - 1, 0)
         WHERE inbound_message_id = $1 AND claimed_by = $2`,
        [inboundMessageId, processId],
      );
    },

    /**
     * The turn failed: free it for another attempt after a backoff (after
     * `maxAttempts` claims it stays, with its last error, for an operator;
     * `assistant_pending_turns{state="given_up"}` counts those).
     */
    async release(inboundMessageId: string, error: string): Promise<void> {
      await db.query(
        `UPDATE pending_turns SET claimed_by = NULL, claimed_until = NULL, last_error = $2,
           available_at = now() + (LEAST($3 * power(2, GREATEST(attempts - 1, 0)), $4)::bigint || ' milliseconds')::interval
         WHERE inbound_message_id = $1`,
        [inboundMessageId, error.slice(0, 1000), retryDelayMs, maxRetryDelayMs],
      );
    },
  };
}

export type PendingTurnStore = ReturnType<typeof createPendingTurnStore>;
