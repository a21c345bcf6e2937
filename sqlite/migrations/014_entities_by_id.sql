-- entities keyed by their ID alone (WITHOUT ROWID): writing an entity was
-- a row and its ID index, reading one by ID two seeks. entity_roles loses
-- its foreign keys (articles are never deleted; PutAnalyses deletes the
-- roles of an entity it deletes), which cost a seek in each parent for
-- each role written; it goes first, so that dropping entities cascades
-- to nothing.
CREATE TABLE entities_new (
	id            TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	kind          TEXT NOT NULL,              -- person, org, place
	aliases       TEXT NOT NULL DEFAULT '[]', -- JSON []string, in the order first seen
	mention_count INTEGER NOT NULL DEFAULT 0,
	article_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE entity_roles_new (
	entity_id   TEXT NOT NULL,
	title       TEXT NOT NULL,
	affiliation TEXT NOT NULL DEFAULT '',
	article_id  TEXT NOT NULL,
	PRIMARY KEY (entity_id, title, affiliation, article_id)
) WITHOUT ROWID;

INSERT INTO entities_new (id, name, kind, aliases, mention_count, article_count)
	SELECT id, name, kind, aliases, mention_count, article_count FROM entities ORDER BY id;
INSERT INTO entity_roles_new (entity_id, title, affiliation, article_id)
	SELECT entity_id, title, affiliation, article_id FROM entity_roles;

DROP TABLE entity_roles;
DROP TABLE entities;
ALTER TABLE entities_new RENAME TO entities;
ALTER TABLE entity_roles_new RENAME TO entity_roles;

CREATE INDEX entities_by_mentions ON entities (mention_count DESC, name, id);
CREATE INDEX entity_roles_by_article ON entity_roles (article_id);
