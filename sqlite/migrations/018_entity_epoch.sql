-- entity_epoch counts the transactions that stored analyses (and with
-- them entities). A Store remembers the entities it read and wrote
-- (sqlite/known.go) and trusts that memory only while the count is the
-- one its own last transaction left: nobody else wrote entities since.
CREATE TABLE entity_epoch (n INTEGER NOT NULL);
INSERT INTO entity_epoch (n) VALUES (0);
