package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline/storyline"
)

var _ storyline.ArticleStore = (*Store)(nil)

const articleColumns = `id, origin, url, source, title, byline, published, published_from,
	dateline, language, text, raw, format, debris, repairs, duplicate_of, similarity, ingested_at,
	disputed, estimated, estimated_from, estimated_earliest, estimated_latest, estimated_confidence`

// articleMetaColumns are articleColumns without the bulky ones (text,
// raw, debris, repairs), for ArticleFilter.MetaOnly.
const articleMetaColumns = `id, origin, url, source, title, byline, published, published_from,
	dateline, language, format, duplicate_of, similarity, ingested_at,
	disputed, estimated, estimated_from, estimated_earliest, estimated_latest, estimated_confidence`

const insertArticle = `INSERT INTO articles (` + articleColumns + `, published_first, published_precision, search)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
		$19, $20, $21, $22, $23, $24, $25, $26, $27)
	ON CONFLICT (id) DO NOTHING`

// PutArticle stores a unless an article with its ID is stored already;
// created says which. A stored article is never changed.
func (s *Store) PutArticle(ctx context.Context, a *storyline.Article) (bool, error) {
	created, err := s.PutArticles(ctx, []*storyline.Article{a})
	if err != nil {
		return false, err
	}
	return created[0], nil
}

// PutArticles stores several articles in one transaction and one round
// trip, as PutArticle would one by one; created[i] says whether list[i] was
// new (of two with one ID, the first). EINVALID for an article without an
// ID or with a NUL character, which PostgreSQL's text cannot hold.
func (s *Store) PutArticles(ctx context.Context, list []*storyline.Article) ([]bool, error) {
	created := make([]bool, len(list))
	if len(list) == 0 {
		return created, nil
	}
	b := &pgx.Batch{}
	for _, a := range list {
		args, err := s.articleArgs(a)
		if err != nil {
			return nil, err
		}
		b.Queue(insertArticle, args...)
	}
	// A batch is one implicit transaction: one round trip, where BEGIN
	// and COMMIT would take two more.
	err := func() error {
		res := s.pool.SendBatch(ctx, b)
		defer res.Close()
		for i, a := range list {
			tag, err := res.Exec()
			if err != nil {
				return fmt.Errorf("store article %s: %w", a.ID, err)
			}
			created[i] = tag.RowsAffected() == 1
		}
		return res.Close()
	}()
	if err != nil {
		return nil, fmt.Errorf("store %d articles: %w", len(list), err)
	}
	return created, nil
}

// articleArgs are the values of insertArticle for a.
func (s *Store) articleArgs(a *storyline.Article) ([]any, error) {
	if a.ID == "" {
		return nil, storyline.Errorf(storyline.EINVALID, "article from %s has no ID", a.Origin)
	}
	for _, f := range []struct{ name, v string }{
		{"origin", a.Origin}, {"URL", a.URL}, {"source", a.Source}, {"title", a.Title},
		{"byline", a.Byline}, {"dateline", a.Dateline}, {"text", a.Text},
	} {
		if strings.IndexByte(f.v, 0) >= 0 {
			return nil, storyline.Errorf(storyline.EINVALID, "article %s from %s: its %s holds a NUL character", a.ID, a.Origin, f.name)
		}
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
		first = a.Published.Time()
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
		a.DuplicateOf, a.Similarity, nanos(at),
		noNUL(a.Disputed), a.Estimated.String(), noNUL(a.EstimatedFrom), a.EstimatedEarliest.String(), a.EstimatedLatest.String(), a.EstimatedConfidence,
		first, int(a.Published.Precision), searchVector(a.Title, a.Text)}, nil
}

// Article returns the article with that ID, or ENOTFOUND.
func (s *Store) Article(ctx context.Context, id string) (*storyline.Article, error) {
	row := s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id)
	a, err := scanArticle(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "no article has the ID %q", id)
	}
	if err != nil {
		return nil, fmt.Errorf("read article %s: %w", id, err)
	}
	return a, nil
}

// articleOrder lists articles by publication date, coarser dates first,
// undated last, then by ID.
const articleOrder = ` ORDER BY published_first NULLS LAST, published_precision, id`

