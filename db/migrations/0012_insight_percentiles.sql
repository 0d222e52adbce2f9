-- Service insight on a million messages, part three: the figures that still
-- read every row of their period (decision counts with answer-latency
-- percentiles, handoff causes, case durations) get the same treatment as
-- conversations and deliveries in 0011. Triggers keep per-day rows as
-- decisions are written, and each case carries what its figures need, so a
-- 90-day dashboard reads days, not decisions (bench/insight).

-- 1. Decisions per UTC day, channel, locale and latency bucket, counted by
-- kind, with the fastest and slowest latency in the bucket. A bucket is the
-- latency in milliseconds cut to two significant digits (1,234 ms -> 1,200;
-- under 100 ms, the millisecond), so a day has a hundred or so rows per
-- channel and locale however busy it was. Percentiles are read from these
-- rows, spreading a bucket's decisions evenly between its fastest and slowest
-- (insight/decision-figures.ts): exact when a bucket holds one latency,
-- otherwise within the bucket's width.
CREATE FUNCTION insight_latency_bucket(latency_ms integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN latency_ms < 100 THEN greatest(latency_ms, 0)
                    ELSE latency_ms - latency_ms % (10 ^ (length(latency_ms::text) - 2))::integer END $$;

CREATE TABLE insight_decision_days (
  day             date NOT NULL,
  channel         text NOT NULL,
  locale          text NOT NULL,
  latency_bucket  integer NOT NULL,
  decisions       integer NOT NULL,
  answers         integer NOT NULL,
  clarifications  integer NOT NULL,
  handoffs        integer NOT NULL,
  fastest_ms      integer NOT NULL,
  slowest_ms      integer NOT NULL,
  PRIMARY KEY (day, channel, locale, latency_bucket)
);

-- Handoffs per UTC day, channel and locale, by reason code and by topic
-- (`none` when the handoff matched no restricted topic): a handoff with two
-- reasons counts under both.
CREATE TABLE insight_handoff_days (
  day       date NOT NULL,
  channel   text NOT NULL,
  locale    text NOT NULL,
  kind      text NOT NULL CHECK (kind IN ('reason', 'topic')),
  cause     text NOT NULL,
  handoffs  integer NOT NULL,
  PRIMARY KEY (day, channel, locale, kind, cause)
);

-- 2. Each case carries its conversation's channel and locale (as decisions
-- do since 0011) and its first response: the first message a person wrote in
-- the conversation while the case was open.
ALTER TABLE cases
  ADD COLUMN conversation_channel text,
  ADD COLUMN conversation_locale text,
  ADD COLUMN first_response_at timestamptz;


CREATE FUNCTION insight_case_first_response(conversation_id text, opened_at timestamptz, closed_at timestamptz) RETURNS timestamptz
  LANGUAGE sql STABLE
  AS $$ SELECT min(m.created_at) FROM messages m
        WHERE m.conversation_id = $1 AND m.author_type = 'expert' AND m.created_at >= $2 AND ($3 IS NULL OR m.created_at <= $3) $$;

-- One day, channel, locale and latency bucket counted again from the
-- decisions: after a decision is rewritten or deleted (never by the service;
-- a repair by hand might), since the fastest and slowest cannot be taken back.
CREATE FUNCTION insight_recount_decision_day(of_day date, of_channel text, of_locale text, of_bucket integer) RETURNS void
  LANGUAGE sql
  AS $$
  DELETE FROM insight_decision_days d
  WHERE d.day = of_day AND d.channel = of_channel AND d.locale = of_locale AND d.latency_bucket = of_bucket;
  INSERT INTO insight_decision_days (day, channel, locale, latency_bucket, decisions, answers, clarifications, handoffs, fastest_ms, slowest_ms)
  SELECT of_day, of_channel, of_locale, of_bucket, count(*), count(*) FILTER (WHERE a.decision = 'answer'),
    count(*) FILTER (WHERE a.decision = 'clarify'), count(*) FILTER (WHERE a.decision = 'handoff'), min(a.latency_ms), max(a.latency_ms)
  FROM answers a
  WHERE a.created_at >= of_day::timestamp AT TIME ZONE 'UTC' AND a.created_at < (of_day + 1)::timestamp AT TIME ZONE 'UTC'
    AND a.conversation_channel = of_channel AND a.conversation_locale = of_locale AND insight_latency_bucket(a.latency_ms) = of_bucket
  HAVING count(*) > 0;
$$;

