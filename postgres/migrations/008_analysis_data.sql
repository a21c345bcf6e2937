-- Analyses cheaper to write, as in the SQLite store: an article's
-- mentions, time expressions and statements are one value in a compact
-- binary form (internal/codec), and entity_articles says which entities an
-- article mentions and how often, a row per entity and article (the
-- mentions were a row each, with three B-trees and a foreign key to
-- write, most of the server's time to store an analysis). Analyses stored
-- from now on have data and leave timexes and statements at '[]' and the
-- mentions table alone; rows from before keep their JSON and mentions
-- (data NULL) and are read from them.

ALTER TABLE analyses ADD COLUMN data bytea;

CREATE TABLE entity_articles (
	entity_id  text COLLATE "C" NOT NULL,
	article_id text COLLATE "C" NOT NULL,
	mentions   integer NOT NULL, -- how often the article mentions the entity
	PRIMARY KEY (entity_id, article_id)
);

CREATE INDEX entity_articles_by_article ON entity_articles (article_id);

INSERT INTO entity_articles (entity_id, article_id, mentions)
	SELECT entity_id, article_id, count(*) FROM mentions WHERE entity_id <> '' GROUP BY entity_id, article_id;

-- Articles are never deleted, and a writer checks that an analysis's
-- article is stored, under the entity lock: the server's check of every
-- quote's and role's article (a lookup each) was cost without use.
ALTER TABLE quotes DROP CONSTRAINT quotes_article_id_fkey;
ALTER TABLE entity_roles DROP CONSTRAINT entity_roles_article_id_fkey;
