-- The expert console: staff accounts with roles, and their sign-in sessions.

CREATE TABLE staff_users (
  id             text PRIMARY KEY,
  username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._@-]{2,64}$'),
  display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  -- scrypt$N$r$p$salt$hash (console/password-hash.ts); never returned by any API.
  password_hash  text NOT NULL,
  roles          text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['expert', 'curator', 'admin']::text[]),
  skills         text[] NOT NULL DEFAULT '{}',
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Only a hash of the session token is stored: a copy of this table signs nobody in.
CREATE TABLE staff_sessions (
  id_hash       text PRIMARY KEY,
  user_id       text NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id);
CREATE INDEX staff_sessions_expiry_idx ON staff_sessions (expires_at);

-- Administrators managing staff accounts act as 'admin' in the audit log.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_type_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_type_check CHECK (actor_type IN ('customer', 'bot', 'expert', 'admin', 'system'));
