-- Two writes an ingest made for nothing, taken out.
--
-- articles_by_source indexed the source with SQLite's default (binary)
-- collation, but the one query that selects by source compares it
-- COLLATE NOCASE (ArticleFilter.Source), which that index cannot answer:
-- SQLite scans articles_meta instead. Every article stored wrote an entry
-- into it all the same.
--
-- The articles' full-text index writes its doclists in leaves of 16,000
-- bytes instead of FTS5's 4,050 (pgsz): a leaf is a row of
-- articles_fts_data, and four leaves shared each 16 KB page (pageSize),
-- so a segment is a quarter as many rows to insert and index, and a
-- search reads the same pages as before. Leaves change where a term's
-- doclist is kept, not what it holds: searches find the same articles
-- with the same scores and snippets. Segments written before keep their
-- leaves until a merge rewrites them.
DROP INDEX articles_by_source;
INSERT INTO articles_fts (articles_fts, rank) VALUES ('pgsz', 16000);
