-- What the extractors found in each article (time expressions, mentions,
-- quotes, statements) and the canonical entities built from the mentions
-- across articles (see package entity: Keys, Match, Better).

CREATE TABLE analyses (
	article_id  text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	timexes     text NOT NULL DEFAULT '[]', -- JSON []storyline.Timex
	statements  text NOT NULL DEFAULT '[]', -- JSON []storyline.Statement
	analysed_at bigint NOT NULL             -- Unix nanoseconds
);

CREATE TABLE entities (
	id      text COLLATE "C" PRIMARY KEY,
	name    text NOT NULL,
	kind    text NOT NULL,             -- person, org, place
	aliases text NOT NULL DEFAULT '[]' -- JSON []string, in the order first seen
);

-- entity_keys indexes entities by entity.Keys of their name and aliases.
CREATE TABLE entity_keys (
	key       text COLLATE "C" NOT NULL,
	entity_id text COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	PRIMARY KEY (key, entity_id)
);

CREATE INDEX entity_keys_by_entity ON entity_keys (entity_id);

CREATE TABLE mentions (
	article_id  text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	position    integer NOT NULL,
	start_      integer NOT NULL,
	end_        integer NOT NULL,
	text        text NOT NULL,
	kind        text NOT NULL,
	name        text NOT NULL,
	role        text NOT NULL DEFAULT '',
	affiliation text NOT NULL DEFAULT '',
	via         text NOT NULL DEFAULT '',
	entity_id   text COLLATE "C" NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, position)
);

CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id);

-- entity_roles: a title an article gives an entity.
CREATE TABLE entity_roles (
	entity_id   text COLLATE "C" NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	title       text NOT NULL,
	affiliation text NOT NULL DEFAULT '',
	article_id  text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (entity_id, title, affiliation, article_id)
);

CREATE INDEX entity_roles_by_article ON entity_roles (article_id);

CREATE TABLE quotes (
	id             text COLLATE "C" PRIMARY KEY,
	article_id     text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	position       integer NOT NULL,
	speaker_entity text COLLATE "C" NOT NULL DEFAULT '',
	speaker_key    text COLLATE "C" NOT NULL DEFAULT '', -- entity.Fold of the speaker
	data           text NOT NULL                         -- JSON storyline.Quote
);

CREATE INDEX quotes_by_article ON quotes (article_id, position);
CREATE INDEX quotes_by_speaker ON quotes (speaker_entity);
CREATE INDEX quotes_by_speaker_key ON quotes (speaker_key);
