-- article_stages records which pipeline stages each article has been
-- through (storyline.StageStore), so that an ingest cut short is
-- completed by the next run; seq numbers articles in the order stored.

ALTER TABLE articles ADD COLUMN seq bigserial;
CREATE UNIQUE INDEX articles_by_seq ON articles (seq);

CREATE TABLE article_stages (
	article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	stage      text COLLATE "C" NOT NULL,
	PRIMARY KEY (article_id, stage)
);

-- Databases from before stage records: an analysed article has been
-- through "analyze", one in an event through "cluster" and, since the
-- others ran after clustering, "dating" and "event-dates".
INSERT INTO article_stages (article_id, stage) SELECT article_id, 'analyze' FROM analyses;
INSERT INTO article_stages (article_id, stage) SELECT m.article_id, s.stage FROM event_members m
	CROSS JOIN (VALUES ('cluster'), ('dating'), ('event-dates')) AS s (stage)
	WHERE m.article_id IN (SELECT id FROM articles);
