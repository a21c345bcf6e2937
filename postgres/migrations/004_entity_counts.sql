-- Each entity's mention and article counts, kept up to date as analyses are
-- stored and replaced, so that resolving a name and listing entities cost
-- the same however often an entity is mentioned (they were counted from the
-- mentions table on every read).

ALTER TABLE entities ADD COLUMN mention_count integer NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN article_count integer NOT NULL DEFAULT 0;

UPDATE entities e SET
	mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id),
	article_count = (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id);

CREATE INDEX entities_by_mentions ON entities (mention_count DESC, name COLLATE "C", id);