-- A handoff's reasons and topic added to (delta 1) or taken from (-1) its day.
CREATE FUNCTION insight_count_handoff(decision answers, delta integer) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO insight_handoff_days AS d (day, channel, locale, kind, cause, handoffs)
  SELECT (decision.created_at AT TIME ZONE 'UTC')::date, decision.conversation_channel, decision.conversation_locale, x.kind, x.cause, count(*) * delta
  FROM (
    SELECT 'reason' AS kind, reason AS cause FROM unnest(decision.reasons) AS reason
    UNION ALL SELECT 'topic', coalesce(decision.handoff->>'topic', 'none')
  ) AS x
  WHERE decision.decision = 'handoff'
  GROUP BY x.kind, x.cause
  ON CONFLICT (day, channel, locale, kind, cause) DO UPDATE SET handoffs = d.handoffs + EXCLUDED.handoffs;
$$;

-- Everything above recomputed from the rows: the backfill, and part of
-- insight_rebuild() after a bulk load with triggers off.
CREATE FUNCTION insight_rebuild_decisions_and_cases() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE insight_decision_days, insight_handoff_days;
  INSERT INTO insight_decision_days (day, channel, locale, latency_bucket, decisions, answers, clarifications, handoffs, fastest_ms, slowest_ms)
  SELECT (a.created_at AT TIME ZONE 'UTC')::date, a.conversation_channel, a.conversation_locale, insight_latency_bucket(a.latency_ms),
    count(*), count(*) FILTER (WHERE a.decision = 'answer'), count(*) FILTER (WHERE a.decision = 'clarify'),
    count(*) FILTER (WHERE a.decision = 'handoff'), min(a.latency_ms), max(a.latency_ms)
  FROM answers a
  GROUP BY 1, 2, 3, 4;
  INSERT INTO insight_handoff_days (day, channel, locale, kind, cause, handoffs)
  SELECT (a.created_at AT TIME ZONE 'UTC')::date, a.conversation_channel, a.conversation_locale, x.kind, x.cause, count(*)
  FROM answers a
  CROSS JOIN LATERAL (
    SELECT 'reason' AS kind, reason AS cause FROM unnest(a.reasons) AS reason
    UNION ALL SELECT 'topic', coalesce(a.handoff->>'topic', 'none')
  ) AS x
  WHERE a.decision = 'handoff'
  GROUP BY 1, 2, 3, 4, 5;
  UPDATE cases k
  SET conversation_channel = c.channel, conversation_locale = c.locale,
    first_response_at = insight_case_first_response(k.conversation_id, k.opened_at, k.closed_at)
  FROM conversations c
  WHERE c.id = k.conversation_id;
END;
$$;
SELECT insight_rebuild_decisions_and_cases();

-- insight_rebuild() goes on rebuilding everything.
ALTER FUNCTION insight_rebuild() RENAME TO insight_rebuild_conversations_and_delivery;
CREATE FUNCTION insight_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insight_rebuild_conversations_and_delivery();
  PERFORM insight_rebuild_decisions_and_cases();
END;
$$;

-- Triggers. A new decision adds one to its bucket and its causes; a rewrite
-- or delete recounts what it left.

