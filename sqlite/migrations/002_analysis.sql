-- What the extractors found in each article (time expressions, mentions,
-- quotes, statements) and the canonical entities built from the mentions
-- across articles (see package entity: Keys, Match, Better).

CREATE TABLE analyses (
	article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	timexes     TEXT NOT NULL DEFAULT '[]', -- JSON []storyline.Timex
	statements  TEXT NOT NULL DEFAULT '[]', -- JSON []storyline.Statement
	analysed_at TEXT NOT NULL               -- RFC 3339, UTC
);

CREATE TABLE entities (
	id      TEXT PRIMARY KEY,
	name    TEXT NOT NULL,
	kind    TEXT NOT NULL,              -- person, org, place
	aliases TEXT NOT NULL DEFAULT '[]'  -- JSON []string, in the order first seen
);

-- entity_keys indexes entities by entity.Keys of their name and aliases.
CREATE TABLE entity_keys (
	key       TEXT NOT NULL,
	entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;

CREATE INDEX entity_keys_by_entity ON entity_keys (entity_id);

CREATE TABLE mentions (
	article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	end_        INTEGER NOT NULL,
	text        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	name        TEXT NOT NULL,
	role        TEXT NOT NULL DEFAULT '',
	affiliation TEXT NOT NULL DEFAULT '',
	via         TEXT NOT NULL DEFAULT '',
	entity_id   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, position)
);

CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id);

-- entity_roles: a title an article gives an entity.
CREATE TABLE entity_roles (
	entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	title       TEXT NOT NULL,
	affiliation TEXT NOT NULL DEFAULT '',
	article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (entity_id, title, affiliation, article_id)
) WITHOUT ROWID;

CREATE INDEX entity_roles_by_article ON entity_roles (article_id);

CREATE TABLE quotes (
	id             TEXT PRIMARY KEY,
	article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	position       INTEGER NOT NULL,
	speaker_entity TEXT NOT NULL DEFAULT '',
	speaker_key    TEXT NOT NULL DEFAULT '', -- entity.Fold of the speaker
	data           TEXT NOT NULL             -- JSON storyline.Quote
);

CREATE INDEX quotes_by_article ON quotes (article_id, position);
CREATE INDEX quotes_by_speaker ON quotes (speaker_entity);
CREATE INDEX quotes_by_speaker_key ON quotes (speaker_key);