// Articles lists the articles f selects by publication date, undated
// last, then by ID.
func (s *Store) Articles(ctx context.Context, f storyline.ArticleFilter) ([]*storyline.Article, error) {
	where, args := articleWhere(f)
	columns, scan := articleColumns, scanArticle
	if f.MetaOnly {
		columns, scan = articleMetaColumns, scanArticleMeta
	}
	q := `SELECT ` + columns + ` FROM articles` + where + articleOrder
	if f.Limit > 0 {
		args = append(args, f.Limit)
		q += ` LIMIT $` + strconv.Itoa(len(args))
	}
	if f.Offset > 0 {
		args = append(args, f.Offset)
		q += ` OFFSET $` + strconv.Itoa(len(args))
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []*storyline.Article
	for rows.Next() {
		a, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// CountArticles counts the articles f selects, ignoring Offset and Limit.
func (s *Store) CountArticles(ctx context.Context, f storyline.ArticleFilter) (int, error) {
	where, args := articleWhere(f)
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

func articleWhere(f storyline.ArticleFilter) (string, []any) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Source != "" {
		conds = append(conds, "lower(source) = lower("+arg(f.Source)+")")
	}
	if f.Language != "" {
		conds = append(conds, "language = "+arg(f.Language))
	}
	if !f.From.IsZero() {
		conds = append(conds, "published_first >= "+arg(f.From.Time()))
	}
	if !f.To.IsZero() {
		conds = append(conds, "published_first < "+arg(f.To.End()))
	}
	if f.IDs != nil {
		// One array parameter however many IDs.
		conds = append(conds, "id = ANY("+arg(f.IDs)+")")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// SetDuplicate marks id as a near-copy of the earlier article of, or
// returns ENOTFOUND if id is not stored.
func (s *Store) SetDuplicate(ctx context.Context, id, of string, similarity float64) error {
	tag, err := s.pool.Exec(ctx, `UPDATE articles SET duplicate_of = $1, similarity = $2 WHERE id = $3`, of, similarity, id)
	if err != nil {
		return fmt.Errorf("mark %s a duplicate of %s: %w", id, of, err)
	}
	if tag.RowsAffected() == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "no article has the ID %q", id)
	}
	return nil
}

// SetDating records what the text of article id says of its publication
// date, or returns ENOTFOUND if id is not stored.
func (s *Store) SetDating(ctx context.Context, id string, d storyline.Dating) error {
	return s.SetDatings(ctx, []storyline.ArticleDating{{ID: id, Dating: d}})
}

// SetDatings records several articles' datings in one transaction and
// one batch, or none of them when one article is not stored (ENOTFOUND).
func (s *Store) SetDatings(ctx context.Context, list []storyline.ArticleDating) error {
	if len(list) == 0 {
		return nil
	}
	b := &pgx.Batch{}
	for _, ad := range list {
		d := ad.Dating
		b.Queue(`UPDATE articles SET disputed = $1, estimated = $2, estimated_from = $3,
		estimated_earliest = $4, estimated_latest = $5, estimated_confidence = $6 WHERE id = $7`,
			noNUL(d.Disputed), d.Estimated.String(), noNUL(d.EstimatedFrom), d.EstimatedEarliest.String(), d.EstimatedLatest.String(), d.EstimatedConfidence, ad.ID)
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		res := tx.SendBatch(ctx, b)
		defer res.Close()
		for _, ad := range list {
			tag, err := res.Exec()
			if err != nil {
				return fmt.Errorf("record the dating of article %s: %w", ad.ID, err)
			}
			if tag.RowsAffected() == 0 {
				return storyline.Errorf(storyline.ENOTFOUND, "no article has the ID %q", ad.ID)
			}
		}
		return res.Close()
	})
}

// PutRejection records an input that could not be stored, once per
// origin, item and reason (the index rejections_once).
func (s *Store) PutRejection(ctx context.Context, r storyline.Rejection) error {
	at := r.At
	if at.IsZero() {
		at = s.Now()
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO rejections (origin, item, reason, at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (md5(origin || chr(31) || item || chr(31) || reason)) DO NOTHING`,
		noNUL(r.Origin), noNUL(r.Item), noNUL(r.Reason), nanos(at))
	if err != nil {
		return fmt.Errorf("record rejection of %s: %w", r.Origin, err)
	}
	return nil
}

// noNUL replaces NUL characters, which a rejection's reason may quote
// from a binary input, with U+FFFD.
func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", "\uFFFD") }

// Rejections lists the rejections by origin, then item (numbered items
// in their order: "line 9" before "line 10"), then reason, comparing
// bytes as SQLite does.
func (s *Store) Rejections(ctx context.Context) ([]storyline.Rejection, error) {
	rows, err := s.pool.Query(ctx, `SELECT origin, item, reason, at FROM rejections
		ORDER BY origin COLLATE "C", length(item), item COLLATE "C", reason COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("list rejections: %w", err)
	}
	defer rows.Close()
	var out []storyline.Rejection
	for rows.Next() {
		var r storyline.Rejection
		var at int64
		if err := rows.Scan(&r.Origin, &r.Item, &r.Reason, &at); err != nil {
			return nil, fmt.Errorf("list rejections: %w", err)
		}
		r.At = fromNanos(at)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list rejections: %w", err)
	}
	return out, nil
}

// scanArticle reads the articleColumns, then any extra columns into extra.
func scanArticle(sc pgx.Row, extra ...any) (*storyline.Article, error) {
	var a storyline.Article
	var published, from, debris, repairs string
	var at int64
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
	a.IngestedAt = fromNanos(at)
	return &a, nil
}

// scanArticleMeta reads the articleMetaColumns.
func scanArticleMeta(sc pgx.Row, _ ...any) (*storyline.Article, error) {
	var a storyline.Article
	var published, from string
	var at int64
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
	a.IngestedAt = fromNanos(at)
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

// dateArg is a storyline.Date as a date parameter, or NULL when unknown.
func dateArg(d storyline.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.Time().Format(time.DateOnly)
}
