-- article_stages without its foreign key to articles (seq): recording a
-- stage checked that each article exists by finding its row in the
-- articles table, whose rows (text and raw, about 10 KB) each fill a
-- page: four stages a batch read every article's page again, from the
-- WAL when the cache had let it go, for rows selected from articles in
-- the same statement (MarkStage). Articles are never deleted, so the
-- cascade had nothing to do.
CREATE TABLE article_stages_new (
	seq   INTEGER NOT NULL, -- articles.seq
	stage TEXT NOT NULL,
	PRIMARY KEY (seq, stage)
) WITHOUT ROWID;

INSERT INTO article_stages_new (seq, stage) SELECT seq, stage FROM article_stages ORDER BY seq, stage;
DROP TABLE article_stages;
ALTER TABLE article_stages_new RENAME TO article_stages;
