package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/codec"
)

// An article's quotes are stored together, in text order, as one value
// (article_quotes, migration 012): codec.EncodeQuotes since migration
// 014, JSON []storyline.Quote before; quote_index says which articles
// quote a speaker (index.go).

// readQuotes reads a stored article_quotes value of either form.
func readQuotes(data []byte) ([]storyline.Quote, error) {
	if codec.IsQuotes(data) {
		return codec.DecodeQuotes(data)
	}
	var qs []storyline.Quote
	if err := json.Unmarshal(data, &qs); err != nil {
		return nil, err
	}
	return qs, nil
}

// storedQuotes reads the quotes stored of the article with that seq.
func (w *analysisWriter) storedQuotes(seq int64) ([]storyline.Quote, error) {
	var data []byte
	err := w.queryRow(`SELECT data FROM article_quotes WHERE seq = ?`, seq).Scan(&data)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	qs, err := readQuotes(data)
	if err != nil {
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
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("list quotes: %w", err)
		}
		qs, err := readQuotes(data)
		if err != nil {
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
