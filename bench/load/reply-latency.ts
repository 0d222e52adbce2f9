import { join } from 'node:path';
import { createPgliteDb } from '../../db/pglite-db.js';
import { summariseLatencies, type LatencySummary } from './summarise-series.js';

/** An inbound webhook as the driver sent it. */
export interface SentInbound {
  messageSid: string;
  /** Scheduled send (wall clock, ms). */
  sentAt: number;
  measured: boolean;
}

/** What the app's database says happened to one inbound message. */
export interface InboundRecord {
  /** When the message row was written (before the acknowledgement). */
  storedAt: number;
  /** The first outbox row answering it (bot reply or notice), and when Twilio took it. */
  enqueuedAt?: number;
  sentAt?: number;
  /** A case for its conversation was already open when it arrived (the bot leaves it to the expert). */
  inHandoff: boolean;
  /** The sender has opted out (STOP): stored and acknowledged, never answered. */
  optedOut: boolean;
}

export interface ReplyLatency {
  /** Measured inbound messages, and how many of them the app stored. */
  inbound: number;
  stored: number;
  /** Measured messages with a reply in the outbox. */
  replied: number;
  /**
   * Stored but never answered by the bot: the conversation had been handed to
   * a person by an earlier message, so the bot stays silent and the case waits
   * for an expert. Not a failure.
   */
  silentInHandoff: number;
  /** Stored but not answered because the sender had sent STOP. */
  silentOptedOut: number;
  /** Stored, neither handed off nor opted out, and still without a reply when the app stopped. */
  unanswered: number;
  /** Webhook send to the reply's outbox row (the turn done and the reply durable). */
  enqueued: LatencySummary;
  /** Webhook send to the fake Twilio API's 201 for the reply (the outbox worker delivered it). */
  sent: LatencySummary;
  /** Last scheduled webhook to the last reply enqueued: how long the backlog took to clear. */
  drainSeconds: number;
}

/**
 * Reads, from the stopped app's PGlite data directory, when each inbound SMS
 * was stored and when its reply entered the outbox and left it. The outbox
 * row's idempotency key (`sms:<inbound message id>:<n|notice>`) names the
 * inbound message it answers, so the pairing is exact. Timestamps come from
 * Postgres' `now()` in the app, on the same machine clock as the driver.
 */
export async function readInboundRecords(dataDir: string): Promise<Map<string, InboundRecord>> {
  const db = await createPgliteDb({ dataDir: join(dataDir, 'pgdata') });
  try {
    const rows = await db.query<{
      message_sid: string;
      stored_at: Date;
      enqueued_at: Date | null;
      sent_at: Date | null;
      in_handoff: boolean;
      opted_out: boolean;
    }>(
      `SELECT m.provider_message_id AS message_sid, m.created_at AS stored_at,
              min(o.created_at) AS enqueued_at, min(o.sent_at) AS sent_at,
              EXISTS (SELECT 1 FROM cases c WHERE c.conversation_id = m.conversation_id AND c.opened_at < m.created_at) AS in_handoff,
              EXISTS (SELECT 1 FROM conversations c JOIN sms_opt_outs s ON s.phone = c.address WHERE c.id = m.conversation_id) AS opted_out
       FROM messages m
       LEFT JOIN outbox o ON split_part(o.idempotency_key, ':', 2) = m.id AND o.channel = m.channel
       WHERE m.channel = 'sms' AND m.direction = 'inbound'
       GROUP BY m.provider_message_id, m.created_at, m.conversation_id`,
    );
    return new Map(
      rows.map((row) => [
        row.message_sid,
        {
          storedAt: row.stored_at.getTime(),
          ...(row.enqueued_at ? { enqueuedAt: row.enqueued_at.getTime() } : {}),
          ...(row.sent_at ? { sentAt: row.sent_at.getTime() } : {}),
          inHandoff: row.in_handoff,
          optedOut: row.opted_out,
        },
      ]),
    );
  } finally {
    await db.close();
  }
}

export function measureReplyLatency(sent: readonly SentInbound[], records: ReadonlyMap<string, InboundRecord>): ReplyLatency {
  const enqueued: number[] = [];
  const delivered: number[] = [];
  let stored = 0;
  let silent = 0;
  let optedOut = 0;
  let unanswered = 0;
  let lastScheduledAt = 0;
  let lastEnqueuedAt = 0;
  for (const message of sent) {
    lastScheduledAt = Math.max(lastScheduledAt, message.sentAt);
    const record = records.get(message.messageSid);
    if (record?.enqueuedAt !== undefined) lastEnqueuedAt = Math.max(lastEnqueuedAt, record.enqueuedAt);
    if (!message.measured || !record) continue;
    stored += 1;
    if (record.enqueuedAt === undefined) {
      if (record.optedOut) optedOut += 1;
      else if (record.inHandoff) silent += 1;
      else unanswered += 1;
      continue;
    }
    enqueued.push(record.enqueuedAt - message.sentAt);
    if (record.sentAt !== undefined) delivered.push(record.sentAt - message.sentAt);
  }
  return {
    inbound: sent.filter((message) => message.measured).length,
    stored,
    replied: enqueued.length,
    silentInHandoff: silent,
    silentOptedOut: optedOut,
    unanswered,
    enqueued: summariseLatencies(enqueued),
    sent: summariseLatencies(delivered),
    drainSeconds: Math.round(Math.max(0, lastEnqueuedAt - lastScheduledAt) / 100) / 10,
  };
}
