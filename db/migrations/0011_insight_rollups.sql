-- Service insight on a million messages, part two: what the dashboard reads
-- is kept up to date as rows are written, so a 30- or 90-day query reads one
-- small row per conversation or per day instead of recomputing from every
-- decision (bench/insight). Triggers keep it, so no code that writes
-- conversations, answers, cases or the outbox changes; each does a few index
-- lookups or one upsert per row. Backfilled here for databases with rows
-- (insight_rebuild).

-- 1. Each decision carries its conversation's channel and locale (neither
-- changes once a conversation is opened), so decision figures need no join;
-- its customer key (the customer, or the conversation itself when the
-- customer is unknown; follows customer merges); and when the same customer
-- next asked the same question (`next_asked_at`, any decision, any channel),
-- which is all the repeat check needs and does not depend on the period.
ALTER TABLE answers
  ADD COLUMN conversation_channel text,
  ADD COLUMN conversation_locale text,
  ADD COLUMN customer_key text,
  ADD COLUMN next_asked_at timestamptz;


-- The same customer's same question, in order: the repeat check's lookups.
CREATE INDEX answers_customer_question_idx ON answers (customer_key, question_key, created_at, id);
-- Decisions in a period, with what their figures read (in place of 0008's
-- index, which carried the conversation to join instead: one index to
-- write per decision, not two). Handoffs alone, for the handoff figures.
DROP INDEX answers_created_idx;
CREATE INDEX answers_created_figures_idx ON answers (created_at)
  INCLUDE (decision, latency_ms, conversation_channel, conversation_locale);
CREATE INDEX answers_handoffs_created_idx ON answers (created_at) WHERE decision = 'handoff';

-- 2. What became of each conversation, whatever the period: one row each.
-- `repeat_gap` is the shortest time from one of the bot's answers in it to
-- the same customer asking the same question again (null: never asked
-- again); the conversation is a repeat when that is within the window.
CREATE TABLE insight_conversation_outcomes (
  conversation_id  text PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  channel          text NOT NULL,
  locale           text NOT NULL,
  created_at       timestamptz NOT NULL,
  decided          boolean NOT NULL DEFAULT false,
  answered         boolean NOT NULL DEFAULT false,
  escalated        boolean NOT NULL DEFAULT false,
  repeat_gap       interval
);
CREATE INDEX insight_conversation_outcomes_created_idx ON insight_conversation_outcomes (created_at);


-- Conversations per UTC day, channel and locale, counted by what became of
-- them so far. Whether one was a repeat depends on the window asked for, so
-- it is not counted here: the few conversations that were ever asked again
-- (a `repeat_gap`) are read from the rows above.
CREATE TABLE insight_conversation_days (
  day                     date NOT NULL,
  channel                 text NOT NULL,
  locale                  text NOT NULL,
  started                 integer NOT NULL DEFAULT 0,
  decided                 integer NOT NULL DEFAULT 0,
  answered                integer NOT NULL DEFAULT 0,
  escalated               integer NOT NULL DEFAULT 0,
  answered_not_escalated  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, channel, locale)
);
CREATE INDEX insight_conversation_outcomes_asked_again_idx ON insight_conversation_outcomes (created_at) WHERE repeat_gap IS NOT NULL;


-- 3. Outbound messages per UTC day, channel and conversation locale ('' for a
-- message without a conversation), counted by the status they are in now.
CREATE TABLE insight_delivery_days (
  day       date NOT NULL,
  channel   text NOT NULL,
  locale    text NOT NULL,
  messages  integer NOT NULL DEFAULT 0,
  failed    integer NOT NULL DEFAULT 0,
  dead      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, channel, locale)
);