CREATE FUNCTION insight_decision_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO insight_decision_days AS d (day, channel, locale, latency_bucket, decisions, answers, clarifications, handoffs, fastest_ms, slowest_ms)
    VALUES ((NEW.created_at AT TIME ZONE 'UTC')::date, NEW.conversation_channel, NEW.conversation_locale, insight_latency_bucket(NEW.latency_ms), 1,
      (NEW.decision = 'answer')::int, (NEW.decision = 'clarify')::int, (NEW.decision = 'handoff')::int, NEW.latency_ms, NEW.latency_ms)
    ON CONFLICT (day, channel, locale, latency_bucket) DO UPDATE
    SET decisions = d.decisions + 1, answers = d.answers + EXCLUDED.answers, clarifications = d.clarifications + EXCLUDED.clarifications,
      handoffs = d.handoffs + EXCLUDED.handoffs, fastest_ms = least(d.fastest_ms, EXCLUDED.fastest_ms), slowest_ms = greatest(d.slowest_ms, EXCLUDED.slowest_ms);
    PERFORM insight_count_handoff(NEW, 1);
    RETURN NULL;
  END IF;
  PERFORM insight_recount_decision_day((OLD.created_at AT TIME ZONE 'UTC')::date, OLD.conversation_channel, OLD.conversation_locale,
    insight_latency_bucket(OLD.latency_ms));
  PERFORM insight_count_handoff(OLD, -1);
  IF TG_OP = 'UPDATE' THEN
    PERFORM insight_recount_decision_day((NEW.created_at AT TIME ZONE 'UTC')::date, NEW.conversation_channel, NEW.conversation_locale,
      insight_latency_bucket(NEW.latency_ms));
    PERFORM insight_count_handoff(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_decision_counted AFTER INSERT ON answers
  FOR EACH ROW EXECUTE FUNCTION insight_decision_counted();
CREATE TRIGGER insight_decision_recounted AFTER UPDATE ON answers
  FOR EACH ROW WHEN ((OLD.created_at, OLD.conversation_channel, OLD.conversation_locale, OLD.latency_ms, OLD.decision, OLD.reasons, OLD.handoff->>'topic')
    IS DISTINCT FROM (NEW.created_at, NEW.conversation_channel, NEW.conversation_locale, NEW.latency_ms, NEW.decision, NEW.reasons, NEW.handoff->>'topic'))
  EXECUTE FUNCTION insight_decision_counted();
CREATE TRIGGER insight_decision_forgotten AFTER DELETE ON answers
  FOR EACH ROW EXECUTE FUNCTION insight_decision_counted();

-- A deleted decision also leaves its conversation's outcome and its
-- customer's repeat check (0011) to be recounted.
CREATE FUNCTION insight_answer_forgotten() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insight_recount_customers(ARRAY[OLD.customer_key]);
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_answer_forgotten AFTER DELETE ON answers
  FOR EACH ROW EXECUTE FUNCTION insight_answer_forgotten();

-- Before a case is stored or moved in time: its conversation's channel and
-- locale, and its first response so far (normally none yet).
CREATE FUNCTION insight_case_prepared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.channel, c.locale INTO NEW.conversation_channel, NEW.conversation_locale
  FROM conversations c WHERE c.id = NEW.conversation_id;
  NEW.first_response_at := insight_case_first_response(NEW.conversation_id, NEW.opened_at, NEW.closed_at);
  RETURN NEW;
END;
$$;
CREATE TRIGGER insight_case_prepared BEFORE INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION insight_case_prepared();
CREATE TRIGGER insight_case_moved BEFORE UPDATE OF conversation_id, opened_at, closed_at ON cases
  FOR EACH ROW WHEN ((OLD.conversation_id, OLD.opened_at, OLD.closed_at) IS DISTINCT FROM (NEW.conversation_id, NEW.opened_at, NEW.closed_at))
  EXECUTE FUNCTION insight_case_prepared();

-- A person wrote in a conversation: the first response of its case open at
-- that moment, if it had none earlier.
CREATE FUNCTION insight_expert_replied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases k SET first_response_at = NEW.created_at
  WHERE k.conversation_id = NEW.conversation_id AND k.opened_at <= NEW.created_at
    AND (k.closed_at IS NULL OR k.closed_at >= NEW.created_at)
    AND (k.first_response_at IS NULL OR k.first_response_at > NEW.created_at);
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_expert_replied AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.author_type = 'expert')
  EXECUTE FUNCTION insight_expert_replied();

-- A person's message rewritten or deleted (never by the service): the first
-- responses of the conversation's cases are looked up again.
CREATE FUNCTION insight_expert_reply_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases k SET first_response_at = insight_case_first_response(k.conversation_id, k.opened_at, k.closed_at)
  WHERE k.conversation_id IN (OLD.conversation_id, CASE WHEN TG_OP = 'UPDATE' THEN NEW.conversation_id END)
    AND k.first_response_at IS DISTINCT FROM insight_case_first_response(k.conversation_id, k.opened_at, k.closed_at);
  RETURN NULL;
END;
$$;
CREATE TRIGGER insight_expert_reply_rewritten AFTER UPDATE OF conversation_id, author_type, created_at ON messages
  FOR EACH ROW WHEN ((OLD.author_type = 'expert' OR NEW.author_type = 'expert')
    AND (OLD.conversation_id, OLD.author_type, OLD.created_at) IS DISTINCT FROM (NEW.conversation_id, NEW.author_type, NEW.created_at))
  EXECUTE FUNCTION insight_expert_reply_changed();
CREATE TRIGGER insight_expert_reply_deleted AFTER DELETE ON messages
  FOR EACH ROW WHEN (OLD.author_type = 'expert')
  EXECUTE FUNCTION insight_expert_reply_changed();
