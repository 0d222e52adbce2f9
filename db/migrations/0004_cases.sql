-- Escalation cases: while one is open, a person owns the conversation and the bot is silent.

CREATE TABLE cases (
  id                 text PRIMARY KEY,
  conversation_id    text NOT NULL REFERENCES conversations (id),
  customer_id        text REFERENCES customers (id),
  channel            text NOT NULL,
  locale             text NOT NULL,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'resolved', 'handed_back')),
  skill              text NOT NULL,
  priority           text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  topic              text,
  reasons            text[] NOT NULL DEFAULT '{}',
  -- The decision that opened it, with the sources the bot retrieved.
  answer_id          text REFERENCES answers (id),
  -- The knowledge-base article drafted from this case's answer, once an expert saved one.
  knowledge_article_id text REFERENCES articles (id),
  sla_due_at         timestamptz NOT NULL,
  assignee           text,
  opened_at          timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  closed_at          timestamptz
);
CREATE UNIQUE INDEX cases_one_open_per_conversation ON cases (conversation_id) WHERE status IN ('open', 'claimed');
CREATE INDEX cases_queue_idx ON cases (status, priority, sla_due_at);

-- Answers to the satisfaction question sent when a case is resolved.
CREATE TABLE csat_responses (
  case_id          text PRIMARY KEY REFERENCES cases (id),
  conversation_id  text NOT NULL REFERENCES conversations (id),
  score            integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  created_at       timestamptz NOT NULL DEFAULT now()
);
