package httpapi

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/storyline/storyline"
)

// ArticleList is the answer of GET /api/articles.
type ArticleList struct {
	Articles []*storyline.Article `json:"articles"`
	Total    int                  `json:"total"`
	Offset   int                  `json:"offset"`
	Limit    int                  `json:"limit"`
}

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) error {
	p := readParams(r.URL, "source", "language", "from", "to", "limit", "offset")
	f := storyline.ArticleFilter{
		Source:   p.str("source"),
		Language: p.str("language"),
		From:     p.date("from"),
		To:       p.date("to"),
		Limit:    p.int("limit", 50, 1, MaxLimit),
		Offset:   p.int("offset", 0, 0, 1<<30),
	}
	p.dateRange(f.From, f.To)
	if p.err != nil {
		return p.err
	}
	arts, err := s.Store.Articles(r.Context(), f)
	if err != nil {
		return fmt.Errorf("list articles: %w", err)
	}
	total, err := s.Store.CountArticles(r.Context(), f)
	if err != nil {
		return fmt.Errorf("count articles: %w", err)
	}
	if arts == nil {
		arts = []*storyline.Article{}
	}
	writeJSON(w, http.StatusOK, ArticleList{Articles: arts, Total: total, Offset: f.Offset, Limit: f.Limit})
	return nil
}

// ArticleDetail is the answer of GET /api/articles/{id}: the article with
// what the extractors found in it, as spans of its text.
type ArticleDetail struct {
	*storyline.Article
	Timexes    []storyline.Timex     `json:"timexes"`
	Mentions   []storyline.Mention   `json:"mentions"`
	Quotes     []storyline.Quote     `json:"quotes"`
	Statements []storyline.Statement `json:"statements"`
	Analysed   bool                  `json:"analysed"`
	Event      string                `json:"event,omitempty"`
}