-- Everything above recomputed from the rows: the backfill, here, and after a
-- bulk load with triggers off (session_replication_role = replica, as the
-- benchmark seeds a million messages). It expects the triggers below not to
-- fire while it runs (not created yet, or disabled), or the day counts would
-- be counted twice.
CREATE FUNCTION insight_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE insight_conversation_outcomes, insight_conversation_days, insight_delivery_days;
  UPDATE answers a
  SET conversation_channel = n.channel, conversation_locale = n.locale, customer_key = n.customer_key, next_asked_at = n.next_asked_at
  FROM (
    SELECT x.id, c.channel, c.locale, coalesce(c.customer_id, c.id) AS customer_key,
      lead(x.created_at) OVER (PARTITION BY coalesce(c.customer_id, c.id), x.question_key ORDER BY x.created_at, x.id) AS next_asked_at
    FROM answers x JOIN conversations c ON c.id = x.conversation_id
  ) AS n
  WHERE n.id = a.id;
  INSERT INTO insight_conversation_outcomes (conversation_id, channel, locale, created_at, decided, answered, escalated, repeat_gap)
  SELECT c.id, c.channel, c.locale, c.created_at,
    d.conversation_id IS NOT NULL, coalesce(d.answered, false),
    EXISTS (SELECT 1 FROM cases k WHERE k.conversation_id = c.id),
    d.repeat_gap
  FROM conversations c
  LEFT JOIN (
    SELECT conversation_id, bool_or(decision = 'answer') AS answered,
      min(next_asked_at - created_at) FILTER (WHERE decision = 'answer') AS repeat_gap
    FROM answers GROUP BY conversation_id
  ) AS d ON d.conversation_id = c.id;
  INSERT INTO insight_conversation_days (day, channel, locale, started, decided, answered, escalated, answered_not_escalated)
  SELECT (created_at AT TIME ZONE 'UTC')::date, channel, locale, count(*), count(*) FILTER (WHERE decided), count(*) FILTER (WHERE answered),
    count(*) FILTER (WHERE escalated), count(*) FILTER (WHERE answered AND NOT escalated)
  FROM insight_conversation_outcomes
  GROUP BY 1, 2, 3;
  INSERT INTO insight_delivery_days (day, channel, locale, messages, failed, dead)
  SELECT (o.created_at AT TIME ZONE 'UTC')::date, o.channel, coalesce(c.locale, ''),
    count(*), count(*) FILTER (WHERE o.status = 'failed'), count(*) FILTER (WHERE o.status = 'dead')
  FROM outbox o LEFT JOIN conversations c ON c.id = o.conversation_id
  GROUP BY 1, 2, 3;
END;
$$;
SELECT insight_rebuild();

-- Triggers.

CREATE FUNCTION insight_conversation_opened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO insight_conversation_outcomes (conversation_id, channel, locale, created_at)
  VALUES (NEW.id, NEW.channel, NEW.locale, NEW.created_at);
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_conversation_opened AFTER INSERT ON conversations
  FOR EACH ROW EXECUTE FUNCTION insight_conversation_opened();

-- Before a decision is stored: its conversation's channel, locale and
-- customer, and when its question was next asked (normally never yet; a
-- decision written out of order may already have a successor). The stored
-- question key is a generated column, not computed yet in a BEFORE trigger,
-- so it is computed here the same way.
CREATE FUNCTION insight_answer_prepared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.channel, c.locale, coalesce(c.customer_id, c.id)
  INTO NEW.conversation_channel, NEW.conversation_locale, NEW.customer_key
  FROM conversations c WHERE c.id = NEW.conversation_id;
  NEW.next_asked_at := (
    SELECT a.created_at FROM answers a
    WHERE a.customer_key = NEW.customer_key
      AND a.question_key = insight_question_key(coalesce(NEW.standalone_question, NEW.question))
      AND (a.created_at, a.id) > (NEW.created_at, NEW.id)
    ORDER BY a.created_at, a.id LIMIT 1);
  RETURN NEW;
END;
$$;
CREATE TRIGGER insight_answer_prepared BEFORE INSERT ON answers
  FOR EACH ROW EXECUTE FUNCTION insight_answer_prepared();

