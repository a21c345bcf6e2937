-- entity_keys without its index by entity and its foreign key: both cost
-- a B-tree seek or insert for each key written, and only the deletion of
-- an entity used them. PutAnalyses deletes a deleted entity's keys itself,
-- once a batch.
CREATE TABLE entity_keys_new (
	key       TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;

INSERT INTO entity_keys_new (key, entity_id) SELECT key, entity_id FROM entity_keys ORDER BY key, entity_id;
DROP TABLE entity_keys;
ALTER TABLE entity_keys_new RENAME TO entity_keys;
