package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/storyline/storyline"
)

var _ storyline.EventStore = (*Store)(nil)

// PutEvent creates or replaces an event with its memberships. An article
// belongs to one event: putting it in e takes it out of any other.
func (s *Store) PutEvent(ctx context.Context, e *storyline.Event) error {
	if e.ID == "" {
		return storyline.Errorf(storyline.EINVALID, "event has no ID")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store event %s: %w", e.ID, err)
	}
	defer tx.Rollback()
	var first any
	if !e.Date.IsZero() {
		first = e.Date.Time().Format(time.DateOnly)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO events (id, story_id, date, date_first, date_precision, title, outlets)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, date = excluded.date,
			date_first = excluded.date_first, date_precision = excluded.date_precision,
			title = excluded.title, outlets = excluded.outlets`,
		e.ID, e.StoryID, e.Date.String(), first, int(e.Date.Precision), e.Title, e.Outlets); err != nil {
		return fmt.Errorf("store event %s: %w", e.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM event_members WHERE event_id = ?`, e.ID); err != nil {
		return fmt.Errorf("store event %s: %w", e.ID, err)
	}
	for i, m := range e.Members {
		if m.ArticleID == "" {
			return storyline.Errorf(storyline.EINVALID, "event %s: member %d has no article ID", e.ID, i)
		}
		terms, _ := json.Marshal(nonNil(m.Terms))
		ents, _ := json.Marshal(nonNil(m.Entities))
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_members (article_id, event_id, position, origin, score, terms, entities, manual)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, position = excluded.position,
				origin = excluded.origin, score = excluded.score, terms = excluded.terms,
				entities = excluded.entities, manual = excluded.manual`,
			m.ArticleID, e.ID, i, m.Origin, m.Score, string(terms), string(ents), m.Manual); err != nil {
			return fmt.Errorf("store event %s: member %s: %w", e.ID, m.ArticleID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store event %s: %w", e.ID, err)
	}
	return nil
}

const eventColumns = `id, story_id, date, title, outlets`

// Event returns the event with that ID and its members, or ENOTFOUND.
func (s *Store) Event(ctx context.Context, id string) (*storyline.Event, error) {
	return s.oneEvent(ctx, true, id)
}

// EventOutline returns the event with that ID and its members without
// what they share (their Terms and Entities are nil), or ENOTFOUND.
func (s *Store) EventOutline(ctx context.Context, id string) (*storyline.Event, error) {
	return s.oneEvent(ctx, false, id)
}

// oneEvent reads the event with that ID as readEvents does, or ENOTFOUND.
func (s *Store) oneEvent(ctx context.Context, shared bool, id string) (*storyline.Event, error) {
	evs, err := s.readEvents(ctx, shared, ` WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "no event has the ID %q", id)
	}
	return evs[0], nil
}

// Events lists every event with its members, by date (undated last), then ID.
func (s *Store) Events(ctx context.Context) ([]*storyline.Event, error) {
	return s.queryEvents(ctx, "")
}

// queryEvents reads the events a WHERE clause selects, by date, with
// their members.
func (s *Store) queryEvents(ctx context.Context, where string, args ...any) ([]*storyline.Event, error) {
	return s.readEvents(ctx, true, where, args...)
}

