-- Where a Bot Framework conversation lives (the connector's service URL, the
-- conversation, the bot and the user), kept from the customer's latest
-- message so a person's reply can be sent later, outside the turn.
CREATE TABLE bot_framework_references (
  conversation_id  text PRIMARY KEY REFERENCES conversations (id),
  reference        jsonb NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
