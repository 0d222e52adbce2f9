import type { Queryable } from '../db/db.js';

/**
 * A small week of service with every figure worked out by hand (see
 * load-service-summary.int.test.ts), written straight into the tables the
 * service records into. The week is Monday 2 March 2026 to Sunday 8 March
 * (UTC); "now" is Tuesday 10 March, noon.
 *
 * c1 whatsapp/en, customer A: answered; A asks the same again 11 h later (c2), so c1 is a repeat.
 * c2 sms/en, customer A: answered, nothing more: resolved by the bot alone. Its reply failed once.
 * c3 whatsapp/nl, customer B: answered, then a handoff (human_requested); a person replies after
 *    1 h, resolves after 2 h (SLA met); score 5. Its reply was given up (dead).
 * c4 email/en, customer C: handoff (restricted_topic + human_requested, topic fraud), urgent:
 *    a person replies after 30 min, 15 min late (SLA missed), resolves after 3 h; score 2.
 * c5 web-chat/en, no customer: a clarifying question only.
 * c6 whatsapp/en, customer B: handoff (not_covered); nobody replied: missed and breached now.
 * c7 sms/nl, customer C: a message but no decision (a STOP, say).
 * c9 email/en, customer B: answered, then a case handed back before its due time without a reply.
 * c8 whatsapp/en, customer A, the Sunday before the week: answered, a case still open
 *    (breached now), a failed reply: outside the period except for the breaches.
 */
export const fixtureWeek = {
  since: new Date('2026-03-02T00:00:00Z'),
  until: new Date('2026-03-09T00:00:00Z'),
  now: new Date('2026-03-10T12:00:00Z'),
};

interface Turn {
  at: string;
  question: string;
  decision: 'answer' | 'clarify' | 'handoff';
  latencyMs: number;
  reasons?: string[];
  topic?: string;
}

interface FixtureConversation {
  id: string;
  channel: string;
  locale: 'en' | 'nl';
  customer: string | null;
  at: string;
  turns: Turn[];
  /** A customer message the bot made no decision on. */
  undecided?: string;
  case?: {
    openedAt: string;
    dueAt: string;
    priority: 'urgent' | 'normal';
    status: 'open' | 'claimed' | 'resolved' | 'handed_back';
    closedAt?: string;
    expertReplyAt?: string;
    score?: { value: number; at: string };
    topic?: string;
    reasons: string[];
  };
  outbox?: { status: 'delivered' | 'failed' | 'dead'; at: string };
}

const conversations: FixtureConversation[] = [
  {
    id: 'c1',
    channel: 'whatsapp',
    locale: 'en',
    customer: 'customer-a',
    at: '2026-03-02T09:00:00Z',
    turns: [{ at: '2026-03-02T09:00:00Z', question: 'How do I block my card?', decision: 'answer', latencyMs: 400 }],
    outbox: { status: 'delivered', at: '2026-03-02T09:00:01Z' },
  },
  {
    id: 'c2',
    channel: 'sms',
    locale: 'en',
    customer: 'customer-a',
    at: '2026-03-02T20:00:00Z',
    turns: [{ at: '2026-03-02T20:00:00Z', question: 'how do I  block my card!!', decision: 'answer', latencyMs: 600 }],
    outbox: { status: 'failed', at: '2026-03-02T20:00:01Z' },
  },
  {
    id: 'c3',
    channel: 'whatsapp',
    locale: 'nl',
    customer: 'customer-b',
    at: '2026-03-03T10:00:00Z',
    turns: [
      { at: '2026-03-03T10:00:00Z', question: 'Wat kost een pas?', decision: 'answer', latencyMs: 300 },
      { at: '2026-03-03T10:05:00Z', question: 'Ik wil een mens spreken', decision: 'handoff', latencyMs: 200, reasons: ['human_requested'] },
    ],
    case: {
      openedAt: '2026-03-03T10:05:00Z',
      dueAt: '2026-03-03T14:05:00Z',
      priority: 'normal',
      status: 'resolved',
      expertReplyAt: '2026-03-03T11:05:00Z',
      closedAt: '2026-03-03T12:05:00Z',
      score: { value: 5, at: '2026-03-03T12:10:00Z' },
      reasons: ['human_requested'],
    },
    outbox: { status: 'dead', at: '2026-03-03T10:00:01Z' },
  },
  {
    id: 'c4',
    channel: 'email',
    locale: 'en',
    customer: 'customer-c',
    at: '2026-03-04T08:00:00Z',
    turns: [
      {
        at: '2026-03-04T08:00:00Z',
        question: 'Is my account hacked? Call me on [phone]',
        decision: 'handoff',
        latencyMs: 1000,
        reasons: ['restricted_topic', 'human_requested'],
        topic: 'fraud',
      },
    ],
    case: {
      openedAt: '2026-03-04T08:00:00Z',
      dueAt: '2026-03-04T08:15:00Z',
      priority: 'urgent',
      status: 'resolved',
      expertReplyAt: '2026-03-04T08:30:00Z',
      closedAt: '2026-03-04T11:00:00Z',
      score: { value: 2, at: '2026-03-04T11:30:00Z' },
      topic: 'fraud',
      reasons: ['restricted_topic', 'human_requested'],
    },
    outbox: { status: 'delivered', at: '2026-03-04T08:00:01Z' },
  },
  {
    id: 'c5',
    channel: 'web-chat',
    locale: 'en',
    customer: null,
    at: '2026-03-05T15:00:00Z',
    turns: [{ at: '2026-03-05T15:00:00Z', question: 'What is the rate?', decision: 'clarify', latencyMs: 500, reasons: ['ambiguous_question'] }],
  },
  {
    id: 'c6',
    channel: 'whatsapp',
    locale: 'en',
    customer: 'customer-b',
    at: '2026-03-06T09:00:00Z',
    turns: [{ at: '2026-03-06T09:00:00Z', question: 'Can I borrow for a boat?', decision: 'handoff', latencyMs: 800, reasons: ['not_covered'] }],
    case: { openedAt: '2026-03-06T09:00:00Z', dueAt: '2026-03-06T13:00:00Z', priority: 'normal', status: 'open', reasons: ['not_covered'] },
    outbox: { status: 'delivered', at: '2026-03-06T09:00:01Z' },
  },
  { id: 'c7', channel: 'sms', locale: 'nl', customer: 'customer-c', at: '2026-03-07T11:00:00Z', turns: [], undecided: 'STOP' },
  {
    id: 'c8',
    channel: 'whatsapp',
    locale: 'en',
    customer: 'customer-a',
    at: '2026-03-01T10:00:00Z',
    turns: [{ at: '2026-03-01T10:00:00Z', question: 'How do I block my card?', decision: 'answer', latencyMs: 5000 }],
    case: { openedAt: '2026-03-01T10:10:00Z', dueAt: '2026-03-01T14:00:00Z', priority: 'normal', status: 'open', reasons: ['human_requested'] },
    outbox: { status: 'failed', at: '2026-03-01T10:00:01Z' },
  },
  {
    id: 'c9',
    channel: 'email',
    locale: 'en',
    customer: 'customer-b',
    at: '2026-03-08T23:00:00Z',
    turns: [{ at: '2026-03-08T23:00:00Z', question: 'When does the branch open?', decision: 'answer', latencyMs: 700 }],
    case: {
      openedAt: '2026-03-08T23:30:00Z',
      dueAt: '2026-03-09T04:00:00Z',
      priority: 'normal',
      status: 'handed_back',
      closedAt: '2026-03-08T23:45:00Z',
      reasons: ['repeated_clarification'],
    },
  },
];

