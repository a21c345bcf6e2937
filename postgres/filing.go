package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/storyline/storyline"
)

// FileEvents writes a clustering batch's changes in one transaction, in
// the order storyline.Filing gives.
func (s *Store) FileEvents(ctx context.Context, f *storyline.Filing) error {
	if f == nil || f.Empty() {
		return nil
	}
	for _, e := range f.Events {
		if e.ID == "" {
			return storyline.Errorf(storyline.EINVALID, "file events: an event has no ID")
		}
	}
	for _, m := range f.Members {
		if m.ArticleID == "" || m.EventID == "" {
			return storyline.Errorf(storyline.EINVALID, "file events: a membership has no article or event ID (%q in %q)", m.ArticleID, m.EventID)
		}
	}
	for _, st := range f.Stories {
		if st.ID == "" {
			return storyline.Errorf(storyline.EINVALID, "file events: a story has no ID")
		}
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Writers filing at once would otherwise move the same articles
		// and delete events the other is filling: they take turns.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(filingLock)); err != nil {
			return err
		}
		b := &pgx.Batch{}
		for _, e := range f.Events {
			b.Queue(`INSERT INTO events (id, story_id, date, date_first, date_precision, title, outlets)
				VALUES ($1, $2, $3, $4, $5, $6, $7)
				ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, date = excluded.date,
					date_first = excluded.date_first, date_precision = excluded.date_precision,
					title = excluded.title, outlets = excluded.outlets`,
				e.ID, e.StoryID, e.Date.String(), dateArg(e.Date), int(e.Date.Precision), noNUL(e.Title), e.Outlets)
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		left, err := fileMembers(ctx, tx, f.Members)
		if err != nil {
			return err
		}
		b = &pgx.Batch{}
		for _, d := range f.Duplicates {
			b.Queue(`UPDATE articles SET duplicate_of = $1, similarity = $2 WHERE id = $3`, d.Of, d.Similarity, d.ArticleID)
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		var dropped []string
		seen := map[string]bool{}
		for _, id := range append(append([]string(nil), f.Gone...), left...) {
			if seen[id] {
				continue
			}
			seen[id] = true
			var story string
			err := tx.QueryRow(ctx, `DELETE FROM events WHERE id = $1
				AND NOT EXISTS (SELECT 1 FROM event_members WHERE event_id = $1) RETURNING story_id`, id).Scan(&story)
			if errors.Is(err, pgx.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("delete emptied event %s: %w", id, err)
			}
			if story != "" {
				dropped = append(dropped, story)
			}
		}
		for _, st := range f.Stories {
			if err := fileStory(ctx, tx, st); err != nil {
				return err
			}
		}
		seen = map[string]bool{}
		for _, id := range append(append([]string(nil), f.GoneStories...), dropped...) {
			if seen[id] {
				continue
			}
			seen[id] = true
			if _, err := tx.Exec(ctx, `DELETE FROM stories WHERE id = $1
				AND NOT EXISTS (SELECT 1 FROM events WHERE story_id = $1)`, id); err != nil {
				return fmt.Errorf("delete emptied story %s: %w", id, err)
			}
		}
		return nil
	})
	if err != nil && storyline.ErrorCode(err) == storyline.EINTERNAL {
		return fmt.Errorf("file events: %w", err)
	}
	return err
}

// filingLock is the advisory lock key FileEvents holds.
const filingLock = 0x73746f72796c6e03

// fileMembers puts each article in its event (at the end of its members),
// unless a membership made by hand holds it and this one is not, and
// returns the events articles left.
func fileMembers(ctx context.Context, tx pgx.Tx, ms []storyline.EventMember) (left []string, err error) {
	if len(ms) == 0 {
		return nil, nil
	}
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ArticleID
	}
	type was struct {
		event  string
		manual bool
	}
	prev := map[string]was{}
	rows, err := tx.Query(ctx, `SELECT article_id, event_id, manual FROM event_members WHERE article_id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		var w was
		if err := rows.Scan(&id, &w.event, &w.manual); err != nil {
			rows.Close()
			return nil, err
		}
		prev[id] = w
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, m := range ms {
		w := prev[m.ArticleID]
		if w.manual && !m.Manual {
			continue // placed by hand: stays
		}
		terms, _ := json.Marshal(nonNil(m.Terms))
		ents, _ := json.Marshal(nonNil(m.Entities))
		if w.event == m.EventID {
			_, err = tx.Exec(ctx, `UPDATE event_members SET origin = $1, score = $2, terms = $3, entities = $4, manual = $5
				WHERE article_id = $6`, noNUL(m.Origin), m.Score, noNUL(string(terms)), noNUL(string(ents)), m.Manual, m.ArticleID)
		} else {
			_, err = tx.Exec(ctx, `INSERT INTO event_members (article_id, event_id, position, origin, score, terms, entities, manual)
				VALUES ($1, $2, (SELECT coalesce(max(position) + 1, 0) FROM event_members WHERE event_id = $2), $3, $4, $5, $6, $7)
				ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, position = excluded.position,
					origin = excluded.origin, score = excluded.score, terms = excluded.terms,
					entities = excluded.entities, manual = excluded.manual`,
				m.ArticleID, m.EventID, noNUL(m.Origin), m.Score, noNUL(string(terms)), noNUL(string(ents)), m.Manual)
		}
		if err != nil {
			return nil, fmt.Errorf("file article %s in event %s: %w", m.ArticleID, m.EventID, err)
		}
		prev[m.ArticleID] = was{event: m.EventID, manual: m.Manual}
		if w.event != "" && w.event != m.EventID {
			left = append(left, w.event)
		}
	}
	return left, nil
}

// fileStory creates or updates a story, its span widened to its stored
// events' dates; a story given no title keeps its own.
func fileStory(ctx context.Context, tx pgx.Tx, st *storyline.Story) error {
	dates, err := stringsQuery(ctx, tx, `SELECT date FROM events WHERE story_id = $1 AND date != ''`, st.ID)
	if err != nil {
		return fmt.Errorf("file story %s: %w", st.ID, err)
	}
	var first, last storyline.Date
	for _, s := range dates {
		d, err := storyline.ParseDate(s)
		if err != nil || d.IsZero() {
			continue
		}
		if first.IsZero() || d.Compare(first) < 0 {
			first = d
		}
		if last.IsZero() || d.Compare(last) > 0 {
			last = d
		}
	}
	if first.IsZero() {
		first, last = st.First, st.Last
	}
	ents, _ := json.Marshal(nonNil(st.Entities))
	if _, err := tx.Exec(ctx, `INSERT INTO stories (id, title, first, last, entities) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET title = CASE WHEN excluded.title = '' THEN stories.title ELSE excluded.title END,
			first = excluded.first, last = excluded.last, entities = excluded.entities`,
		st.ID, noNUL(st.Title), first.String(), last.String(), noNUL(string(ents))); err != nil {
		return fmt.Errorf("file story %s: %w", st.ID, err)
	}
	return nil
}
