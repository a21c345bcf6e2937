-- entity_index and quote_index keep no copy of their documents: they are
-- only ever matched (MATCH, rowid), never read, and their content tables
-- were 3 MB of a Timeline17 database written for nothing. contentless_delete
-- keeps DELETE working (when an analysis is replaced); it needs the
-- documents' sizes (columnsize), a few bytes an article.
--
-- From this version on, article_quotes.data is written in the compact form
-- of internal/codec (EncodeQuotes, a BLOB); rows from before keep their
-- JSON, which readers tell by its first byte.
CREATE VIRTUAL TABLE entity_index_new USING fts5(
	entities,
	content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii'
);
INSERT INTO entity_index_new (rowid, entities) SELECT rowid, entities FROM entity_index ORDER BY rowid;
DROP TABLE entity_index;
ALTER TABLE entity_index_new RENAME TO entity_index;

CREATE VIRTUAL TABLE quote_index_new USING fts5(
	speakers,
	content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii'
);
INSERT INTO quote_index_new (rowid, speakers) SELECT rowid, speakers FROM quote_index ORDER BY rowid;
DROP TABLE quote_index;
ALTER TABLE quote_index_new RENAME TO quote_index;
