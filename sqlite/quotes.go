package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// An article's quotes are stored together, as JSON []storyline.Quote in
// text order (article_quotes, migration 012); quote_index says which
// articles quote a speaker (index.go).

// storedQuotes reads the quotes stored of the article with that seq.
func (w *analysisWriter) storedQuotes(seq int64) ([]storyline.Quote, error) {
	var data string
	err := w.queryRow(`SELECT data FROM article_quotes WHERE seq = ?`, seq).Scan(&data)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var qs []storyline.Quote
	if err := json.Unmarshal([]byte(data), &qs); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return qs, nil
}

// Quotes lists quotes by article publication date, then article, then
// position. A Speaker filter matches the quotes of the entity it names
// (by ID, name or alias, as Entity finds it) and quotes whose speaker is
// written that way.
func (s *Store) Quotes(ctx context.Context, f storyline.QuoteFilter) ([]storyline.Quote, error) {
	var conds []string
	var args []any
	if f.ArticleID != "" {
		conds = append(conds, `a.id = ?`)
		args = append(args, f.ArticleID)
	}
	var folded, speaker string // the speaker's name folded, its entity
	if f.Speaker != "" {
		folded = entity.Fold(f.Speaker)
		e, err := s.Entity(ctx, f.Speaker)
		switch {
		case err == nil:
			speaker = e.ID
		case storyline.ErrorCode(err) != storyline.ENOTFOUND:
			return nil, err
		}
		conds = append(conds, `a.seq IN (SELECT rowid FROM quote_index WHERE quote_index MATCH ?)`)
		args = append(args, speakerMatch(folded, speaker))
	}
	where := ""
	if len(conds) > 0 {
		where = ` WHERE ` + strings.Join(conds, ` AND `)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT q.data FROM article_quotes q JOIN articles a ON a.seq = q.seq`+where+`
		ORDER BY a.published_first IS NULL, a.published_first, a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", err)
	}
	defer rows.Close()
	out := []storyline.Quote{}
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("list quotes: %w", err)
		}
		var qs []storyline.Quote
		if err := json.Unmarshal([]byte(data), &qs); err != nil {
			return nil, fmt.Errorf("list quotes: %w", err)
		}
		for _, q := range qs {
			if f.Speaker != "" && entity.Fold(q.Speaker) != folded && (speaker == "" || q.SpeakerEntity != speaker) {
				continue
			}
			out = append(out, q)
			if f.Limit > 0 && len(out) == f.Limit {
				return out, nil
			}
		}
	}
	return out, rows.Err()
}
