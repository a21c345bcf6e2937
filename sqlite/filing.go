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

// FileEvents writes a clustering batch's changes in one transaction, in
// the order storyline.Filing gives.
func (s *Store) FileEvents(ctx context.Context, f *storyline.Filing) error {
	if f == nil || f.Empty() {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("file events: %w", err)
	}
	defer tx.Rollback()
	fl := &filer{txStmts{ctx: ctx, tx: tx}}
	defer fl.close()
	if err := fl.events(f.Events); err != nil {
		return err
	}
	emptied, err := fl.members(f.Members)
	if err != nil {
		return err
	}
	if err := fl.duplicates(f.Duplicates); err != nil {
		return err
	}
	dropped, err := fl.deleteEmptyEvents(append(f.Gone, emptied...))
	if err != nil {
		return err
	}
	if err := fl.stories(f.Stories); err != nil {
		return err
	}
	if err := fl.deleteEmptyStories(append(f.GoneStories, dropped...)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("file events: %w", err)
	}
	return nil
}

// filer writes the parts of one filing inside its transaction, each
// statement prepared once a filing.
type filer struct{ txStmts }

// events creates or updates the events' rows, not their members.
func (fl *filer) events(evs []*storyline.Event) error {
	if len(evs) == 0 {
		return nil
	}
	for _, e := range evs {
		if e.ID == "" {
			return storyline.Errorf(storyline.EINVALID, "file events: an event has no ID")
		}
		var first any
		if !e.Date.IsZero() {
			first = e.Date.Time().Format(time.DateOnly)
		}
		if err := fl.exec(`INSERT INTO events (id, story_id, date, date_first, date_precision, title, outlets)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, date = excluded.date,
				date_first = excluded.date_first, date_precision = excluded.date_precision,
				title = excluded.title, outlets = excluded.outlets`,
			e.ID, e.StoryID, e.Date.String(), first, int(e.Date.Precision), e.Title, e.Outlets); err != nil {
			return fmt.Errorf("file event %s: %w", e.ID, err)
		}
	}
	return nil
}

// members puts each article in its event (at the end of its members),
// unless a membership made by hand holds it and this one is not, and
// returns the events articles left.
func (fl *filer) members(ms []storyline.EventMember) (left []string, err error) {
	if len(ms) == 0 {
		return nil, nil
	}
	// where the articles are now, read at once and kept up to date
	type place struct {
		event  string
		manual bool
	}
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ArticleID
	}
	rows, err := fl.tx.QueryContext(fl.ctx, `SELECT article_id, event_id, manual FROM event_members WHERE article_id IN `+idSet, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("file events: %w", err)
	}
	now := map[string]place{}
	for rows.Next() {
		var id string
		var p place
		if err := rows.Scan(&id, &p.event, &p.manual); err != nil {
			rows.Close()
			return nil, fmt.Errorf("file events: %w", err)
		}
		now[id] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("file events: %w", err)
	}
	for _, m := range ms {
		if m.ArticleID == "" || m.EventID == "" {
			return nil, storyline.Errorf(storyline.EINVALID, "file events: a membership has no article or event ID (%q in %q)", m.ArticleID, m.EventID)
		}
		was, manual := now[m.ArticleID].event, now[m.ArticleID].manual
		if manual && !m.Manual {
			continue // placed by hand: stays
		}
		terms, _ := json.Marshal(nonNil(m.Terms))
		ents, _ := json.Marshal(nonNil(m.Entities))
		if was == m.EventID {
			err = fl.exec(`UPDATE event_members SET origin = ?, score = ?, terms = ?, entities = ?, manual = ?
				WHERE article_id = ?`, m.Origin, m.Score, string(terms), string(ents), m.Manual, m.ArticleID)
		} else {
			err = fl.exec(`INSERT INTO event_members (article_id, event_id, position, origin, score, terms, entities, manual)
				VALUES (?, ?, (SELECT coalesce(max(position) + 1, 0) FROM event_members WHERE event_id = ?), ?, ?, ?, ?, ?)
				ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, position = excluded.position,
					origin = excluded.origin, score = excluded.score, terms = excluded.terms,
					entities = excluded.entities, manual = excluded.manual`,
				m.ArticleID, m.EventID, m.EventID, m.Origin, m.Score, string(terms), string(ents), m.Manual)
		}
		if err != nil {
			return nil, fmt.Errorf("file article %s in event %s: %w", m.ArticleID, m.EventID, err)
		}
		now[m.ArticleID] = place{m.EventID, m.Manual}
		if was != "" && was != m.EventID {
			left = append(left, was)
		}
	}
	return left, nil
}

func (fl *filer) duplicates(ds []storyline.Duplicate) error {
	for _, d := range ds {
		if err := fl.exec(`UPDATE articles SET duplicate_of = ?, similarity = ? WHERE id = ?`,
			d.Of, d.Similarity, d.ArticleID); err != nil {
			return fmt.Errorf("mark %s as a copy of %s: %w", d.ArticleID, d.Of, err)
		}
	}
	return nil
}

// deleteEmptyEvents deletes those of the events that have no member left
// and returns the stories they were in.
func (fl *filer) deleteEmptyEvents(ids []string) ([]string, error) {
	var stories []string
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		var story string
		err := fl.queryRow(`DELETE FROM events WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM event_members WHERE event_id = ?) RETURNING story_id`, id, id).Scan(&story)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("delete emptied event %s: %w", id, err)
		}
		if story != "" {
			stories = append(stories, story)
		}
	}
	return stories, nil
}

// stories creates or updates the stories, their span widened to their
// stored events' dates.
func (fl *filer) stories(sts []*storyline.Story) error {
	for _, st := range sts {
		if st.ID == "" {
			return storyline.Errorf(storyline.EINVALID, "file events: a story has no ID")
		}
		first, last, err := fl.span(st.ID)
		if err != nil {
			return err
		}
		if first.IsZero() {
			first, last = st.First, st.Last
		}
		ents, _ := json.Marshal(nonNil(st.Entities))
		if err := fl.exec(`INSERT INTO stories (id, title, first, last, entities) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET title = CASE WHEN excluded.title = '' THEN stories.title ELSE excluded.title END,
				first = excluded.first, last = excluded.last, entities = excluded.entities`,
			st.ID, st.Title, first.String(), last.String(), string(ents)); err != nil {
			return fmt.Errorf("file story %s: %w", st.ID, err)
		}
	}
	return nil
}

// span is the first and last date of a story's stored events.
func (fl *filer) span(storyID string) (first, last storyline.Date, err error) {
	dates, err := stringsOf(fl.query(`SELECT date FROM events WHERE story_id = ? AND date != ''`, storyID))
	if err != nil {
		return first, last, fmt.Errorf("file story %s: %w", storyID, err)
	}
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
	return first, last, nil
}

// deleteEmptyStories deletes those of the stories no event names.
func (fl *filer) deleteEmptyStories(ids []string) error {
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if err := fl.exec(`DELETE FROM stories WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM events WHERE story_id = ?)`, id, id); err != nil {
			return fmt.Errorf("delete emptied story %s: %w", id, err)
		}
	}
	return nil
}
