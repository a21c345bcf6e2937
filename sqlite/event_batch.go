package sqlite

import (
	"context"
	"fmt"

	"github.com/storyline/storyline"
)

// ArticleEvents returns the event IDs of the articles among articleIDs
// that belong to an event, keyed by article ID, in one query.
func (s *Store) ArticleEvents(ctx context.Context, articleIDs []string) (map[string]string, error) {
	out := map[string]string{}
	if len(articleIDs) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, event_id FROM event_members WHERE article_id IN `+idSet, idList(articleIDs))
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

// EventOutlines is EventOutline for many events at once: the outlines
// of the events among ids, by date as Events lists them, in one query
// for their rows and one for their members. Unknown IDs are left out.
func (s *Store) EventOutlines(ctx context.Context, ids []string) ([]*storyline.Event, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return s.readEvents(ctx, false, ` WHERE id IN `+idSet, idList(ids))
}