-- After: the same customer's previous asking of the question was asked again
-- now, and the conversation was decided (and answered, and maybe repeated).
CREATE FUNCTION insight_answer_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous record;
BEGIN
  UPDATE answers p SET next_asked_at = NEW.created_at
  WHERE p.id = (
      SELECT a.id FROM answers a
      WHERE a.customer_key = NEW.customer_key AND a.question_key = NEW.question_key
        AND (a.created_at, a.id) < (NEW.created_at, NEW.id)
      ORDER BY a.created_at DESC, a.id DESC LIMIT 1)
    AND (p.next_asked_at IS NULL OR p.next_asked_at > NEW.created_at)
  RETURNING p.conversation_id, p.decision, p.created_at INTO previous;
  IF FOUND THEN
    IF previous.decision = 'answer' THEN
      UPDATE insight_conversation_outcomes o SET repeat_gap = NEW.created_at - previous.created_at
      WHERE o.conversation_id = previous.conversation_id
        AND (o.repeat_gap IS NULL OR o.repeat_gap > NEW.created_at - previous.created_at);
    END IF;
  END IF;

  UPDATE insight_conversation_outcomes o
  SET decided = true,
    answered = o.answered OR NEW.decision = 'answer',
    repeat_gap = CASE WHEN NEW.decision = 'answer' AND NEW.next_asked_at IS NOT NULL
      THEN least(o.repeat_gap, NEW.next_asked_at - NEW.created_at) ELSE o.repeat_gap END
  WHERE o.conversation_id = NEW.conversation_id
    AND (NOT o.decided OR (NEW.decision = 'answer' AND (NOT o.answered OR NEW.next_asked_at IS NOT NULL)));
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_answer_recorded AFTER INSERT ON answers
  FOR EACH ROW EXECUTE FUNCTION insight_answer_recorded();

CREATE FUNCTION insight_case_opened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE insight_conversation_outcomes SET escalated = true WHERE conversation_id = NEW.conversation_id AND NOT escalated;
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_case_opened AFTER INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION insight_case_opened();

