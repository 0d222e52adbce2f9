import type { Db } from '../../db/db.js';

export interface InsightSeedOptions {
  /** Messages to create, four per conversation (two customer questions, two replies). */
  messages: number;
  /** The latest moment any seeded row may carry; data spreads over `days` before it. */
  until: Date;
  days: number;
}

export interface InsightSeedCounts {
  conversations: number;
  messages: number;
  answers: number;
  cases: number;
  csatResponses: number;
  outbox: number;
}

/**
 * Fills an empty migrated database with a service's worth of history, in SQL
 * (INSERT … SELECT over generate_series), so a million messages take a couple
 * of minutes rather than hours. Every value derives from the conversation's
 * number by fixed arithmetic, so two runs seed the same rows.
 *
 * Shape per conversation: a question and the bot's decision; then either a
 * second question and decision, or (when the first was handed off) a case the
 * customer writes into and a person answers. About 10% of first turns and 6%
 * of second turns hand off; 5% of second questions repeat the first.
 */
export async function seedInsightData(db: Db, options: InsightSeedOptions): Promise<InsightSeedCounts> {
  const conversations = Math.floor(options.messages / 4);
  const customers = Math.max(1, Math.floor(conversations / 2.5));
  const seconds = options.days * 86_400;
  const until = options.until.toISOString();
  await db.exec(`
    -- A bulk load, as a restore would be: row triggers (the insight figures
    -- kept per row, migrations 0011 and 0012) are off while it runs, and the kept
    -- figures are rebuilt from the rows once at the end. Row by row, a
    -- million messages in one transaction took over ten minutes.
    SET session_replication_role = replica;

    -- A stable pseudo-random number in [0, n) per purpose and conversation.
    CREATE FUNCTION pg_temp.roll(purpose text, i integer, n integer) RETURNS integer
      LANGUAGE sql IMMUTABLE AS $$ SELECT (hashtext(purpose || ':' || i) & 1073741823) % n $$;

    CREATE TEMP TABLE seed_plan AS
    SELECT i,
      'conv-' || i AS conversation_id,
      'cust-' || (i % ${customers}) AS customer_id,
      (ARRAY['whatsapp', 'sms', 'email', 'web-chat', 'bot-framework'])[1 + pg_temp.roll('channel', i, 5)] AS channel,
      CASE WHEN pg_temp.roll('locale', i, 3) = 0 THEN 'nl' ELSE 'en' END AS locale,
      '${until}'::timestamptz - make_interval(secs => 3600 + pg_temp.roll('start', i, ${seconds - 7200})) AS started_at,
      'how do i ' || pg_temp.roll('first', i, 200) AS first_question,
      CASE WHEN pg_temp.roll('repeat', i, 20) = 0 THEN 'how do i ' || pg_temp.roll('first', i, 200) ELSE 'what about ' || pg_temp.roll('second', i, 300) END AS second_question,
      CASE WHEN pg_temp.roll('decision1', i, 10) = 0 THEN 'handoff' WHEN pg_temp.roll('decision1', i, 20) = 1 THEN 'clarify' ELSE 'answer' END AS first_decision,
      CASE WHEN pg_temp.roll('decision2', i, 16) = 0 THEN 'handoff' WHEN pg_temp.roll('decision2', i, 25) = 1 THEN 'clarify' ELSE 'answer' END AS second_decision,
      200 + pg_temp.roll('latency1', i, 1800) AS first_latency,
      150 + pg_temp.roll('latency2', i, 2400) AS second_latency,
      pg_temp.roll('case', i, 100) AS case_roll,
      pg_temp.roll('reason', i, 4) AS reason_roll
    FROM generate_series(1, ${conversations}) AS i;

    INSERT INTO customers (id, created_at)
    SELECT 'cust-' || k, '${until}'::timestamptz - interval '${options.days + 1} days' FROM generate_series(0, ${customers - 1}) AS k;

    INSERT INTO conversations (id, channel, locale, customer_id, created_at, updated_at, last_inbound_at)
    SELECT conversation_id, channel, locale, customer_id, started_at, started_at + interval '20 minutes', started_at + interval '10 minutes' FROM seed_plan;

    INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, author_id, text, created_at)
    SELECT p.conversation_id || turn.suffix, p.conversation_id, p.channel, 'seed:' || p.conversation_id || turn.suffix,
      turn.direction, turn.author_type, turn.author_id, turn.text, p.started_at + turn.offset_seconds * interval '1 second'
    FROM seed_plan p
    CROSS JOIN LATERAL (VALUES
      ('-q1', 'inbound', 'customer', NULL, p.first_question, 0),
      ('-r1', 'outbound', 'bot', 'assistant', 'Reply to ' || p.first_question, p.first_latency / 1000.0),
      ('-q2', 'inbound', 'customer', NULL, p.second_question, 600),
      ('-r2', 'outbound',
        CASE WHEN p.first_decision = 'handoff' THEN 'expert' ELSE 'bot' END,
        CASE WHEN p.first_decision = 'handoff' THEN 'expert.' || (p.i % 12) ELSE 'assistant' END,
        'Reply to ' || p.second_question,
        CASE WHEN p.first_decision = 'handoff' THEN 600 + (p.case_roll * 7 + p.i) % 18000 ELSE 600 + p.second_latency / 1000.0 END)
    ) AS turn (suffix, direction, author_type, author_id, text, offset_seconds);

    INSERT INTO answers (id, conversation_id, inbound_message_id, outbound_message_id, question, standalone_question, locale, kb_version,
      decision, confidence, reasons, generator, latency_ms, handoff, created_at)
    SELECT 'ans-' || p.i || turn.suffix, p.conversation_id, p.conversation_id || '-q' || turn.suffix, p.conversation_id || '-r' || turn.suffix,
      turn.question, turn.question, p.locale, 'kb-seed', turn.decision, CASE turn.decision WHEN 'answer' THEN 0.8 ELSE 0.2 END,
      CASE turn.decision
        WHEN 'handoff' THEN CASE p.reason_roll
          WHEN 0 THEN ARRAY['not_covered'] WHEN 1 THEN ARRAY['low_confidence'] WHEN 2 THEN ARRAY['human_requested']
          ELSE ARRAY['restricted_topic', 'human_requested'] END
        WHEN 'clarify' THEN ARRAY['ambiguous_question']
        ELSE ARRAY[]::text[] END,
      'extractive', turn.latency,
      CASE WHEN turn.decision = 'handoff'
        THEN jsonb_build_object('skill', 'general', 'priority', 'normal', 'topic', CASE WHEN p.reason_roll = 3 THEN 'fraud' END)
      END,
      p.started_at + turn.offset_seconds * interval '1 second' + turn.latency * interval '1 millisecond'
    FROM seed_plan p
    CROSS JOIN LATERAL (VALUES
      ('1', p.first_question, p.first_decision, p.first_latency, 0),
      ('2', p.second_question, p.second_decision, p.second_latency, 600)
    ) AS turn (suffix, question, decision, latency, offset_seconds)
    WHERE turn.suffix = '1' OR p.first_decision <> 'handoff';

    INSERT INTO cases (id, conversation_id, customer_id, channel, locale, status, skill, priority, topic, reasons, answer_id,
      sla_due_at, assignee, opened_at, updated_at, closed_at)
    SELECT 'case-' || a.id, p.conversation_id, p.customer_id, p.channel, p.locale,
      CASE WHEN a.id LIKE '%2' THEN (CASE WHEN p.case_roll < 50 THEN 'handed_back' ELSE 'open' END)
           WHEN p.case_roll < 85 THEN 'resolved' WHEN p.case_roll < 95 THEN 'claimed' ELSE 'open' END,
      'general', 'normal', a.handoff->>'topic', a.reasons, a.id,
      a.created_at + interval '4 hours',
      CASE WHEN a.id LIKE '%1' AND p.case_roll < 95 THEN 'expert.' || (p.i % 12) END,
      a.created_at, a.created_at,
      CASE WHEN a.id LIKE '%2' AND p.case_roll < 50 THEN a.created_at + interval '30 minutes'
           WHEN a.id LIKE '%1' AND p.case_roll < 85 THEN p.started_at + interval '6 hours' + (p.i % 600) * interval '1 minute' END
    FROM answers a JOIN seed_plan p ON p.conversation_id = a.conversation_id
    WHERE a.decision = 'handoff';

    INSERT INTO csat_responses (case_id, conversation_id, score, created_at)
    SELECT k.id, k.conversation_id, 1 + (hashtext(k.id) & 1023) % 5, k.closed_at + interval '5 minutes'
    FROM cases k WHERE k.status = 'resolved' AND (hashtext(k.id) & 1) = 0;

    INSERT INTO outbox (id, conversation_id, message_id, channel, recipient, payload, idempotency_key, status, attempts, created_at, updated_at, sent_at)
    SELECT 'out-' || m.id, m.conversation_id, m.id, m.channel, 'seed-recipient', '{}'::jsonb, 'seed:' || m.id,
      CASE WHEN (hashtext(m.id) & 255) = 0 THEN 'dead' WHEN (hashtext(m.id) & 255) < 4 THEN 'failed' ELSE 'delivered' END,
      1, m.created_at, m.created_at, m.created_at
    FROM messages m WHERE m.direction = 'outbound' AND m.provider_message_id LIKE 'seed:%';

    DROP TABLE seed_plan;
    SELECT insight_rebuild();
    RESET session_replication_role;
    ANALYZE;
  `);
  const [counts] = await db.query<Record<keyof InsightSeedCounts, number>>(`
    SELECT (SELECT count(*)::int FROM conversations) AS conversations, (SELECT count(*)::int FROM messages) AS messages,
      (SELECT count(*)::int FROM answers) AS answers, (SELECT count(*)::int FROM cases) AS cases,
      (SELECT count(*)::int FROM csat_responses) AS "csatResponses", (SELECT count(*)::int FROM outbox) AS outbox`);
  if (!counts) throw new Error('the seeded database could not be counted');
  return counts;
}
