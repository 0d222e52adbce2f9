-- Service insight on a million messages: what the dashboard queries need so
-- they stop recomputing the same things on every request (bench/insight).

-- The repeat check compares questions by insight_question_key(), a regular
-- expression. Stored once when the answer is written (a generated column:
-- the same function, so the same key, and no change to the code that
-- inserts answers), it is read instead of recomputed for every row on every query.
ALTER TABLE answers
  ADD COLUMN question_key text GENERATED ALWAYS AS (insight_question_key(coalesce(standalone_question, question))) STORED;

-- A customer's conversations (the conversation itself when the customer is
-- unknown), so the repeat check reads only the answers of the customers in
-- the period instead of every answer since it began.
CREATE INDEX conversations_customer_key_idx ON conversations ((coalesce(customer_id, id)));
