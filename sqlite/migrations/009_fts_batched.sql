-- PutArticles fills the full-text index once a batch, in one statement
-- (INSERT INTO articles_fts ... SELECT), not by a trigger row by row: FTS5
-- writes its pending terms out as a new segment at every statement that
-- opens a savepoint, so a trigger made a segment an article, and merging
-- them cost more than the indexing. Updates and deletes keep their
-- triggers.
DROP TRIGGER IF EXISTS articles_fts_insert;
