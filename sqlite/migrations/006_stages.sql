-- article_stages records which pipeline stages each article has been
-- through (storyline.StageStore), so that an ingest cut short is
-- completed by the next run.

CREATE TABLE article_stages (
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	stage      TEXT NOT NULL,
	PRIMARY KEY (article_id, stage)
) WITHOUT ROWID;

-- Databases from before stage records: an analysed article has been
-- through "analyze", one in an event through "cluster" and, since dating
-- ran after clustering, "dating".
INSERT INTO article_stages (article_id, stage) SELECT article_id, 'analyze' FROM analyses;
INSERT INTO article_stages (article_id, stage) SELECT m.article_id, 'cluster' FROM event_members m
	WHERE m.article_id IN (SELECT id FROM articles);
INSERT INTO article_stages (article_id, stage) SELECT m.article_id, 'dating' FROM event_members m
	WHERE m.article_id IN (SELECT id FROM articles);
