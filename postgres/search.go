package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/storyline/storyline"
)

// rankWeights are ts_rank's weights of D, C, B and A: the title (A) weighs
// four times the text (B), as in the SQLite store's BM25.
const rankWeights = `'{0.1, 0.1, 0.25, 1.0}'`

// headlineOptions make ts_headline mark matches as the SQLite store's
// snippet does: [matched] words, about 16 of them.
const headlineOptions = `StartSel=[, StopSel=], MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`

// Search finds articles whose title or text match the query, best first
// (ts_rank, the title weighing four times the text). The query is read by
// storyline.ParseSearch, as every store reads it (words, "phrases", OR,
// NOT, AND, brackets, prefix*), whose EINVALID errors it returns. A search
// still running when ctx is done is stopped.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]storyline.SearchHit, error) {
	expr, args, err := tsQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	args = append(args, limit)
	q := `WITH q AS (SELECT ` + expr + ` AS q),
	hits AS (
		SELECT a.id, ts_rank(` + rankWeights + `, a.search, q.q) AS rank
		FROM articles a, q WHERE a.search @@ q.q
		ORDER BY rank DESC, a.id LIMIT $` + strconv.Itoa(len(args)) + `)
	SELECT ` + prefixed("a.", articleColumns) + `,
		ts_headline('simple', a.text, q.q, '` + headlineOptions + `'),
		ts_headline('simple', a.title, q.q, '` + headlineOptions + `'),
		hits.rank
	FROM hits JOIN articles a ON a.id = hits.id, q
	ORDER BY hits.rank DESC, a.id`
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, searchError(query, err)
	}
	defer rows.Close()
	var hits []storyline.SearchHit
	for rows.Next() {
		var textMark, titleMark string
		var rank float32
		a, err := scanArticle(rows, &textMark, &titleMark, &rank)
		if err != nil {
			return nil, searchError(query, err)
		}
		hits = append(hits, storyline.SearchHit{Article: a, Snippet: snippet(a, textMark, titleMark), Score: float64(rank)})
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(query, err)
	}
	return hits, nil
}

// snippet is the headline of the title or the text, whichever marks more
// distinct matched words (the title on a tie, as SQLite's snippet picks
// the best column), with "…" where it cuts the text.
func snippet(a *storyline.Article, textMark, titleMark string) string {
	mark, whole := textMark, a.Text
	if n := marked(titleMark); n > 0 && n >= marked(textMark) {
		mark, whole = titleMark, a.Title
	}
	unmark := strings.NewReplacer("[", "", "]", "")
	plain := strings.TrimSpace(unmark.Replace(mark))
	if plain == "" {
		return mark
	}
	clean := strings.TrimSpace(unmark.Replace(whole))
	if !strings.HasPrefix(clean, plain) {
		mark = "…" + mark
	}
	if !strings.HasSuffix(clean, plain) {
		mark += "…"
	}
	return mark
}

// marked counts the distinct words a headline marks [like this].
func marked(h string) int {
	seen := map[string]bool{}
	for {
		i := strings.IndexByte(h, '[')
		if i < 0 {
			return len(seen)
		}
		j := strings.IndexByte(h[i:], ']')
		if j < 0 {
			return len(seen)
		}
		seen[strings.ToLower(h[i+1:i+j])] = true
		h = h[i+j+1:]
	}
}

func searchError(query string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "42601" || strings.Contains(pe.Message, "tsquery")) {
		return storyline.Errorf(storyline.EINVALID, "cannot search for %q: %s", query, pe.Message)
	}
	return fmt.Errorf("search %q: %w", query, err)
}

// tsQuery turns a user's query, read by storyline.ParseSearch (the
// syntax and the bounds every store shares), into an SQL expression of
// type tsquery with its parameters: each term becomes its words in a row
// (phraseQuery: split into words as the articles' search vectors were),
// the last a prefix for a prefix term. ParseSearch's errors are EINVALID.
func tsQuery(query string) (string, []any, error) {
	q, err := storyline.ParseSearch(query)
	if err != nil {
		return "", nil, err
	}
	var args []any
	return tsExpr(q, &args), args, nil
}

// tsExpr writes a parsed query as a tsquery expression, appending the
// terms to args.
func tsExpr(q *storyline.SearchQuery, args *[]any) string {
	switch q.Op {
	case storyline.SearchTerm:
		*args = append(*args, phraseQuery(q.Text, q.Prefix))
		return "$" + strconv.Itoa(len(*args)) + "::tsquery"
	case storyline.SearchNot:
		return "(" + tsExpr(q.Kids[0], args) + " && !!" + tsExpr(q.Kids[1], args) + ")"
	}
	op := " && "
	if q.Op == storyline.SearchOr {
		op = " || "
	}
	parts := make([]string, len(q.Kids))
	for i, k := range q.Kids {
		parts[i] = tsExpr(k, args)
	}
	return "(" + strings.Join(parts, op) + ")"
}

func prefixed(p, columns string) string {
	fields := strings.Split(columns, ",")
	for i, f := range fields {
		fields[i] = p + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}
