package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/storyline/storyline"
)

var _ storyline.StageStore = (*Store)(nil)

// MarkStage records that the articles have been through stage; articles
// not stored are skipped.
func (s *Store) MarkStage(ctx context.Context, stage string, articleIDs []string) error {
	if len(articleIDs) == 0 {
		return nil
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO article_stages (article_id, stage)
		SELECT id, $1 FROM articles WHERE id = ANY($2) ON CONFLICT DO NOTHING`, noNUL(stage), articleIDs); err != nil {
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
	rows, err := s.pool.Query(ctx, `SELECT article_id, stage FROM article_stages
		WHERE article_id = ANY($1) ORDER BY article_id, stage`, articleIDs)
	if err != nil {
		return nil, fmt.Errorf("read the stages of %d articles: %w", len(articleIDs), err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, stage string
		if err := rows.Scan(&id, &stage); err != nil {
			return nil, fmt.Errorf("read the stages of %d articles: %w", len(articleIDs), err)
		}
		out[id] = append(out[id], stage)
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
		err := s.pool.QueryRow(ctx, `SELECT seq FROM articles WHERE id = $1`, after).Scan(&from)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, storyline.Errorf(storyline.ENOTFOUND, "list unfinished articles: no article has the ID %q", after)
		}
		if err != nil {
			return nil, fmt.Errorf("list unfinished articles: %w", err)
		}
	}
	want := distinct(stages)
	ids, err := stringsQuery(ctx, s.pool, `SELECT a.id FROM articles a
		WHERE a.seq > $1 AND (SELECT count(*) FROM article_stages g
			WHERE g.article_id = a.id AND g.stage = ANY($2)) < $3
		ORDER BY a.seq LIMIT $4`, from, want, len(want), limit)
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
			out = append(out, noNUL(s))
		}
	}
	return out
}
