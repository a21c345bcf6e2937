-- Analyses cheaper to write: an article's mentions are one JSON column of
-- its analysis (they were a row each, three B-trees to write per mention),
-- entity_articles says which entities an article mentions and how often
-- (a row per entity and article), and each entity keeps its mention and
-- article counts up to date (they were counted on every read).

ALTER TABLE analyses ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]'; -- JSON []storyline.Mention, in text order

CREATE TABLE entity_articles (
	entity_id  TEXT NOT NULL,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	mentions   INTEGER NOT NULL, -- how often the article mentions the entity
	PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;

CREATE INDEX entity_articles_by_article ON entity_articles (article_id);

UPDATE analyses SET mentions = coalesce((SELECT json_group_array(json_object(
		'start', m.start, 'end', m.end_, 'text', m.text, 'kind', m.kind, 'name', m.name,
		'role', m.role, 'affiliation', m.affiliation, 'via', m.via, 'entity_id', m.entity_id))
	FROM (SELECT * FROM mentions WHERE article_id = analyses.article_id ORDER BY position) m), '[]');

INSERT INTO entity_articles (entity_id, article_id, mentions)
	SELECT entity_id, article_id, count(*) FROM mentions WHERE entity_id != '' GROUP BY entity_id, article_id;

DROP TABLE mentions;

ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;

UPDATE entities SET
	mention_count = coalesce((SELECT sum(mentions) FROM entity_articles WHERE entity_id = entities.id), 0),
	article_count = (SELECT count(*) FROM entity_articles WHERE entity_id = entities.id);

CREATE INDEX entities_by_mentions ON entities (mention_count DESC, name, id);
