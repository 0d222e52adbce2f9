-- Crash recovery: no customer message on an asynchronous channel is lost or
-- answered twice when an app process dies (kill -9, OOM, power) between
-- acknowledging the provider and delivering the answer.

-- Every running app process, with a heartbeat. A claim (a pending turn, an
-- outbox row being sent) names the process that holds it; once that process
-- is gone (no live row here), any other process may take the claim over
-- without waiting for its lease to run out.
CREATE TABLE app_processes (
  id           text PRIMARY KEY,
  started_at   timestamptz NOT NULL DEFAULT now(),
  alive_until  timestamptz NOT NULL
);

-- The turn still owed to an inbound message on SMS, WhatsApp or email. Written
-- in the same transaction as the message (so a stored message always has one
-- until it is dealt with), claimed by the process that acknowledged it, and
-- deleted once the answer is in the outbox (or no answer is due: STOP, an
-- open case). It holds no customer text: a recovered turn reads the stored,
-- redacted message.
CREATE TABLE pending_turns (
  inbound_message_id  text PRIMARY KEY REFERENCES messages (id),
  channel             text NOT NULL,
  -- What the channel needs besides the stored message (an email's thread headers).
  input               jsonb NOT NULL DEFAULT '{}',
  claimed_by          text,
  claimed_until       timestamptz,
  attempts            integer NOT NULL DEFAULT 0,
  available_at        timestamptz NOT NULL DEFAULT now(),
  last_error          text,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_turns_available_idx ON pending_turns (available_at);

-- At most one decision per inbound message, whichever process computed it
-- (the bot's reply message is already unique as (channel, 'reply:<inbound id>')).
CREATE UNIQUE INDEX answers_one_per_inbound_message ON answers (inbound_message_id);

-- The process whose worker is sending an outbox row: when it is gone, the
-- row is taken over at once. unconfirmed_since: an attempt was cut off (its
-- process died mid-send, or its lease ran out) at this time, so the provider
-- may have the message already; until it is sent, every attempt first asks
-- the provider (Twilio has no idempotency key) instead of sending blindly.
ALTER TABLE outbox
  ADD COLUMN locked_by text,
  ADD COLUMN unconfirmed_since timestamptz;

-- The score message a satisfaction answer came from, so that repeating the
-- turn of that message thanks the customer again instead of reading "5" as a question.
ALTER TABLE csat_responses ADD COLUMN inbound_message_id text REFERENCES messages (id);
CREATE UNIQUE INDEX csat_responses_inbound_message_idx ON csat_responses (inbound_message_id);
