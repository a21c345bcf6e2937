-- article_stages keyed by the article's rowid (articles.seq), not its ID:
-- an ingest records a batch's stages once a stage, and the batch's
-- articles are stored one after the other, so their rows now go at the
-- end of the table, a few pages a batch, where IDs (hashes) spread them
-- over every page of it (1,409 pages written to the WAL for Timeline17's
-- 36 records, now 223).
CREATE TABLE article_stages_new (
	seq   INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	stage TEXT NOT NULL,
	PRIMARY KEY (seq, stage)
) WITHOUT ROWID;

INSERT INTO article_stages_new (seq, stage)
	SELECT a.seq, g.stage FROM article_stages g JOIN articles a ON a.id = g.article_id ORDER BY 1, 2;
DROP TABLE article_stages;
ALTER TABLE article_stages_new RENAME TO article_stages;