// LoadArticle reads an article with its analysis and event. An article
// never analysed has empty span lists and Analysed false.
func LoadArticle(ctx context.Context, st storyline.Store, id string) (*ArticleDetail, error) {
	a, err := st.Article(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	d := &ArticleDetail{Article: a}
	an, err := st.Analysis(ctx, id)
	switch {
	case err == nil:
		d.Analysed = true
		d.Timexes, d.Mentions, d.Quotes, d.Statements = an.Timexes, an.Mentions, an.Quotes, an.Statements
	case storyline.ErrorCode(err) != storyline.ENOTFOUND:
		return nil, fmt.Errorf("analysis of article %s: %w", id, err)
	}
	if d.Event, err = st.ArticleEvent(ctx, id); err != nil {
		return nil, fmt.Errorf("event of article %s: %w", id, err)
	}
	d.Timexes = nonNil(d.Timexes)
	d.Mentions = nonNil(d.Mentions)
	d.Quotes = nonNil(d.Quotes)
	d.Statements = nonNil(d.Statements)
	return d, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) error {
	if err := readParams(r.URL).err; err != nil {
		return err
	}
	d, err := LoadArticle(r.Context(), s.Store, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// StorySummary is one story as the front page and GET /api/stories show
// it: its span of dates, its latest event and how many outlets cover it.
type StorySummary struct {
	ID       string           `json:"id"`
	Title    string           `json:"title"`
	First    storyline.Date   `json:"first"`
	Last     storyline.Date   `json:"last"`
	Entities []string         `json:"entities"`
	Events   int              `json:"events"`
	Articles int              `json:"articles"`
	Outlets  int              `json:"outlets"` // distinct sources among non-duplicate articles
	Sources  []string         `json:"sources"`
	Latest   *storyline.Event `json:"latest,omitempty"`
}

// SummarizeFunc lists the story summaries of a store.
type SummarizeFunc func(ctx context.Context, st storyline.Store) ([]StorySummary, error)

var _ SummarizeFunc = Summarize

// Summarize reads every story with its events and articles and returns
// their summaries, latest story first.
func Summarize(ctx context.Context, st storyline.Store) ([]StorySummary, error) {
	stories, err := st.Stories(ctx)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	out := make([]StorySummary, 0, len(stories))
	for _, story := range stories {
		if story.Events == nil {
			full, err := st.Story(ctx, story.ID)
			if err != nil {
				return nil, fmt.Errorf("story %s: %w", story.ID, err)
			}
			story = full
		}
		sum, err := SummarizeStory(ctx, st, story)
		if err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	sortSummaries(out)
	return out, nil
}

// SummarizeStory summarizes one story read with its events.
func SummarizeStory(ctx context.Context, st storyline.Store, story *storyline.Story) (StorySummary, error) {
	sum := StorySummary{
		ID: story.ID, Title: story.Title, First: story.First, Last: story.Last,
		Entities: nonNil(story.Entities), Events: len(story.Events), Sources: []string{},
	}
	var ids []string
	for _, e := range story.Events {
		if sum.Latest == nil || e.Date.Compare(sum.Latest.Date) >= 0 {
			sum.Latest = e
		}
		for _, m := range e.Members {
			ids = append(ids, m.ArticleID)
		}
	}
	sum.Articles = len(ids)
	if len(ids) > 0 {
		arts, err := st.Articles(ctx, storyline.ArticleFilter{IDs: ids, MetaOnly: true})
		if err != nil {
			return sum, fmt.Errorf("articles of story %s: %w", story.ID, err)
		}
		// An article without a source counts as an outlet of its own
		// (unnamed), once.
		seen := map[string]bool{}
		for _, a := range arts {
			key := strings.ToLower(a.Source)
			if a.DuplicateOf != "" || seen[key] {
				continue
			}
			seen[key] = true
			if a.Source != "" {
				sum.Sources = append(sum.Sources, a.Source)
			}
		}
		sum.Outlets = len(seen)
	}
	if sum.Latest != nil {
		// The summary shows the latest event, not its member list.
		e := *sum.Latest
		e.Members = nil
		sum.Latest = &e
	}
	return sum, nil
}

// sortSummaries puts the stories with the latest last date first.
func sortSummaries(s []StorySummary) {
	slices.SortStableFunc(s, func(a, b StorySummary) int {
		if c := b.Last.Compare(a.Last); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) error {
	if err := readParams(r.URL).err; err != nil {
		return err
	}
	sums, err := s.Stories(r.Context(), s.Store)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"stories": sums})
	return nil
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) error {
	if err := readParams(r.URL).err; err != nil {
		return err
	}
	id := r.PathValue("id")
	story, err := s.Store.Story(r.Context(), id)
	if err != nil {
		return fmt.Errorf("story %s: %w", id, err)
	}
	if story.Events == nil {
		story.Events = []*storyline.Event{}
	}
	writeJSON(w, http.StatusOK, story)
	return nil
}

func (s *Server) getEvent(w http.ResponseWriter, r *http.Request) error {
	if err := readParams(r.URL).err; err != nil {
		return err
	}
	id := r.PathValue("id")
	e, err := s.Store.Event(r.Context(), id)
	if err != nil {
		return fmt.Errorf("event %s: %w", id, err)
	}
	writeJSON(w, http.StatusOK, e)
	return nil
}

// ParseTimelineQuery reads entity|story|q, from, to, limit, all and
// granularity; exactly one of entity, story and q is needed.
func ParseTimelineQuery(r *http.Request) (TimelineQuery, error) {
	p := readParams(r.URL, "entity", "story", "q", "from", "to", "limit", "all", "granularity")
	q := TimelineQuery{
		Entity:      p.str("entity"),
		Story:       p.str("story"),
		Query:       p.str("q"),
		From:        p.date("from"),
		To:          p.date("to"),
		Limit:       p.int("limit", 0, 1, MaxLimit),
		All:         p.bool("all"),
		Granularity: p.oneOf("granularity", "day", "month", "year"),
	}
	p.dateRange(q.From, q.To)
	n := 0
	for _, v := range []string{q.Entity, q.Story, q.Query} {
		if v != "" {
			n++
		}
	}
	if n != 1 {
		p.fail(storyline.Errorf(storyline.EINVALID, "give exactly one of entity, story or q (got %d)", n))
	}
	return q, p.err
}

func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) error {
	q, err := ParseTimelineQuery(r)
	if err != nil {
		return err
	}
	if s.Timeline == nil {
		return storyline.Errorf(EUNAVAILABLE, "this server was built without timelines")
	}
	var tl *storyline.Timeline
	build := func(ctx context.Context) (err error) {
		tl, err = s.Timeline(ctx, s.Store, q)
		return err
	}
	if q.Query != "" {
		err = WithBudget(r.Context(), s.QueryBudget, build)
	} else {
		err = build(r.Context())
	}
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	if tl.Entries == nil {
		tl.Entries = []storyline.Entry{}
	}
	writeJSON(w, http.StatusOK, tl)
	return nil
}

// EUNAVAILABLE is the code of a feature this server was started without.
const EUNAVAILABLE = "unavailable"

func init() { statusOf[EUNAVAILABLE] = http.StatusNotImplemented }

func (s *Server) listEntities(w http.ResponseWriter, r *http.Request) error {
	p := readParams(r.URL, "kind", "limit")
	f := storyline.EntityFilter{
		Kind:  storyline.EntityKind(p.oneOf("kind", string(storyline.Person), string(storyline.Org), string(storyline.Place))),
		Limit: p.int("limit", 100, 1, MaxLimit),
	}
	if p.err != nil {
		return p.err
	}
	es, err := s.Store.Entities(r.Context(), f)
	if err != nil {
		return fmt.Errorf("list entities: %w", err)
	}
	writeJSON(w, http.StatusOK, map[string]any{"entities": nonNil(es)})
	return nil
}

// EntityDetail is the answer of GET /api/entities/{name}.
type EntityDetail struct {
	*storyline.Entity
	ArticleIDs []string          `json:"article_ids"`
	Quotes     []storyline.Quote `json:"quotes"`
}

// LoadEntity finds an entity by ID, name or alias with its articles and
// quotes. ENOTFOUND when none matches.
func LoadEntity(ctx context.Context, st storyline.Store, name string, quotes int) (*EntityDetail, error) {
	e, err := st.Entity(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	d := &EntityDetail{Entity: e}
	if d.ArticleIDs, err = st.EntityArticles(ctx, e.ID); err != nil {
		return nil, fmt.Errorf("articles of entity %s: %w", e.Name, err)
	}
	if d.Quotes, err = st.Quotes(ctx, storyline.QuoteFilter{Speaker: e.Name, Limit: quotes}); err != nil {
		return nil, fmt.Errorf("quotes of entity %s: %w", e.Name, err)
	}
	d.ArticleIDs, d.Quotes = nonNil(d.ArticleIDs), nonNil(d.Quotes)
	d.Aliases, d.Roles = nonNil(d.Aliases), nonNil(d.Roles)
	return d, nil
}

func (s *Server) getEntity(w http.ResponseWriter, r *http.Request) error {
	p := readParams(r.URL, "quotes")
	n := p.int("quotes", 100, 0, MaxLimit)
	if p.err != nil {
		return p.err
	}
	d, err := LoadEntity(r.Context(), s.Store, r.PathValue("name"), n)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) error {
	p := readParams(r.URL, "speaker", "article", "limit")
	f := storyline.QuoteFilter{
		Speaker:   p.str("speaker"),
		ArticleID: p.str("article"),
		Limit:     p.int("limit", 100, 1, MaxLimit),
	}
	if p.err != nil {
		return p.err
	}
	qs, err := s.Store.Quotes(r.Context(), f)
	if err != nil {
		return fmt.Errorf("list quotes: %w", err)
	}
	writeJSON(w, http.StatusOK, map[string]any{"quotes": nonNil(qs)})
	return nil
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	p := readParams(r.URL, "q", "limit")
	q := p.str("q")
	limit := p.int("limit", 20, 1, MaxLimit)
	if q == "" {
		p.fail(storyline.Errorf(storyline.EINVALID, "parameter q is needed: the words to search for"))
	}
	if p.err != nil {
		return p.err
	}
	var hits []storyline.SearchHit
	err := WithBudget(r.Context(), s.QueryBudget, func(ctx context.Context) (err error) {
		hits, err = s.Store.Search(ctx, q, limit)
		return err
	})
	if err != nil {
		return fmt.Errorf("search %q: %w", q, err)
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "hits": nonNil(hits)})
	return nil
}

// authorize checks the bearer token of a write.
func (s *Server) authorize(r *http.Request) error {
	if s.Token == "" {
		return storyline.Errorf(storyline.EFORBIDDEN, "writes are disabled: start the server with --token or STORYLINE_TOKEN set")
	}
	// The scheme is case-insensitive (RFC 9110): "bearer" is "Bearer".
	scheme, got, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(got) == "" {
		return storyline.Errorf(storyline.EUNAUTHORIZED, "this request needs the header Authorization: Bearer <token>")
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.Token)) != 1 {
		return storyline.Errorf(storyline.EUNAUTHORIZED, "wrong bearer token")
	}
	return nil
}

func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	if err := readParams(r.URL).err; err != nil {
		return err
	}
	if s.Ingest == nil {
		return storyline.Errorf(EUNAVAILABLE, "this server was built without ingest")
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.MaxBody)
	body, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return err
	case err != nil:
		// The client sent a body that cannot be read: a malformed chunked
		// encoding, a connection cut mid-body.
		return storyline.Errorf(storyline.EINVALID, "the request body could not be read: %v", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return storyline.Errorf(storyline.EINVALID, "empty body: send one article as a JSON object, or JSON Lines")
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/json", "":
		// One article (or an array of them), possibly pretty-printed: the
		// ingest reads JSON Lines, so write one object per line.
		if mt == "" && !looksLikeOneValue(body) {
			break // JSON Lines without a content type
		}
		if body, err = toJSONLines(body); err != nil {
			return err
		}
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
	default:
		return storyline.Errorf(EUNSUPPORTED, "content type %q: send application/json (one article) or application/x-ndjson (JSON Lines)", mt)
	}
	sum, err := s.Ingest(r.Context(), s.Store, bytes.NewReader(body), "POST /api/articles")
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	sum.Rejected, sum.IDs = nonNil(sum.Rejected), nonNil(sum.IDs)
	if sum.New > 0 && s.Ingested != nil {
		s.Ingested()
	}
	s.Metrics.ObserveIngest("new", sum.New)
	s.Metrics.ObserveIngest("stored", sum.Stored)
	s.Metrics.ObserveIngest("rejected", len(sum.Rejected))
	status := http.StatusOK
	if sum.New > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, sum)
	return nil
}

