-- Acknowledge first, store later: an SMS or WhatsApp webhook is made durable
-- by one row, an intake turn in pending_turns keyed by the provider's message
-- id ('intake:<channel>:<MessageSid>'), holding the redacted text and the
-- sender. Finding the customer and the conversation and storing the message
-- run after the acknowledgement, in the transaction that replaces the intake
-- turn with the message's own turn. So a pending turn's key is no longer
-- always a stored message's id.
ALTER TABLE pending_turns DROP CONSTRAINT pending_turns_inbound_message_id_fkey;
COMMENT ON COLUMN pending_turns.inbound_message_id IS 'A stored inbound message''s id, or intake:<channel>:<provider message id> for a message acknowledged but not yet stored.';