// readEvents is queryEvents, reading what the members share (their Terms
// and Entities) only when shared is true.
func (s *Store) readEvents(ctx context.Context, shared bool, where string, args ...any) ([]*storyline.Event, error) {
	// The WHERE clauses are constants: each query is prepared once.
	rows, err := s.hot.QueryContext(ctx, `SELECT `+eventColumns+` FROM events`+where+
		` ORDER BY date_first IS NULL, date_first, date_precision, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []*storyline.Event
	byID := map[string]*storyline.Event{}
	for rows.Next() {
		e := &storyline.Event{Members: []storyline.Membership{}}
		var date string
		if err := rows.Scan(&e.ID, &e.StoryID, &date, &e.Title, &e.Outlets); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		if e.Date, err = storyline.ParseDate(date); err != nil {
			return nil, fmt.Errorf("list events: event %s: %w", e.ID, err)
		}
		out = append(out, e)
		byID[e.ID] = e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	mwhere := ""
	if where != "" {
		mwhere = ` WHERE event_id IN (SELECT id FROM events` + where + `)`
	}
	cols := `event_id, article_id, origin, score, manual`
	if shared {
		cols += `, terms, entities`
	}
	mrows, err := s.hot.QueryContext(ctx, `SELECT `+cols+` FROM event_members`+mwhere+` ORDER BY event_id, position`, args...)
	if err != nil {
		return nil, fmt.Errorf("list event members: %w", err)
	}
	defer mrows.Close()
	for mrows.Next() {
		var evID, terms, ents string
		var m storyline.Membership
		dest := []any{&evID, &m.ArticleID, &m.Origin, &m.Score, &m.Manual}
		if shared {
			dest = append(dest, &terms, &ents)
		}
		if err := mrows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("list event members: %w", err)
		}
		if shared {
			if err := json.Unmarshal([]byte(terms), &m.Terms); err != nil {
				return nil, fmt.Errorf("list event members: article %s: terms: %w", m.ArticleID, err)
			}
			if err := json.Unmarshal([]byte(ents), &m.Entities); err != nil {
				return nil, fmt.Errorf("list event members: article %s: entities: %w", m.ArticleID, err)
			}
		}
		if e := byID[evID]; e != nil {
			e.Members = append(e.Members, m)
		}
	}
	if err := mrows.Err(); err != nil {
		return nil, fmt.Errorf("list event members: %w", err)
	}
	return out, nil
}

// DeleteEvent removes an event; its articles are left in no event.
// ENOTFOUND if no event has that ID.
func (s *Store) DeleteEvent(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM events WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete event %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "no event has the ID %q", id)
	}
	return nil
}

// DeleteStory removes a story; its events, if any are left, keep naming it.
func (s *Store) DeleteStory(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete story %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "no story has the ID %q", id)
	}
	return nil
}

// PutStory creates or replaces a story. Its events are the events whose
// StoryID names it; s.Events is not stored.
func (s *Store) PutStory(ctx context.Context, st *storyline.Story) error {
	if st.ID == "" {
		return storyline.Errorf(storyline.EINVALID, "story has no ID")
	}
	ents, _ := json.Marshal(nonNil(st.Entities))
	if _, err := s.db.ExecContext(ctx, `INSERT INTO stories (id, title, first, last, entities) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first,
			last = excluded.last, entities = excluded.entities`,
		st.ID, st.Title, st.First.String(), st.Last.String(), string(ents)); err != nil {
		return fmt.Errorf("store story %s: %w", st.ID, err)
	}
	return nil
}

// Story returns the story with that ID and its events by date, or ENOTFOUND.
func (s *Store) Story(ctx context.Context, id string) (*storyline.Story, error) {
	sts, err := s.queryStories(ctx, ` WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(sts) == 0 {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "no story has the ID %q", id)
	}
	return sts[0], nil
}

// Stories lists every story with its events, latest story first.
func (s *Store) Stories(ctx context.Context) ([]*storyline.Story, error) {
	return s.queryStories(ctx, "")
}

func (s *Store) queryStories(ctx context.Context, where string, args ...any) ([]*storyline.Story, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, first, last, entities FROM stories`+where+` ORDER BY last DESC, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []*storyline.Story
	byID := map[string]*storyline.Story{}
	for rows.Next() {
		st := &storyline.Story{Events: []*storyline.Event{}}
		var first, last, ents string
		if err := rows.Scan(&st.ID, &st.Title, &first, &last, &ents); err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		if st.First, err = storyline.ParseDate(first); err != nil {
			return nil, fmt.Errorf("list stories: story %s: %w", st.ID, err)
		}
		if st.Last, err = storyline.ParseDate(last); err != nil {
			return nil, fmt.Errorf("list stories: story %s: %w", st.ID, err)
		}
		if err := json.Unmarshal([]byte(ents), &st.Entities); err != nil {
			return nil, fmt.Errorf("list stories: story %s: entities: %w", st.ID, err)
		}
		out = append(out, st)
		byID[st.ID] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ewhere, eargs := "", args
	if where != "" {
		ewhere = ` WHERE story_id IN (SELECT id FROM stories` + where + `)`
	}
	evs, err := s.queryEvents(ctx, ewhere, eargs...)
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		if st := byID[e.StoryID]; st != nil {
			st.Events = append(st.Events, e)
		}
	}
	return out, nil
}

// ArticleEvent returns the ID of the article's event, or "" when none.
func (s *Store) ArticleEvent(ctx context.Context, articleID string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT event_id FROM event_members WHERE article_id = ?`, articleID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("find event of article %s: %w", articleID, err)
	}
	return id, nil
}

// RecentEvents lists the events dated within window of the latest one
// and the undated ones with the highest IDs, at most undated of them.
func (s *Store) RecentEvents(ctx context.Context, window time.Duration, undated int) ([]*storyline.Event, error) {
	var latest sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT max(date_first) FROM events`).Scan(&latest); err != nil {
		return nil, fmt.Errorf("list recent events: %w", err)
	}
	// A date's span ends at most a year after its first day: read from a
	// year before the cut, and cut exactly here.
	from := "9999-12-31"
	var cut time.Time
	if latest.Valid {
		t, err := time.Parse(time.DateOnly, latest.String)
		if err != nil {
			return nil, fmt.Errorf("list recent events: latest date %q: %w", latest.String, err)
		}
		cut = t.Add(-window)
		from = cut.AddDate(-1, 0, -1).Format(time.DateOnly)
	}
	evs, err := s.queryEvents(ctx, ` WHERE id IN (SELECT id FROM events WHERE date_first >= ?
		UNION ALL SELECT id FROM (SELECT id FROM events WHERE date_first IS NULL ORDER BY id DESC LIMIT ?))`, from, max(undated, 0))
	if err != nil {
		return nil, err
	}
	out := evs[:0]
	for _, e := range evs {
		if e.Date.IsZero() || !e.Date.End().Before(cut) {
			out = append(out, e)
		}
	}
	return out, nil
}
