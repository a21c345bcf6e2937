-- Events (one real-world happening and its reports) and stories (chains of
-- events). An article belongs to at most one event.

CREATE TABLE stories (
	id       TEXT PRIMARY KEY,
	title    TEXT NOT NULL DEFAULT '',
	first    TEXT NOT NULL DEFAULT '',  -- storyline.Date as text, '' when unknown
	last     TEXT NOT NULL DEFAULT '',
	entities TEXT NOT NULL DEFAULT '[]' -- JSON []string, most central first
);

CREATE TABLE events (
	id         TEXT PRIMARY KEY,
	story_id   TEXT NOT NULL DEFAULT '',
	date       TEXT NOT NULL DEFAULT '',  -- storyline.Date as text
	date_first TEXT,                      -- first day of date, NULL when unknown (for ordering)
	date_precision INTEGER NOT NULL DEFAULT 0,
	title      TEXT NOT NULL DEFAULT '',
	outlets    INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX events_by_story ON events (story_id, date_first);
CREATE INDEX events_by_date ON events (date_first, date_precision, id);

CREATE TABLE event_members (
	article_id TEXT PRIMARY KEY,
	event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	origin     TEXT NOT NULL DEFAULT '',
	score      REAL NOT NULL DEFAULT 0,
	terms      TEXT NOT NULL DEFAULT '[]', -- JSON []string
	entities   TEXT NOT NULL DEFAULT '[]', -- JSON []string
	manual     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX event_members_by_event ON event_members (event_id, position);
