package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/storyline/storyline"
)

var _ storyline.ArticleStore = (*Store)(nil)

const articleColumns = `id, origin, url, source, title, byline, published, published_from,
	dateline, language, text, raw, format, debris, repairs, duplicate_of, similarity, ingested_at,
	disputed, estimated, estimated_from, estimated_earliest, estimated_latest, estimated_confidence`

// articleMetaColumns are articleColumns without the bulky ones (text,
// raw, debris, repairs), for ArticleFilter.MetaOnly; scanArticleMeta
// reads them.
const articleMetaColumns = `id, origin, url, source, title, byline, published, published_from,
	dateline, language, format, duplicate_of, similarity, ingested_at,
	disputed, estimated, estimated_from, estimated_earliest, estimated_latest, estimated_confidence`

// PutArticle stores a unless an article with its ID is stored already;
// created says which. A stored article is never changed.
func (s *Store) PutArticle(ctx context.Context, a *storyline.Article) (bool, error) {
	created, err := s.PutArticles(ctx, []*storyline.Article{a})
	if err != nil {
		return false, err
	}
	return created[0], nil
}

const insertArticle = `INSERT INTO articles (` + articleColumns + `, published_first, published_precision)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO NOTHING`

// indexArticles adds the articles whose rowids (seq) run from the first
// to the second parameter to the full-text index, in one statement (see
// migration 009), reading them in rowid order.
const indexArticles = `INSERT INTO articles_fts (rowid, title, text)
	SELECT seq, title, text FROM articles WHERE seq BETWEEN ? AND ? ORDER BY seq`

// indexArticlesByID adds the articles of a list of IDs (idList) to the
// full-text index, for rows whose rowids are not one run.
const indexArticlesByID = `INSERT INTO articles_fts (rowid, title, text)
	SELECT seq, title, text FROM articles WHERE id IN ` + idSet + ` ORDER BY seq`

