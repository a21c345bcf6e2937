-- Events (one real-world happening and its reports) and stories (chains of
-- events). An article belongs to at most one event.

CREATE TABLE stories (
	id       text COLLATE "C" PRIMARY KEY,
	title    text NOT NULL DEFAULT '',
	first    text NOT NULL DEFAULT '',  -- storyline.Date as text, '' when unknown
	last     text COLLATE "C" NOT NULL DEFAULT '',
	entities text NOT NULL DEFAULT '[]' -- JSON []string, most central first
);

CREATE TABLE events (
	id             text COLLATE "C" PRIMARY KEY,
	story_id       text COLLATE "C" NOT NULL DEFAULT '',
	date           text NOT NULL DEFAULT '', -- storyline.Date as text
	date_first     date,                     -- first day of date, NULL when unknown (for ordering)
	date_precision integer NOT NULL DEFAULT 0,
	title          text NOT NULL DEFAULT '',
	outlets        integer NOT NULL DEFAULT 0
);

CREATE INDEX events_by_story ON events (story_id, date_first);
CREATE INDEX events_by_date ON events (date_first, date_precision, id);

CREATE TABLE event_members (
	article_id text COLLATE "C" PRIMARY KEY,
	event_id   text COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	position   integer NOT NULL,
	origin     text NOT NULL DEFAULT '',
	score      double precision NOT NULL DEFAULT 0,
	terms      text NOT NULL DEFAULT '[]', -- JSON []string
	entities   text NOT NULL DEFAULT '[]', -- JSON []string
	manual     boolean NOT NULL DEFAULT false
);

CREATE INDEX event_members_by_event ON event_members (event_id, position);
