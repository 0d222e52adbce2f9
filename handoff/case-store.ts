import { randomUUID } from 'node:crypto';
import type { HandoffRouting, Priority, ReasonCode, RetrievedRecord } from '../bot/answer-engine/answer-outcome.js';
import type { Db } from '../db/db.js';
import { slaDueAt } from './sla-policy.js';

export type CaseStatus = 'open' | 'claimed' | 'resolved' | 'handed_back';

export interface NewCase {
  conversationId: string;
  channel: string;
  locale: 'en' | 'nl';
  routing: HandoffRouting;
  reasons: readonly ReasonCode[];
  /** The recorded decision that opened the case. */
  answerId?: string;
}

export interface CaseSummary {
  id: string;
  conversationId: string;
  customerId: string | null;
  channel: string;
  locale: string;
  status: CaseStatus;
  skill: string;
  priority: Priority;
  topic: string | null;
  reasons: ReasonCode[];
  slaDueAt: string;
  breached: boolean;
  assignee: string | null;
  openedAt: string;
}

export interface CaseDetail extends CaseSummary {
  /** The conversation so far, oldest first (texts are stored redacted); `id` names a reply to save as a knowledge draft. */
  transcript: { id: string; author: 'customer' | 'bot' | 'expert'; authorId: string | null; text: string; at: string }[];
  /** What the bot retrieved for the question that opened the case, with scores. */
  retrieved: RetrievedRecord[];
}

type CaseRow = {
  id: string;
  conversation_id: string;
  customer_id: string | null;
  channel: string;
  locale: string;
  status: CaseStatus;
  skill: string;
  priority: Priority;
  topic: string | null;
  reasons: ReasonCode[];
  sla_due_at: Date | string;
  assignee: string | null;
  opened_at: Date | string;
};

