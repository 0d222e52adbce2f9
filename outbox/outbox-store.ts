import { randomUUID } from 'node:crypto';
import { processIsGone } from '../db/app-process-registry.js';
import type { Db, Queryable } from '../db/db.js';
import type { OutboundChannel, OutboundDelivery } from './channel-sender.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'failed' | 'dead';

export interface NewOutboundMessage {
  conversationId?: string;
  messageId?: string;
  channel: OutboundChannel;
  recipient: string;
  payload: Record<string, unknown>;
  /** The same key twice is one message: enqueueing again is a no-op. */
  idempotencyKey: string;
}

export interface OutboxEntry {
  id: string;
  conversationId: string | null;
  channel: OutboundChannel;
  recipient: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  providerMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface RetryPolicy {
  /** After this many failed attempts a message is dead-lettered with its last error. */
  maxAttempts: number;
  /** Wait before the second attempt; doubles per attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 300_000 };

type OutboxRow = {
  id: string;
  conversation_id: string | null;
  channel: OutboundChannel;
  recipient: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date | string;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
  unconfirmed_since: Date | string | null;
};

/**
 * The outbox: every outbound message is a row before anything is sent.
 * Workers claim due rows with a lease (FOR UPDATE SKIP LOCKED, so several app
 * processes share the work without sending a row twice at once), then record
 * the provider's id, a retry time with backoff, or a dead letter with the reason.
 * A claim names its process, so a row a dead process was sending is taken
 * over at once, and checked with the provider before it is sent again.
 */
export function createOutboxStore(db: Db, policy: RetryPolicy = defaultRetryPolicy) {
  return {
    /** Persists a message to send; returns its id (the existing one when the key was already enqueued). */
    async enqueue(queryable: Queryable, message: NewOutboundMessage): Promise<string> {
      const [inserted] = await queryable.query<{ id: string }>(
        `INSERT INTO outbox (id, conversation_id, message_id, channel, recipient, payload, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`,
        [
          randomUUID(),
          message.conversationId ?? null,
          message.messageId ?? null,
          message.channel,
          message.recipient,
          JSON.stringify(message.payload),
          message.idempotencyKey,
        ],
      );
      if (inserted) return inserted.id;
      const [existing] = await queryable.query<{ id: string }>('SELECT id FROM outbox WHERE idempotency_key = $1', [message.idempotencyKey]);
      return existing?.id ?? '';
    },

    /**
     * Takes up to `limit` due messages for `leaseMs`, in the name of
     * `claimant` (an app process id). A message being sent whose lease ran
     * out, or whose claimant process is gone (killed mid-send), is due again
     * at once, marked unconfirmed: the provider may have it already.
     */
    async claimDue(limit: number, leaseMs: number, claimant?: string): Promise<OutboundDelivery[]> {
      const rows = await db.transaction((transaction) =>
        transaction.query<OutboxRow>(
          `WITH due AS (
             SELECT id, status = 'sending' AS interrupted, updated_at AS interrupted_attempt_at FROM outbox
             WHERE (status = 'pending' AND next_attempt_at <= now())
                OR (status = 'sending' AND (locked_until < now()
                    OR (locked_by IS NOT NULL AND locked_by IS DISTINCT FROM $3::text AND ${processIsGone('locked_by')})))
             ORDER BY next_attempt_at, created_at
             LIMIT $1
             FOR UPDATE SKIP LOCKED
           )
           UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1,
             locked_until = now() + ($2 || ' milliseconds')::interval, locked_by = $3::text, updated_at = now(),
             unconfirmed_since = CASE WHEN due.interrupted THEN COALESCE(o.unconfirmed_since, due.interrupted_attempt_at) ELSE o.unconfirmed_since END
           FROM due WHERE o.id = due.id
           RETURNING o.*`,
          [limit, String(leaseMs), claimant ?? null],
        ),
      );
      return rows.map((row) => ({
        outboxId: row.id,
        channel: row.channel,
        recipient: row.recipient,
        payload: row.payload,
        idempotencyKey: row.idempotency_key,
        attempt: row.attempts,
        ...(row.unconfirmed_since === null ? {} : { unconfirmedSince: new Date(row.unconfirmed_since) }),
      }));
    },

    /**
     * Records that an unconfirmed message was found at the provider under
     * `providerMessageId` (so it is not sent again), unless another outbox
     * row already owns that provider message. Returns whether it was adopted.
     */
    async adoptAccepted(id: string, providerMessageId: string): Promise<boolean> {
      const adopted = await db.query<{ id: string }>(
        `UPDATE outbox SET status = CASE WHEN status IN ('delivered', 'failed') THEN status ELSE 'sent' END,
           provider_message_id = $2, sent_at = now(), locked_until = NULL, last_error = NULL, unconfirmed_since = NULL, updated_at = now()
         WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM outbox other WHERE other.provider_message_id = $2 AND other.id <> $1)
         RETURNING id`,
        [id, providerMessageId],
      );
      return adopted.length > 0;
    },

    async markSent(id: string, providerMessageId: string): Promise<void> {
      // A delivery report can overtake the provider's answer to the send: never step back from it.
      await db.query(
        `UPDATE outbox SET status = CASE WHEN status IN ('delivered', 'failed') THEN status ELSE 'sent' END,
           provider_message_id = $2, sent_at = now(), locked_until = NULL, last_error = NULL, unconfirmed_since = NULL, updated_at = now()
         WHERE id = $1`,
        [id, providerMessageId],
      );
    },

    /** A failed attempt: retried after a backoff, or dead-lettered when permanent or out of attempts. */
    async markFailed(id: string, error: string, options: { permanent: boolean; retryAfterMs?: number }): Promise<OutboxStatus> {
      const [row] = await db.query<{ attempts: number }>('SELECT attempts FROM outbox WHERE id = $1', [id]);
      const attempts = row?.attempts ?? policy.maxAttempts;
      const dead = options.permanent || attempts >= policy.maxAttempts;
      const delayMs = Math.max(options.retryAfterMs ?? 0, Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1)));
      await db.query(
        `UPDATE outbox SET status = $2, last_error = $3, locked_until = NULL, updated_at = now(),
           next_attempt_at = now() + ($4 || ' milliseconds')::interval
         WHERE id = $1`,
        [id, dead ? 'dead' : 'pending', error.slice(0, 1000), String(delayMs)],
      );
      return dead ? 'dead' : 'pending';
    },

    /**
     * A provider's delivery report (e.g. Twilio's status callback) for a message
     * it accepted, matched by the provider's id or, when the report overtook the
     * answer to the send, by our outbox id carried on the callback URL.
     */
    async recordDeliveryStatus(providerMessageId: string, status: 'delivered' | 'failed', error?: string, outboxId?: string): Promise<boolean> {
      const updated = await db.query<{ id: string }>(
        `UPDATE outbox SET status = $2, last_error = COALESCE($3, last_error), updated_at = now(),
           provider_message_id = COALESCE(provider_message_id, $1)
         WHERE (provider_message_id = $1 OR id = $4) AND status IN ('sending', 'sent', 'delivered', 'failed')
         RETURNING id`,
        [providerMessageId, status, error ?? null, outboxId ?? null],
      );
      return updated.length > 0;
    },

    async list(filter: { status?: OutboxStatus; conversationId?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
      const rows = await db.query<OutboxRow>(
        `SELECT * FROM outbox
         WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR conversation_id = $2)
         ORDER BY created_at DESC, id
         LIMIT $3`,
        [filter.status ?? null, filter.conversationId ?? null, filter.limit ?? 100],
      );
      return rows.map(toEntry);
    },

    /** How many messages wait and how old the oldest is: the health of delivery. */
    async depth(): Promise<{ waiting: number; oldestAgeSeconds: number; dead: number }> {
      const [row] = await db.query<{ waiting: number; oldest: number | null; dead: number }>(
        `SELECT count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS waiting,
           extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('pending', 'sending')))::float8 AS oldest,
           count(*) FILTER (WHERE status = 'dead')::int AS dead
         FROM outbox`,
      );
      return { waiting: row?.waiting ?? 0, oldestAgeSeconds: row?.oldest ?? 0, dead: row?.dead ?? 0 };
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    channel: row.channel,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at).toISOString(),
    lastError: row.last_error,
    providerMessageId: row.provider_message_id,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at).toISOString(),
  };
}
