-- An article's quotes are one value (article_quotes.data: JSON
-- []storyline.Quote, in text order) under the article's rowid, where they
-- were a row each in five B-trees (the table, its ID, article and two
-- speaker indexes). Which articles quote a speaker is a full-text index
-- (quote_index, rowid = articles.seq) whose terms are, for each quote,
-- 's' and its speaker folded (entity.Fold) and, when the quote has a
-- speaker entity, 'e' and that entity's ID, both in hexadecimal so that
-- the tokenizer keeps each whole. Quotes reads the candidate articles
-- from it and picks their quotes by speaker exactly.
CREATE TABLE article_quotes (
	seq  INTEGER PRIMARY KEY, -- articles.seq
	data TEXT NOT NULL
);

CREATE VIRTUAL TABLE quote_index USING fts5(
	speakers,
	detail = 'none', columnsize = 0, tokenize = 'ascii'
);

INSERT INTO article_quotes (seq, data)
	SELECT a.seq, json_group_array(json(q.data) ORDER BY q.position)
	FROM quotes q JOIN articles a ON a.id = q.article_id
	GROUP BY a.seq ORDER BY a.seq;

INSERT INTO quote_index (rowid, speakers)
	SELECT a.seq, group_concat(t.term, ' ' ORDER BY t.position, t.n)
	FROM (SELECT article_id, position, 0 AS n, 's' || lower(hex(speaker_key)) AS term FROM quotes
		UNION ALL
		SELECT article_id, position, 1, 'e' || lower(hex(speaker_entity)) FROM quotes WHERE speaker_entity != '') t
	JOIN articles a ON a.id = t.article_id
	GROUP BY a.seq ORDER BY a.seq;

DROP TABLE quotes;