const priorityOrder = `CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

/** Escalation cases: at most one open per conversation; every change is in the audit log. */
export function createCaseStore(db: Db, options: { now?: () => Date; newId?: () => string } = {}) {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;

  async function changeHolder(caseId: string, expert: string, change: string, condition: string, action: string): Promise<CaseSummary | undefined> {
    return db.transaction(async (transaction) => {
      const [row] = await transaction.query<CaseRow>(
        `UPDATE cases SET ${change}, updated_at = now() WHERE id = $1 AND ${condition} RETURNING *`,
        [caseId, expert],
      );
      if (!row) return undefined;
      await transaction.query(
        `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details) VALUES ('expert', $1, $2, 'case', $3, $4)`,
        [expert, action, caseId, JSON.stringify({ conversationId: row.conversation_id })],
      );
      return toSummary(row, now());
    });
  }

  return {
    /** Opens a case for the conversation, or returns the one already open. */
    async open(newCase: NewCase): Promise<{ case: CaseSummary; opened: boolean }> {
      const openedAt = now();
      const due = slaDueAt(newCase.routing.priority, openedAt);
      return db.transaction(async (transaction) => {
        const id = newId();
        const inserted = await transaction.query<CaseRow>(
          `INSERT INTO cases (id, conversation_id, customer_id, channel, locale, skill, priority, topic, reasons, answer_id, sla_due_at, opened_at, updated_at)
           SELECT $1, $2, c.customer_id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11 FROM conversations c WHERE c.id = $2
           ON CONFLICT (conversation_id) WHERE status IN ('open', 'claimed') DO NOTHING
           RETURNING *`,
          [
            id,
            newCase.conversationId,
            newCase.channel,
            newCase.locale,
            newCase.routing.skill,
            newCase.routing.priority,
            newCase.routing.topic ?? null,
            [...newCase.reasons],
            newCase.answerId ?? null,
            due.toISOString(),
            openedAt.toISOString(),
          ],
        );
        const [row] = inserted;
        if (row) {
          await transaction.query(
            `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
             VALUES ('bot', 'assistant', 'case.opened', 'case', $1, $2)`,
            [row.id, JSON.stringify({ conversationId: row.conversation_id, skill: row.skill, priority: row.priority, reasons: row.reasons })],
          );
          return { case: toSummary(row, openedAt), opened: true };
        }
        const [existing] = await transaction.query<CaseRow>(
          `SELECT * FROM cases WHERE conversation_id = $1 AND status IN ('open', 'claimed')`,
          [newCase.conversationId],
        );
        if (!existing) throw new Error(`conversation ${newCase.conversationId} not found`);
        return { case: toSummary(existing, openedAt), opened: false };
      });
    },

    /** The case that owns the conversation now, if any: while there is one, the bot stays silent. */
    async findOpen(conversationId: string): Promise<CaseSummary | undefined> {
      const [row] = await db.query<CaseRow>(`SELECT * FROM cases WHERE conversation_id = $1 AND status IN ('open', 'claimed')`, [
        conversationId,
      ]);
      return row ? toSummary(row, now()) : undefined;
    },

    /** A customer wrote while a person owns the conversation: the message is already stored; the case shows activity. */
    async touch(caseId: string): Promise<void> {
      await db.query('UPDATE cases SET updated_at = now() WHERE id = $1', [caseId]);
    },

    /** Takes the case: it is the expert's until released, resolved or handed back. A case someone else holds is refused. */
    async claim(caseId: string, expert: string): Promise<CaseSummary | undefined> {
      return changeHolder(caseId, expert, `status = 'claimed', assignee = $2`, `status IN ('open', 'claimed') AND (assignee IS NULL OR assignee = $2)`, 'case.claimed');
    },

    /** Puts the case back in the queue; only its holder may. */
    async release(caseId: string, expert: string): Promise<CaseSummary | undefined> {
      return changeHolder(caseId, expert, `status = 'open', assignee = NULL`, `status = 'claimed' AND assignee = $2`, 'case.released');
    },

    /** Gives the conversation back to the bot. With `onlyOwnOrFree`, a case someone else holds is left alone. */
    async handBack(caseId: string, actor: string, options: { onlyOwnOrFree?: boolean } = {}): Promise<CaseSummary | undefined> {
      return db.transaction(async (transaction) => {
        const [row] = await transaction.query<CaseRow>(
          `UPDATE cases SET status = 'handed_back', closed_at = now(), updated_at = now()
           WHERE id = $1 AND status IN ('open', 'claimed') AND (NOT $3::boolean OR assignee IS NULL OR assignee = $2) RETURNING *`,
          [caseId, actor, options.onlyOwnOrFree ?? false],
        );
        if (!row) return undefined;
        await transaction.query(
          `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
           VALUES ('expert', $1, 'case.handed_back', 'case', $2, $3)`,
          [actor, caseId, JSON.stringify({ conversationId: row.conversation_id })],
        );
        return toSummary(row, now());
      });
    },

    /**
     * A score of 1–5 sent within a day after a case was resolved answers its
     * satisfaction question: recorded once per case. Returns whether it was one;
     * with the score message's id, also when that message's score was recorded
     * by an earlier run of its turn.
     */
    async recordSatisfaction(conversationId: string, text: string, inboundMessageId?: string): Promise<boolean> {
      const score = /^\s*([1-5])\s*[.!]?\s*$/.exec(text)?.[1];
      if (score === undefined) return false;
      const inserted = await db.query<{ case_id: string }>(
        `INSERT INTO csat_responses (case_id, conversation_id, score, inbound_message_id)
         SELECT k.id, k.conversation_id, $2, $3 FROM cases k
         WHERE k.conversation_id = $1 AND k.status = 'resolved' AND k.closed_at > now() - interval '24 hours'
           AND NOT EXISTS (SELECT 1 FROM csat_responses r WHERE r.case_id = k.id)
         ORDER BY k.closed_at DESC LIMIT 1
         RETURNING case_id`,
        [conversationId, Number(score), inboundMessageId ?? null],
      );
      if (inserted.length > 0 || inboundMessageId === undefined) return inserted.length > 0;
      // The same message's turn ran before (a crash, a second process) and recorded this score.
      const [earlier] = await db.query<{ found: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM csat_responses WHERE inbound_message_id = $1) AS found',
        [inboundMessageId],
      );
      return earlier?.found === true;
    },

    /** Whether a case was opened by this recorded decision (whatever its status now). */
    async existsForAnswer(answerId: string): Promise<boolean> {
      const [row] = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM cases WHERE answer_id = $1) AS found', [answerId]);
      return row?.found === true;
    },

    /** Whether the person holds an open case of this customer: what lets an expert read the customer's timeline. */
    async holdsCaseOfCustomer(customerId: string, expert: string): Promise<boolean> {
      const [row] = await db.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM cases WHERE customer_id = $1 AND assignee = $2 AND status IN ('open', 'claimed')) AS found`,
        [customerId, expert],
      );
      return row?.found === true;
    },

    /** Who holds a case now, for a clear refusal when someone else does. */
    async holder(caseId: string): Promise<{ status: CaseStatus; assignee: string | null } | undefined> {
      const [row] = await db.query<{ status: CaseStatus; assignee: string | null }>('SELECT status, assignee FROM cases WHERE id = $1', [caseId]);
      return row;
    },

    /** The queue, most urgent and most overdue first. */
    async list(filter: { status?: CaseStatus; skill?: string; locale?: string; breached?: boolean; limit?: number } = {}): Promise<CaseSummary[]> {
      const rows = await db.query<CaseRow>(
        `SELECT * FROM cases
         WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR skill = $2) AND ($3::text IS NULL OR locale = $3)
           AND ($4::boolean IS NULL OR (sla_due_at < $5::timestamptz AND status IN ('open', 'claimed')) = $4)
         ORDER BY ${priorityOrder}, sla_due_at, id
         LIMIT $6`,
        [filter.status ?? null, filter.skill ?? null, filter.locale ?? null, filter.breached ?? null, now().toISOString(), filter.limit ?? 100],
      );
      const at = now();
      return rows.map((row) => toSummary(row, at));
    },

    async get(caseId: string): Promise<CaseDetail | undefined> {
      const [row] = await db.query<CaseRow & { retrieved: RetrievedRecord[] | null }>(
        `SELECT c.*, a.retrieved FROM cases c LEFT JOIN answers a ON a.id = c.answer_id WHERE c.id = $1`,
        [caseId],
      );
      if (!row) return undefined;
      const transcript = await db.query<{ id: string; author_type: 'customer' | 'bot' | 'expert'; author_id: string | null; text: string; created_at: Date | string }>(
        'SELECT id, author_type, author_id, text, created_at FROM messages WHERE conversation_id = $1 ORDER BY created_at, id',
        [row.conversation_id],
      );
      return {
        ...toSummary(row, now()),
        transcript: transcript.map((message) => ({
          id: message.id,
          author: message.author_type,
          authorId: message.author_id,
          text: message.text,
          at: new Date(message.created_at).toISOString(),
        })),
        retrieved: row.retrieved ?? [],
      };
    },
  };
}

export type CaseStore = ReturnType<typeof createCaseStore>;

function toSummary(row: CaseRow, at: Date): CaseSummary {
  const due = new Date(row.sla_due_at);
  return {
    id: row.id,
    conversationId: row.conversation_id,
    customerId: row.customer_id,
    channel: row.channel,
    locale: row.locale,
    status: row.status,
    skill: row.skill,
    priority: row.priority,
    topic: row.topic,
    reasons: row.reasons,
    slaDueAt: due.toISOString(),
    breached: (row.status === 'open' || row.status === 'claimed') && due.getTime() < at.getTime(),
    assignee: row.assignee,
    openedAt: new Date(row.opened_at).toISOString(),
  };
}
