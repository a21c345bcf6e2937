package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/storyline/storyline"
)

var _ storyline.StageStore = (*Store)(nil)

// MarkStage records that the articles have been through stage, in one
// transaction; articles not stored are skipped.
func (s *Store) MarkStage(ctx context.Context, stage string, articleIDs []string) error {
	if len(articleIDs) == 0 {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `INSERT OR IGNORE INTO article_stages (seq, stage)
		SELECT seq, ? FROM articles WHERE id IN `+idSet+` ORDER BY seq`, stage, idList(articleIDs)); err != nil {
		return fmt.Errorf("record stage %s of %d articles: %w", stage, len(articleIDs), err)
	}
	return nil
}

// ArticleStages returns the stages each of articleIDs has been through, in
// one query.
func (s *Store) ArticleStages(ctx context.Context, articleIDs []string) (map[string][]string, error) {
	out := map[string][]string{}
	if len(articleIDs) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, g.stage FROM articles a JOIN article_stages g ON g.seq = a.seq
		WHERE a.id IN `+idSet+` ORDER BY a.id, g.stage`, idList(articleIDs))
	if err != nil {
		return nil, fmt.Errorf("read the stages of %d articles: %w", len(articleIDs), err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, stage string
		if err := rows.Scan(&id, &stage); err != nil {
			return nil, fmt.Errorf("read the stages of %d articles: %w", len(articleIDs), err)
		}
		if n := len(out[id]); n == 0 || out[id][n-1] != stage {
			out[id] = append(out[id], stage)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the stages of %d articles: %w", len(articleIDs), err)
	}
	return out, nil
}

// Unfinished lists, in the order stored, up to limit articles after the
// article after that lack one of stages.
func (s *Store) Unfinished(ctx context.Context, stages []string, after string, limit int) ([]string, error) {
	if len(stages) == 0 || limit <= 0 {
		return []string{}, nil
	}
	var from int64
	if after != "" {
		err := s.db.QueryRowContext(ctx, `SELECT seq FROM articles WHERE id = ?`, after).Scan(&from)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, storyline.Errorf(storyline.ENOTFOUND, "list unfinished articles: no article has the ID %q", after)
		}
		if err != nil {
			return nil, fmt.Errorf("list unfinished articles: %w", err)
		}
	}
	ids, err := stringsQuery(ctx, s.db, `SELECT a.id FROM articles a
		WHERE a.seq > ? AND (SELECT count(*) FROM article_stages g
			WHERE g.seq = a.seq AND g.stage IN `+idSet+`) < ?
		ORDER BY a.seq LIMIT ?`, from, idList(distinct(stages)), len(distinct(stages)), limit)
	if err != nil {
		return nil, fmt.Errorf("list unfinished articles: %w", err)
	}
	return nonNil(ids), nil
}

func distinct(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
