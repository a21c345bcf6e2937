-- Which articles mention an entity is a full-text index (entity_index)
-- whose documents are the articles (rowid = articles.seq) and whose terms
-- are the IDs of the entities each mentions, in hexadecimal so that the
-- tokenizer keeps each ID whole: one row an article, where entity_articles
-- had a row per entity and article in two B-trees. FTS5 buffers the terms
-- of a batch and writes them out as one segment. How often an article
-- mentions an entity is read from its stored mentions (analyses).
CREATE VIRTUAL TABLE entity_index USING fts5(
	entities,
	detail = 'none', columnsize = 0, tokenize = 'ascii'
);

INSERT INTO entity_index (rowid, entities)
	SELECT a.seq, group_concat(lower(hex(ea.entity_id)), ' ')
	FROM entity_articles ea JOIN articles a ON a.id = ea.article_id
	GROUP BY a.seq ORDER BY a.seq;

DROP TABLE entity_articles;
