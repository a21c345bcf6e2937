-- entities keyed by their ID alone (WITHOUT ROWID): a rowid table with a
-- TEXT primary key kept every entity twice, in the table and in the
-- primary key's index, and each insert, count update and lookup by ID
-- went through both.
CREATE TABLE entities_new (
	id      TEXT PRIMARY KEY,
	name    TEXT NOT NULL,
	kind    TEXT NOT NULL,              -- person, org, place
	aliases TEXT NOT NULL DEFAULT '[]', -- JSON []string, in the order first seen
	mention_count INTEGER NOT NULL DEFAULT 0,
	article_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO entities_new (id, name, kind, aliases, mention_count, article_count)
	SELECT id, name, kind, aliases, mention_count, article_count FROM entities ORDER BY id;

-- entity_roles made again to refer to the new table: dropping the old
-- one would delete its roles (ON DELETE CASCADE).
CREATE TABLE entity_roles_new (
	entity_id   TEXT NOT NULL REFERENCES entities_new (id) ON DELETE CASCADE,
	title       TEXT NOT NULL,
	affiliation TEXT NOT NULL DEFAULT '',
	article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (entity_id, title, affiliation, article_id)
) WITHOUT ROWID;
INSERT INTO entity_roles_new (entity_id, title, affiliation, article_id)
	SELECT entity_id, title, affiliation, article_id FROM entity_roles ORDER BY 1, 2, 3, 4;

DROP TABLE entity_roles;
DROP TABLE entities;
ALTER TABLE entities_new RENAME TO entities;
ALTER TABLE entity_roles_new RENAME TO entity_roles;
