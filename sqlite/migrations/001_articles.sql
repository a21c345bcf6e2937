-- Articles as read and cleaned, rejected inputs, and full-text search.

CREATE TABLE articles (
	seq            INTEGER PRIMARY KEY,      -- rowid, for the FTS index
	id             TEXT NOT NULL UNIQUE,     -- storyline.ArticleID
	origin         TEXT NOT NULL,
	url            TEXT NOT NULL DEFAULT '',
	source         TEXT NOT NULL DEFAULT '',
	title          TEXT NOT NULL DEFAULT '',
	byline         TEXT NOT NULL DEFAULT '',
	published      TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD, YYYY-MM, YYYY or ''
	published_first TEXT,                    -- first day of published (YYYY-MM-DD), NULL when unknown
	published_precision INTEGER NOT NULL DEFAULT 0,
	published_from TEXT NOT NULL DEFAULT '',
	dateline       TEXT NOT NULL DEFAULT '',
	language       TEXT NOT NULL DEFAULT '',
	text           TEXT NOT NULL,
	raw            BLOB NOT NULL,
	format         TEXT NOT NULL DEFAULT '',
	debris         TEXT NOT NULL DEFAULT '[]', -- JSON []storyline.Debris
	repairs        TEXT NOT NULL DEFAULT '[]', -- JSON []string
	duplicate_of   TEXT NOT NULL DEFAULT '',
	similarity     REAL NOT NULL DEFAULT 0,
	ingested_at    TEXT NOT NULL               -- RFC 3339, UTC
);

CREATE INDEX articles_by_date ON articles (published_first, published_precision, id);
CREATE INDEX articles_by_source ON articles (source);

CREATE TABLE rejections (
	seq    INTEGER PRIMARY KEY,
	origin TEXT NOT NULL,
	item   TEXT NOT NULL DEFAULT '',
	reason TEXT NOT NULL,
	at     TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content = 'articles', content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
