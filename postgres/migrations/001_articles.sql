-- Articles as read and cleaned, rejected inputs, and full-text search.
-- IDs and keys sort byte by byte (COLLATE "C"), as in SQLite.

CREATE TABLE articles (
	id                  text COLLATE "C" PRIMARY KEY, -- storyline.ArticleID
	origin              text NOT NULL,
	url                 text NOT NULL DEFAULT '',
	source              text NOT NULL DEFAULT '',
	title               text NOT NULL DEFAULT '',
	byline              text NOT NULL DEFAULT '',
	published           text NOT NULL DEFAULT '', -- YYYY-MM-DD, YYYY-MM, YYYY or ''
	published_first     date,                     -- first day of published, NULL when unknown
	published_precision integer NOT NULL DEFAULT 0,
	published_from      text NOT NULL DEFAULT '',
	dateline            text NOT NULL DEFAULT '',
	language            text NOT NULL DEFAULT '',
	text                text NOT NULL,
	raw                 bytea NOT NULL,
	format              text NOT NULL DEFAULT '',
	debris              text NOT NULL DEFAULT '[]', -- JSON []storyline.Debris
	repairs             text NOT NULL DEFAULT '[]', -- JSON []string
	duplicate_of        text COLLATE "C" NOT NULL DEFAULT '',
	similarity          double precision NOT NULL DEFAULT 0,
	ingested_at         bigint NOT NULL,            -- Unix nanoseconds
	-- what the text says of the publication date (storyline.Dating)
	disputed             text NOT NULL DEFAULT '',
	estimated            text NOT NULL DEFAULT '', -- YYYY-MM-DD, YYYY-MM, YYYY or ''
	estimated_from       text NOT NULL DEFAULT '',
	estimated_earliest   text NOT NULL DEFAULT '',
	estimated_latest     text NOT NULL DEFAULT '',
	estimated_confidence double precision NOT NULL DEFAULT 0,
	-- the title weighs A, the text B; Search ranks A four times B
	search tsvector GENERATED ALWAYS AS
		(setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'B')) STORED
);

CREATE INDEX articles_by_date ON articles (published_first, published_precision, id);
CREATE INDEX articles_by_source ON articles (lower(source));
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE rejections (
	seq    bigserial PRIMARY KEY,
	origin text NOT NULL,
	item   text NOT NULL DEFAULT '',
	reason text NOT NULL,
	at     bigint NOT NULL -- Unix nanoseconds
);
