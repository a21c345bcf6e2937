-- article_stages records which pipeline stages each article has been
-- through (storyline.StageStore), so that an ingest cut short is
-- completed by the next run.

CREATE TABLE article_stages (
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	stage      TEXT NOT NULL,
	PRIMARY KEY (article_id, stage)
) WITHOUT ROWID;

-- Databases from before stage records: an analysed article has been
-- through "analyze", one in an event through "cluster" and, since the
-- others ran after clustering, "dating" and "event-dates".
INSERT INTO article_stages (article_id, stage) SELECT article_id, 'analyze' FROM analyses;
INSERT INTO article_stages (article_id, stage) SELECT m.article_id, s.stage FROM event_members m
	CROSS JOIN (SELECT 'cluster' AS stage UNION ALL SELECT 'dating' UNION ALL SELECT 'event-dates') s
	WHERE m.article_id IN (SELECT id FROM articles);
