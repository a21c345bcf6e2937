package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline/storyline"
)

var _ storyline.EventStore = (*Store)(nil)

// PutEvent creates or replaces an event with its memberships. An article
// belongs to one event: putting it in e takes it out of any other.
func (s *Store) PutEvent(ctx context.Context, e *storyline.Event) error {
	if e.ID == "" {
		return storyline.Errorf(storyline.EINVALID, "event has no ID")
	}
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO events (id, story_id, date, date_first, date_precision, title, outlets)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, date = excluded.date,
			date_first = excluded.date_first, date_precision = excluded.date_precision,
			title = excluded.title, outlets = excluded.outlets`,
		e.ID, e.StoryID, e.Date.String(), dateArg(e.Date), int(e.Date.Precision), noNUL(e.Title), e.Outlets)
	b.Queue(`DELETE FROM event_members WHERE event_id = $1`, e.ID)
	for i, m := range e.Members {
		if m.ArticleID == "" {
			return storyline.Errorf(storyline.EINVALID, "event %s: member %d has no article ID", e.ID, i)
		}
		terms, _ := json.Marshal(nonNil(m.Terms))
		ents, _ := json.Marshal(nonNil(m.Entities))
		b.Queue(`INSERT INTO event_members (article_id, event_id, position, origin, score, terms, entities, manual)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, position = excluded.position,
				origin = excluded.origin, score = excluded.score, terms = excluded.terms,
				entities = excluded.entities, manual = excluded.manual`,
			m.ArticleID, e.ID, i, noNUL(m.Origin), m.Score, noNUL(string(terms)), noNUL(string(ents)), m.Manual)
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return tx.SendBatch(ctx, b).Close() })
	if err != nil {
		return fmt.Errorf("store event %s: %w", e.ID, err)
	}
	return nil
}

const eventColumns = `id, story_id, date, title, outlets`

const eventOrder = ` ORDER BY date_first NULLS LAST, date_precision, id`

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
	evs, err := s.readEvents(ctx, shared, ` WHERE id = $1`, id)
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
	rows, err := s.pool.Query(ctx, `SELECT `+eventColumns+` FROM events`+where+eventOrder, args...)
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
	mrows, err := s.pool.Query(ctx, `SELECT `+cols+` FROM event_members`+mwhere+` ORDER BY event_id, position`, args...)
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
	tag, err := s.pool.Exec(ctx, `DELETE FROM events WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete event %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "no event has the ID %q", id)
	}
	return nil
}

// DeleteStory removes a story; its events, if any are left, keep naming
// it. ENOTFOUND if no story has that ID.
func (s *Store) DeleteStory(ctx context.Context, id string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM stories WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete story %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "no story has the ID %q", id)
	}
	return nil
}

// PutStory creates or replaces a story. Its events are the events whose
// StoryID names it; st.Events is not stored.
func (s *Store) PutStory(ctx context.Context, st *storyline.Story) error {
	if st.ID == "" {
		return storyline.Errorf(storyline.EINVALID, "story has no ID")
	}
	ents, _ := json.Marshal(nonNil(st.Entities))
	if _, err := s.pool.Exec(ctx, `INSERT INTO stories (id, title, first, last, entities) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first,
			last = excluded.last, entities = excluded.entities`,
		st.ID, noNUL(st.Title), st.First.String(), st.Last.String(), noNUL(string(ents))); err != nil {
		return fmt.Errorf("store story %s: %w", st.ID, err)
	}
	return nil
}

// Story returns the story with that ID and its events by date, or ENOTFOUND.
func (s *Store) Story(ctx context.Context, id string) (*storyline.Story, error) {
	sts, err := s.queryStories(ctx, ` WHERE id = $1`, id)
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
	rows, err := s.pool.Query(ctx, `SELECT id, title, first, last, entities FROM stories`+where+` ORDER BY last DESC, id`, args...)
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
	ewhere := ""
	if where != "" {
		ewhere = ` WHERE story_id IN (SELECT id FROM stories` + where + `)`
	}
	evs, err := s.queryEvents(ctx, ewhere, args...)
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
	err := s.pool.QueryRow(ctx, `SELECT event_id FROM event_members WHERE article_id = $1`, articleID).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("find event of article %s: %w", articleID, err)
	}
	return id, nil
}

// ArticleEvents returns the event IDs of the articles among articleIDs
// that belong to an event, keyed by article ID, in one query.
func (s *Store) ArticleEvents(ctx context.Context, articleIDs []string) (map[string]string, error) {
	out := map[string]string{}
	if len(articleIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT article_id, event_id FROM event_members WHERE article_id = ANY($1)`, articleIDs)
	if err != nil {
		return nil, fmt.Errorf("find the events of %d articles: %w", len(articleIDs), err)
	}
	defer rows.Close()
	for rows.Next() {
		var article, event string
		if err := rows.Scan(&article, &event); err != nil {
			return nil, fmt.Errorf("find the events of %d articles: %w", len(articleIDs), err)
		}
		out[article] = event
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find the events of %d articles: %w", len(articleIDs), err)
	}
	return out, nil
}

// RecentEvents lists the events dated within window of the latest one
// and the undated ones with the highest IDs, at most undated of them.
func (s *Store) RecentEvents(ctx context.Context, window time.Duration, undated int) ([]*storyline.Event, error) {
	var latest *time.Time
	if err := s.pool.QueryRow(ctx, `SELECT max(date_first) FROM events`).Scan(&latest); err != nil {
		return nil, fmt.Errorf("list recent events: %w", err)
	}
	// A date's span ends at most a year after its first day: read from a
	// year before the cut, and cut exactly here.
	from := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	var cut time.Time
	if latest != nil {
		cut = latest.UTC().Add(-window)
		from = cut.AddDate(-1, 0, -1)
	}
	evs, err := s.queryEvents(ctx, ` WHERE id IN (SELECT id FROM events WHERE date_first >= $1
		UNION ALL SELECT id FROM (SELECT id FROM events WHERE date_first IS NULL ORDER BY id DESC LIMIT $2) u)`, from, max(undated, 0))
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
