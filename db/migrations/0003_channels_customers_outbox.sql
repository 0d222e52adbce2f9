-- Omnichannel: one customer across channels, conversations tied to a channel
-- address, and the outbox every outbound message goes through.

CREATE TABLE customers (
  id          text PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The same phone number on SMS and WhatsApp is one identity (kind 'phone');
-- an email address is linked to an existing customer only once verified.
CREATE TABLE customer_identities (
  kind         text NOT NULL CHECK (kind IN ('phone', 'email', 'web', 'bot-framework')),
  address      text NOT NULL,
  customer_id  text NOT NULL REFERENCES customers (id),
  verified     boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, address)
);
CREATE INDEX customer_identities_customer_idx ON customer_identities (customer_id);

ALTER TABLE conversations
  ADD COLUMN customer_id text REFERENCES customers (id),
  -- Where replies go on this channel: a phone number, an email address.
  ADD COLUMN address text,
  -- The customer's latest message: WhatsApp allows free-form replies for 24 hours after it.
  ADD COLUMN last_inbound_at timestamptz;
CREATE INDEX conversations_customer_idx ON conversations (customer_id, updated_at DESC);
CREATE INDEX conversations_address_idx ON conversations (channel, address, updated_at DESC);

-- Every outbound message, persisted before it is sent. Workers claim due rows
-- with FOR UPDATE SKIP LOCKED; a claim is a lease, so a crashed worker's row
-- becomes due again when the lease ends.
CREATE TABLE outbox (
  id                   text PRIMARY KEY,
  conversation_id      text REFERENCES conversations (id),
  message_id           text REFERENCES messages (id),
  channel              text NOT NULL,
  recipient            text NOT NULL,
  payload              jsonb NOT NULL,
  idempotency_key      text NOT NULL UNIQUE,
  status               text NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'dead')),
  attempts             integer NOT NULL DEFAULT 0,
  next_attempt_at      timestamptz NOT NULL DEFAULT now(),
  locked_until         timestamptz,
  last_error           text,
  provider_message_id  text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  sent_at              timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_provider_message_idx ON outbox (provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX outbox_status_idx ON outbox (status, created_at);

-- SMS numbers that sent STOP: nothing but the carrier's own confirmation goes to them.
CREATE TABLE sms_opt_outs (
  phone         text PRIMARY KEY,
  opted_out_at  timestamptz NOT NULL DEFAULT now()
);

-- Email Message-IDs of a conversation, inbound and outbound, so a reply
-- (In-Reply-To / References) continues it.
CREATE TABLE email_threads (
  message_id       text PRIMARY KEY,
  conversation_id  text NOT NULL REFERENCES conversations (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Secrets the service generates for itself when the operator sets none (the
-- web-chat token key), shared by every app process on this database.
CREATE TABLE service_secrets (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
