-- What an article's text says of its publication date (storyline.Dating):
-- a dispute of the page's own date, and an estimate for a page without one.

ALTER TABLE articles ADD COLUMN disputed TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN estimated TEXT NOT NULL DEFAULT '';        -- YYYY-MM-DD, YYYY-MM, YYYY or ''
ALTER TABLE articles ADD COLUMN estimated_from TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN estimated_earliest TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN estimated_latest TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN estimated_confidence REAL NOT NULL DEFAULT 0;

-- articles_meta keeps covering every column of articleMetaColumns.
DROP INDEX articles_meta;
CREATE INDEX articles_meta ON articles (id, origin, url, source, title, byline, published, published_from,
	dateline, language, format, duplicate_of, similarity, ingested_at, published_first, published_precision,
	disputed, estimated, estimated_from, estimated_earliest, estimated_latest, estimated_confidence);