// EUNSUPPORTED is the code of a request body in a format the API does not read.
const EUNSUPPORTED = "unsupported_media_type"

func init() { statusOf[EUNSUPPORTED] = http.StatusUnsupportedMediaType }

// looksLikeOneValue reports whether body is a single JSON value (and
// not JSON Lines of several).
func looksLikeOneValue(body []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(body))
	var v json.RawMessage
	if dec.Decode(&v) != nil {
		return false
	}
	_, err := dec.Token()
	return errors.Is(err, io.EOF)
}

// toJSONLines turns a JSON object, or an array of objects, into JSON
// Lines.
func toJSONLines(body []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, storyline.Errorf(storyline.EINVALID, "request body is not JSON: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, storyline.Errorf(storyline.EINVALID, "request body has more than one JSON value: send JSON Lines as application/x-ndjson")
	}
	var items []any
	switch v := v.(type) {
	case map[string]any:
		items = []any{v}
	case []any:
		items = v
	default:
		return nil, storyline.Errorf(storyline.EINVALID, "request body is a JSON %T: send an article as a JSON object", v)
	}
	var out bytes.Buffer
	for i, it := range items {
		if _, ok := it.(map[string]any); !ok {
			return nil, storyline.Errorf(storyline.EINVALID, "item %d of the array is not a JSON object", i+1)
		}
		b, err := json.Marshal(it)
		if err != nil {
			return nil, storyline.Errorf(storyline.EINVALID, "item %d: %v", i+1, err)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}