/** Writes the fixture week into a migrated database. */
export async function seedFixtureWeek(db: Queryable): Promise<void> {
  for (const customer of ['customer-a', 'customer-b', 'customer-c']) {
    await db.query(`INSERT INTO customers (id, created_at) VALUES ($1, '2026-01-01T00:00:00Z')`, [customer]);
  }
  for (const conversation of conversations) {
    await db.query('INSERT INTO conversations (id, channel, locale, customer_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)', [
      conversation.id,
      conversation.channel,
      conversation.locale,
      conversation.customer,
      conversation.at,
    ]);
    const message = async (id: string, direction: 'inbound' | 'outbound', author: 'customer' | 'bot' | 'expert', text: string, at: string) =>
      db.query(
        `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, author_id, text, created_at)
         VALUES ($1, $2, $3, $1, $4, $5, $6, $7, $8)`,
        [id, conversation.id, conversation.channel, direction, author, author === 'customer' ? null : author === 'bot' ? 'assistant' : 'anna.expert', text, at],
      );
    if (conversation.undecided) await message(`${conversation.id}-undecided`, 'inbound', 'customer', conversation.undecided, conversation.at);
    for (const [index, turn] of conversation.turns.entries()) {
      const id = `${conversation.id}-${index + 1}`;
      const decidedAt = new Date(Date.parse(turn.at) + turn.latencyMs).toISOString();
      await message(`${id}-in`, 'inbound', 'customer', turn.question, turn.at);
      await message(`${id}-out`, 'outbound', 'bot', `Reply to ${turn.question}`, decidedAt);
      await db.query(
        `INSERT INTO answers (id, conversation_id, inbound_message_id, outbound_message_id, question, standalone_question, locale, kb_version,
           decision, confidence, reasons, generator, latency_ms, handoff, created_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6, 'kb-fixture', $7, 0.5, $8, 'extractive', $9, $10, $11)`,
        [
          `answer-${id}`,
          conversation.id,
          `${id}-in`,
          `${id}-out`,
          turn.question,
          conversation.locale,
          turn.decision,
          turn.reasons ?? [],
          turn.latencyMs,
          turn.decision === 'handoff' ? JSON.stringify({ skill: 'general', priority: 'normal', ...(turn.topic ? { topic: turn.topic } : {}) }) : null,
          decidedAt,
        ],
      );
    }
    const opened = conversation.case;
    if (opened) {
      const caseId = `case-${conversation.id}`;
      await db.query(
        `INSERT INTO cases (id, conversation_id, customer_id, channel, locale, status, skill, priority, topic, reasons, sla_due_at, opened_at, updated_at, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'general', $7, $8, $9, $10, $11, $11, $12)`,
        [
          caseId,
          conversation.id,
          conversation.customer,
          conversation.channel,
          conversation.locale,
          opened.status,
          opened.priority,
          opened.topic ?? null,
          opened.reasons,
          opened.dueAt,
          opened.openedAt,
          opened.closedAt ?? null,
        ],
      );
      if (opened.expertReplyAt) await message(`${conversation.id}-expert`, 'outbound', 'expert', 'A person answers.', opened.expertReplyAt);
      if (opened.score) {
        await db.query('INSERT INTO csat_responses (case_id, conversation_id, score, created_at) VALUES ($1, $2, $3, $4)', [
          caseId,
          conversation.id,
          opened.score.value,
          opened.score.at,
        ]);
      }
    }
    if (conversation.outbox) {
      await db.query(
        `INSERT INTO outbox (id, conversation_id, channel, recipient, payload, idempotency_key, status, created_at, updated_at)
         VALUES ($1, $2, $3, 'fixture-recipient', '{}', $1, $4, $5, $5)`,
        [`outbox-${conversation.id}`, conversation.id, conversation.channel, conversation.outbox.status, conversation.outbox.at],
      );
    }
  }
}