-- The repeat check recomputed for every decision of the given customer keys,
-- and what became of their conversations: after a change that is not a new
-- decision (a customer merge, a decision rewritten). Only those customers'
-- rows are read; such changes are rare and touch one timeline.
CREATE FUNCTION insight_recount_customers(customer_keys text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE answers a SET next_asked_at = n.next_asked_at
  FROM (
    SELECT x.id, lead(x.created_at) OVER (PARTITION BY x.customer_key, x.question_key ORDER BY x.created_at, x.id) AS next_asked_at
    FROM answers x WHERE x.customer_key = ANY (customer_keys)
  ) AS n
  WHERE n.id = a.id AND a.next_asked_at IS DISTINCT FROM n.next_asked_at;
  UPDATE insight_conversation_outcomes o SET decided = g.decided, answered = g.answered, repeat_gap = g.repeat_gap
  FROM (
    SELECT c.id, d.decided, d.answered, d.repeat_gap
    FROM conversations c
    CROSS JOIN LATERAL (
      SELECT count(*) > 0 AS decided, coalesce(bool_or(a.decision = 'answer'), false) AS answered,
        min(a.next_asked_at - a.created_at) FILTER (WHERE a.decision = 'answer') AS repeat_gap
      FROM answers a WHERE a.conversation_id = c.id
    ) AS d
    WHERE coalesce(c.customer_id, c.id) = ANY (customer_keys)
  ) AS g
  WHERE o.conversation_id = g.id
    AND (o.decided, o.answered, o.repeat_gap) IS DISTINCT FROM (g.decided, g.answered, g.repeat_gap);
END;
$$;

-- A conversation moved to another customer (customers merged): its
-- decisions follow, and both customers are recounted.
CREATE FUNCTION insight_customer_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE answers SET customer_key = coalesce(NEW.customer_id, NEW.id) WHERE conversation_id = NEW.id;
  PERFORM insight_recount_customers(ARRAY[coalesce(OLD.customer_id, OLD.id), coalesce(NEW.customer_id, NEW.id)]);
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_customer_moved AFTER UPDATE OF customer_id ON conversations
  FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
  EXECUTE FUNCTION insight_customer_moved();

-- The service never rewrites a decision, but a repair by hand might: its
-- customer is recounted when its question, kind or time changes.
CREATE FUNCTION insight_answer_rewritten() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insight_recount_customers(ARRAY[NEW.customer_key]);
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_answer_rewritten AFTER UPDATE OF question, standalone_question, decision, created_at ON answers
  FOR EACH ROW WHEN ((OLD.question_key, OLD.decision, OLD.created_at) IS DISTINCT FROM (NEW.question_key, NEW.decision, NEW.created_at))
  EXECUTE FUNCTION insight_answer_rewritten();

-- A conversation counts on the day it opened, and moves between decided,
-- answered and escalated as they become true.
CREATE FUNCTION insight_conversation_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE insight_conversation_days d
    SET started = d.started - 1, decided = d.decided - OLD.decided::int, answered = d.answered - OLD.answered::int,
      escalated = d.escalated - OLD.escalated::int, answered_not_escalated = d.answered_not_escalated - (OLD.answered AND NOT OLD.escalated)::int
    WHERE d.day = (OLD.created_at AT TIME ZONE 'UTC')::date AND d.channel = OLD.channel AND d.locale = OLD.locale;
    IF TG_OP = 'DELETE' THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO insight_conversation_days AS d (day, channel, locale, started, decided, answered, escalated, answered_not_escalated)
  VALUES ((NEW.created_at AT TIME ZONE 'UTC')::date, NEW.channel, NEW.locale, 1, NEW.decided::int, NEW.answered::int, NEW.escalated::int,
    (NEW.answered AND NOT NEW.escalated)::int)
  ON CONFLICT (day, channel, locale) DO UPDATE
  SET started = d.started + 1, decided = d.decided + EXCLUDED.decided, answered = d.answered + EXCLUDED.answered,
    escalated = d.escalated + EXCLUDED.escalated, answered_not_escalated = d.answered_not_escalated + EXCLUDED.answered_not_escalated;
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_conversation_counted AFTER INSERT ON insight_conversation_outcomes
  FOR EACH ROW EXECUTE FUNCTION insight_conversation_counted();
CREATE TRIGGER insight_conversation_recounted AFTER UPDATE ON insight_conversation_outcomes
  FOR EACH ROW WHEN ((OLD.created_at, OLD.channel, OLD.locale, OLD.decided, OLD.answered, OLD.escalated)
    IS DISTINCT FROM (NEW.created_at, NEW.channel, NEW.locale, NEW.decided, NEW.answered, NEW.escalated))
  EXECUTE FUNCTION insight_conversation_counted();
CREATE TRIGGER insight_conversation_forgotten AFTER DELETE ON insight_conversation_outcomes
  FOR EACH ROW EXECUTE FUNCTION insight_conversation_counted();

-- The outbox: a message counts on its day when queued, and moves between
-- failed, dead and the rest as its status changes.
CREATE FUNCTION insight_delivery_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.created_at AT TIME ZONE 'UTC')::date = (NEW.created_at AT TIME ZONE 'UTC')::date AND OLD.channel = NEW.channel
       AND OLD.conversation_id IS NOT DISTINCT FROM NEW.conversation_id
       AND (OLD.status = 'failed') = (NEW.status = 'failed') AND (OLD.status = 'dead') = (NEW.status = 'dead') THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE insight_delivery_days d
    SET messages = d.messages - 1, failed = d.failed - (OLD.status = 'failed')::int, dead = d.dead - (OLD.status = 'dead')::int
    WHERE d.day = (OLD.created_at AT TIME ZONE 'UTC')::date AND d.channel = OLD.channel
      AND d.locale = coalesce((SELECT c.locale FROM conversations c WHERE c.id = OLD.conversation_id), '');
    IF TG_OP = 'DELETE' THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO insight_delivery_days AS d (day, channel, locale, messages, failed, dead)
  VALUES ((NEW.created_at AT TIME ZONE 'UTC')::date, NEW.channel,
    coalesce((SELECT c.locale FROM conversations c WHERE c.id = NEW.conversation_id), ''),
    1, (NEW.status = 'failed')::int, (NEW.status = 'dead')::int)
  ON CONFLICT (day, channel, locale) DO UPDATE
  SET messages = d.messages + 1, failed = d.failed + EXCLUDED.failed, dead = d.dead + EXCLUDED.dead;
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_delivery_queued AFTER INSERT ON outbox
  FOR EACH ROW EXECUTE FUNCTION insight_delivery_counted();
CREATE TRIGGER insight_delivery_changed AFTER UPDATE OF status, channel, created_at, conversation_id ON outbox
  FOR EACH ROW EXECUTE FUNCTION insight_delivery_counted();
CREATE TRIGGER insight_delivery_forgotten AFTER DELETE ON outbox
  FOR EACH ROW EXECUTE FUNCTION insight_delivery_counted();