// PutArticles stores several articles in one transaction, as PutArticle
// would one by one; created[i] says whether list[i] was new. Ingest uses
// it to store faster.
func (s *Store) PutArticles(ctx context.Context, list []*storyline.Article) ([]bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, insertArticle)
	if err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	defer stmt.Close()
	created := make([]bool, len(list))
	var fresh []string
	var first, last int64 // the rowids of the first and last new rows
	run := true           // and whether each new row's is the one after the last's
	for i, a := range list {
		args, err := s.articleArgs(a)
		if err != nil {
			return nil, err
		}
		res, err := stmt.ExecContext(ctx, args...)
		if err != nil {
			return nil, fmt.Errorf("store article %s: %w", a.ID, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("store article %s: %w", a.ID, err)
		}
		created[i] = n == 1
		if created[i] {
			seq, err := res.LastInsertId()
			if err != nil {
				return nil, fmt.Errorf("store article %s: its rowid: %w", a.ID, err)
			}
			if len(fresh) == 0 {
				first = seq
			} else if seq != last+1 {
				run = false
			}
			last = seq
			fresh = append(fresh, a.ID)
		}
	}
	if len(fresh) > 0 {
		// A new row takes the rowid after the largest, so the batch's
		// new rows are one run of rowids, which the index reads in
		// order; should SQLite have had to pick rowids at random (past
		// the largest rowid there is), they are looked up by ID.
		index, args := indexArticles, []any{first, last}
		if !run {
			index, args = indexArticlesByID, []any{idList(fresh)}
		}
		if _, err := tx.ExecContext(ctx, index, args...); err != nil {
			return nil, fmt.Errorf("store articles: index their text: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	return created, nil
}

// articleArgs are the values of insertArticle for a.
func (s *Store) articleArgs(a *storyline.Article) ([]any, error) {
	if a.ID == "" {
		return nil, storyline.Errorf(storyline.EINVALID, "article from %s has no ID", a.Origin)
	}
	debris, err := json.Marshal(nonNil(a.Debris))
	if err != nil {
		return nil, err
	}
	repairs, err := json.Marshal(nonNil(a.Repairs))
	if err != nil {
		return nil, err
	}
	var first any
	if !a.Published.IsZero() {
		first = a.Published.Time().Format(time.DateOnly)
	}
	at := a.IngestedAt
	if at.IsZero() {
		at = s.Now()
	}
	raw := a.Raw
	if raw == nil {
		raw = []byte{}
	}
	return []any{a.ID, a.Origin, a.URL, a.Source, a.Title, a.Byline, a.Published.String(), string(a.PublishedFrom),
		a.Dateline, a.Language, a.Text, raw, a.Format, string(debris), string(repairs),
		a.DuplicateOf, a.Similarity, at.UTC().Format(time.RFC3339Nano),
		a.Disputed, a.Estimated.String(), a.EstimatedFrom, a.EstimatedEarliest.String(), a.EstimatedLatest.String(), a.EstimatedConfidence,
		first, int(a.Published.Precision)}, nil
}

// Article returns the article with that ID, or ENOTFOUND.
func (s *Store) Article(ctx context.Context, id string) (*storyline.Article, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "no article has the ID %q", id)
	}
	return a, err
}

// Articles lists the articles f selects by publication date, undated
// last, then by ID.
func (s *Store) Articles(ctx context.Context, f storyline.ArticleFilter) ([]*storyline.Article, error) {
	where, args := articleWhere(f)
	columns, table := articleColumns, ` FROM articles`
	if f.MetaOnly {
		columns = articleMetaColumns
		if f.IDs != nil {
			// Looked up in the index that holds every column read, not
			// in the table, whose rows keep some of them behind the
			// overflow pages of the text and raw bytes. Without statistics
			// SQLite would take the primary key's index instead.
			table = ` FROM articles INDEXED BY articles_meta`
		}
	}
	q := `SELECT ` + columns + table + where +
		` ORDER BY published_first IS NULL, published_first, published_precision, id`
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += ` LIMIT ? OFFSET ?`
		args = append(args, limit, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []*storyline.Article
	scan := scanArticle
	if f.MetaOnly {
		scan = scanArticleMeta
	}
	for rows.Next() {
		a, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CountArticles counts the articles f selects, ignoring Offset and Limit.
func (s *Store) CountArticles(ctx context.Context, f storyline.ArticleFilter) (int, error) {
	where, args := articleWhere(f)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`+where, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

func articleWhere(f storyline.ArticleFilter) (string, []any) {
	var conds []string
	var args []any
	if f.Source != "" {
		conds = append(conds, "source = ? COLLATE NOCASE")
		args = append(args, f.Source)
	}
	if f.Language != "" {
		conds = append(conds, "language = ?")
		args = append(args, f.Language)
	}
	if !f.From.IsZero() {
		conds = append(conds, "published_first >= ?")
		args = append(args, f.From.Time().Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		conds = append(conds, "published_first < ?")
		args = append(args, f.To.End().Format(time.DateOnly))
	}
	if f.IDs != nil {
		// One parameter however many IDs: no limit on their number.
		conds = append(conds, "id IN "+idSet)
		args = append(args, idList(f.IDs))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Search finds articles whose title or text match the query, best first
// (BM25, the title weighing more). The query is read by
// storyline.ParseSearch (words, "phrases", OR, NOT, brackets, prefix*),
// whose EINVALID errors it returns. A search still running when ctx is
// done is interrupted.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]storyline.SearchHit, error) {
	q, err := storyline.ParseSearch(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+prefixed("a.", articleColumns)+`,
			snippet(articles_fts, -1, '[', ']', '…', 16), bm25(articles_fts, 4.0, 1.0)
		FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?
		ORDER BY bm25(articles_fts, 4.0, 1.0), a.id
		LIMIT ?`, fts5(q), limit)
	if err != nil {
		return nil, searchError(ctx, query, err)
	}
	defer rows.Close()
	var hits []storyline.SearchHit
	for rows.Next() {
		var h storyline.SearchHit
		var rank float64
		a, err := scanArticle(rows, &h.Snippet, &rank)
		if err != nil {
			return nil, searchError(ctx, query, err)
		}
		h.Article, h.Score = a, -rank
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(ctx, query, err)
	}
	return hits, nil
}

func searchError(ctx context.Context, query string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("search %q: %w", query, ctx.Err())
	}
	return fmt.Errorf("search %q: %w", query, err)
}

// fts5 writes a parsed query in FTS5's syntax: each term a quoted string
// (so punctuation in it never breaks the syntax; the tokenizer splits it
// into a phrase), each group in brackets with its operator spelled out.
func fts5(q *storyline.SearchQuery) string {
	switch q.Op {
	case storyline.SearchTerm:
		s := `"` + strings.ReplaceAll(q.Text, `"`, `""`) + `"`
		if q.Prefix {
			s += "*"
		}
		return s
	case storyline.SearchNot:
		return "(" + fts5(q.Kids[0]) + " NOT " + fts5(q.Kids[1]) + ")"
	}
	op := " AND "
	if q.Op == storyline.SearchOr {
		op = " OR "
	}
	parts := make([]string, len(q.Kids))
	for i, k := range q.Kids {
		parts[i] = fts5(k)
	}
	return "(" + strings.Join(parts, op) + ")"
}

// SetDuplicate marks id as a near-copy of the earlier article of, or
// returns ENOTFOUND if id is not stored.
func (s *Store) SetDuplicate(ctx context.Context, id, of string, similarity float64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE articles SET duplicate_of = ?, similarity = ? WHERE id = ?`, of, similarity, id)
	if err != nil {
		return fmt.Errorf("mark %s a duplicate of %s: %w", id, of, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "no article has the ID %q", id)
	}
	return nil
}

// SetDating records what the text of article id says of its publication
// date, or returns ENOTFOUND if id is not stored.
func (s *Store) SetDating(ctx context.Context, id string, d storyline.Dating) error {
	ad := storyline.ArticleDating{ID: id, Dating: d}
	res, err := s.db.ExecContext(ctx, setDatingSQL, datingArgs(ad)...)
	return datingSet(ad, res, err)
}

// SetDatings records several articles' datings in one transaction with
// one statement, or none of them when one article is not stored
// (ENOTFOUND).
func (s *Store) SetDatings(ctx context.Context, list []storyline.ArticleDating) error {
	if len(list) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record the dating of %d articles: %w", len(list), err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, setDatingSQL)
	if err != nil {
		return fmt.Errorf("record the dating of %d articles: %w", len(list), err)
	}
	defer stmt.Close()
	for _, ad := range list {
		res, err := stmt.ExecContext(ctx, datingArgs(ad)...)
		if err := datingSet(ad, res, err); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record the dating of %d articles: %w", len(list), err)
	}
	return nil
}

// setDatingSQL records one article's dating, with the arguments
// datingArgs gives.
const setDatingSQL = `UPDATE articles SET disputed = ?, estimated = ?, estimated_from = ?,
		estimated_earliest = ?, estimated_latest = ?, estimated_confidence = ? WHERE id = ?`

func datingArgs(ad storyline.ArticleDating) []any {
	d := ad.Dating
	return []any{d.Disputed, d.Estimated.String(), d.EstimatedFrom, d.EstimatedEarliest.String(),
		d.EstimatedLatest.String(), d.EstimatedConfidence, ad.ID}
}

// datingSet is the error of a setDatingSQL statement: its own, or
// ENOTFOUND when it found no article to date.
func datingSet(ad storyline.ArticleDating, res sql.Result, err error) error {
	if err != nil {
		return fmt.Errorf("record the dating of article %s: %w", ad.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "no article has the ID %q", ad.ID)
	}
	return nil
}

// PutRejection records an input that could not be stored, once per
// origin, item and reason (the index rejections_once).
func (s *Store) PutRejection(ctx context.Context, r storyline.Rejection) error {
	at := r.At
	if at.IsZero() {
		at = s.Now()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO rejections (origin, item, reason, at) VALUES (?, ?, ?, ?)
		ON CONFLICT (origin, item, reason) DO NOTHING`,
		r.Origin, r.Item, r.Reason, at.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return fmt.Errorf("record rejection of %s: %w", r.Origin, err)
	}
	return nil
}

// Rejections lists the rejections by origin, then item (numbered items
// in their order: "line 9" before "line 10"), then reason.
func (s *Store) Rejections(ctx context.Context) ([]storyline.Rejection, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT origin, item, reason, at FROM rejections
		ORDER BY origin, length(item), item, reason`)
	if err != nil {
		return nil, fmt.Errorf("list rejections: %w", err)
	}
	defer rows.Close()
	var out []storyline.Rejection
	for rows.Next() {
		var r storyline.Rejection
		var at string
		if err := rows.Scan(&r.Origin, &r.Item, &r.Reason, &at); err != nil {
			return nil, err
		}
		if r.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("rejection of %s: bad time %q: %w", r.Origin, at, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(dest ...any) error }

// scanArticle reads the articleColumns, then any extra columns into extra.
func scanArticle(sc scanner, extra ...any) (*storyline.Article, error) {
	var a storyline.Article
	var published, from, debris, repairs, at string
	var dating datingColumns
	dest := append(append([]any{&a.ID, &a.Origin, &a.URL, &a.Source, &a.Title, &a.Byline, &published, &from,
		&a.Dateline, &a.Language, &a.Text, &a.Raw, &a.Format, &debris, &repairs, &a.DuplicateOf,
		&a.Similarity, &at}, dating.dest(&a)...), extra...)
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	if a.Published, err = storyline.ParseDate(published); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if err := dating.read(&a); err != nil {
		return nil, err
	}
	a.PublishedFrom = storyline.DateSource(from)
	if err := json.Unmarshal([]byte(debris), &a.Debris); err != nil {
		return nil, fmt.Errorf("article %s: debris: %w", a.ID, err)
	}
	if err := json.Unmarshal([]byte(repairs), &a.Repairs); err != nil {
		return nil, fmt.Errorf("article %s: repairs: %w", a.ID, err)
	}
	if a.IngestedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return nil, fmt.Errorf("article %s: bad ingest time %q: %w", a.ID, at, err)
	}
	return &a, nil
}

// idSet is an SQL set of the IDs in one parameter, which idList writes:
// "x IN "+idSet selects the rows whose x is one of them, looked up by x's
// index, with no limit on their number (where "IN (?, ?, ...)" stops at
// SQLite's limit on parameters).
const idSet = `(SELECT value FROM json_each(?))`

// idList is the parameter of idSet.
func idList(ids []string) string {
	b, _ := json.Marshal(nonNil(ids)) // strings always marshal
	return string(b)
}

// scanArticleMeta reads the articleMetaColumns.
func scanArticleMeta(sc scanner, _ ...any) (*storyline.Article, error) {
	var a storyline.Article
	var published, from, at string
	var dating datingColumns
	if err := sc.Scan(append([]any{&a.ID, &a.Origin, &a.URL, &a.Source, &a.Title, &a.Byline, &published, &from,
		&a.Dateline, &a.Language, &a.Format, &a.DuplicateOf, &a.Similarity, &at}, dating.dest(&a)...)...); err != nil {
		return nil, err
	}
	var err error
	if a.Published, err = storyline.ParseDate(published); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if err := dating.read(&a); err != nil {
		return nil, err
	}
	a.PublishedFrom = storyline.DateSource(from)
	if a.IngestedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return nil, fmt.Errorf("article %s: bad ingest time %q: %w", a.ID, at, err)
	}
	return &a, nil
}

// datingColumns are the columns of storyline.Dating as stored: the
// dates as text.
type datingColumns struct{ estimated, earliest, latest string }

// dest lists where the columns are scanned, in the order of the columns.
func (c *datingColumns) dest(a *storyline.Article) []any {
	return []any{&a.Disputed, &c.estimated, &a.EstimatedFrom, &c.earliest, &c.latest, &a.EstimatedConfidence}
}

// read parses the scanned dates into a.
func (c *datingColumns) read(a *storyline.Article) error {
	for _, f := range []struct {
		s string
		d *storyline.Date
	}{{c.estimated, &a.Estimated}, {c.earliest, &a.EstimatedEarliest}, {c.latest, &a.EstimatedLatest}} {
		d, err := storyline.ParseDate(f.s)
		if err != nil {
			return fmt.Errorf("article %s: estimate: %w", a.ID, err)
		}
		*f.d = d
	}
	return nil
}

func prefixed(p, columns string) string {
	fields := strings.Split(columns, ",")
	for i, f := range fields {
		fields[i] = p + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
