// Package web serves storyline's pages: server-rendered html/template
// pages with their stylesheet and one small script embedded, so the binary
// needs no network and no CDN. Article text is untrusted: the templates
// escape all of it, and no page carries inline script or style, so the
// Content-Security-Policy the server sends can forbid both.
package web

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/timeline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Site serves the pages of a store. Fill the fields, then call Handler.
type Site struct {
	Store storyline.Store
	// Timeline builds the timelines of story and entity pages; nil shows
	// a story's events only.
	Timeline httpapi.TimelineFunc
	// Stories lists the front page's stories (httpapi.Summarize when nil).
	Stories httpapi.SummarizeFunc
	Log     *slog.Logger // slog.Default() when nil
	// QueryBudget bounds the time a search may run
	// (httpapi.DefaultQueryBudget when 0); one that runs over is a 503.
	QueryBudget time.Duration
}

var pages = map[string]*template.Template{}

var funcs = template.FuncMap{
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	},
	"citeURL": func(c storyline.Citation) string {
		u := "/articles/" + url.PathEscape(c.ArticleID)
		if c.End > c.Start {
			u += fmt.Sprintf("?s=%d&e=%d#cited", c.Start, c.End)
		}
		return u
	},
	"articleURL": articleURL,
	"entityURL":  entityURL,
	"quoteURL": func(q storyline.Quote) string {
		return fmt.Sprintf("%s?s=%d&e=%d#cited", articleURL(q.ArticleID), q.Start, q.End)
	},
	"outletNames": outletNames,
	"byArticle":   timeline.ByArticle,
	"articles":    func(cs []storyline.Citation) int { return len(timeline.ByArticle(cs)) },
	"storyURL":    func(id string) string { return "/stories/" + url.PathEscape(id) },
	// webURL returns an http(s) URL for a link, or "" for anything else
	// (javascript:, data:, relative junk): those are shown as text only.
	"webURL":       storyline.WebURL,
	"outlet":       timeline.Outlet,
	"longDate":     timeline.LongDate,
	"citationDate": timeline.CitationDate,
	"estimate":     timeline.EstimateOf,
	"dateRange": func(a, b storyline.Date) string {
		if a == b || b.IsZero() {
			return timeline.LongDate(a)
		}
		return timeline.LongDate(a) + " – " + timeline.LongDate(b)
	},
	"clip": timeline.Clip,
}

func init() {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		if base == "layout.html" {
			continue
		}
		pages[strings.TrimSuffix(base, ".html")] = template.Must(
			template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n))
	}
}

func articleURL(id string) string { return "/articles/" + url.PathEscape(id) }

func entityURL(name string) string { return "/entities/" + url.PathEscape(name) }

// Handler returns the route table of the pages.
func (s *Site) Handler() http.Handler {
	if s.Log == nil {
		s.Log = slog.Default()
	}
	if s.Stories == nil {
		s.Stories = httpapi.Summarize
	}
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(static)
	mux.Handle("GET /static/{file}", http.StripPrefix("/static/", cacheFor(3600, files)))
	mux.HandleFunc("GET /{$}", s.page(s.front))
	mux.HandleFunc("GET /stories/{id}", s.page(s.story))
	mux.HandleFunc("GET /articles/{id}", s.page(s.article))
	mux.HandleFunc("GET /entities", s.page(s.entities))
	mux.HandleFunc("GET /entities/{name}", s.page(s.entity))
	mux.HandleFunc("GET /search", s.page(s.search))
	mux.HandleFunc("/", s.page(func(r *http.Request) (string, any, error) {
		return "", nil, storyline.Errorf(storyline.ENOTFOUND, "there is no page at %s", r.URL.Path)
	}))
	return mux
}

func cacheFor(seconds int, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(seconds))
		h.ServeHTTP(w, r)
	})
}

// view is what every page template gets.
type view struct {
	Title string
	Query string // the search box's text
	Data  any
}

// page adapts a function that picks a template and its data: the page is
// rendered to a buffer first so a template error is a clean 500, and an
// error is rendered as an error page with the status its code maps to.
func (s *Site) page(h func(r *http.Request) (string, any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name, data, err := h(r)
		status := http.StatusOK
		title := ""
		if t, ok := data.(titled); ok {
			title = t.title()
		}
		if err != nil {
			status = httpapi.StatusOf(err)
			if status >= 500 {
				s.Log.ErrorContext(r.Context(), "page failed", "path", r.URL.Path, "err", err)
			}
			name, title = "error", http.StatusText(status)
			data = errorPage{Status: status, Message: storyline.ErrorMessage(err)}
		}
		var buf bytes.Buffer
		v := view{Title: title, Query: r.URL.Query().Get("q"), Data: data}
		if err := pages[name].ExecuteTemplate(&buf, "layout", v); err != nil {
			s.Log.ErrorContext(r.Context(), "render page", "page", name, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write(buf.Bytes())
	}
}

type titled interface{ title() string }

type errorPage struct {
	Status  int
	Message string
}

type frontPage struct {
	Stories  []httpapi.StorySummary
	Tags     map[string][]entityLink // each story's key entities that are entities, by story ID
	Articles []*storyline.Article    // the first, by date, when there are no stories yet
	Total    int
}

func (frontPage) title() string { return "Stories" }

func (s *Site) front(r *http.Request) (string, any, error) {
	ctx := r.Context()
	sums, err := s.Stories(ctx, s.Store)
	if err != nil {
		return "", nil, err
	}
	p := frontPage{Stories: sums, Tags: map[string][]entityLink{}}
	names := newResolver(s.Store)
	for _, sum := range sums {
		tags, err := names.links(ctx, sum.Entities)
		if err != nil {
			return "", nil, err
		}
		p.Tags[sum.ID] = tags[:min(8, len(tags))]
	}
	if p.Total, err = s.Store.CountArticles(ctx, storyline.ArticleFilter{}); err != nil {
		return "", nil, fmt.Errorf("count articles: %w", err)
	}
	if len(sums) == 0 && p.Total > 0 {
		if p.Articles, err = s.Store.Articles(ctx, storyline.ArticleFilter{Limit: 100}); err != nil {
			return "", nil, fmt.Errorf("list articles: %w", err)
		}
	}
	return "front", p, nil
}

type storyPage struct {
	Story   *storyline.Story
	Summary httpapi.StorySummary
	Tags    []entityLink // the key entities that are entities
	Refs    map[string]articleRef
	timelineView
}

func (p storyPage) title() string { return p.Story.Title }

func (s *Site) story(r *http.Request) (string, any, error) {
	ctx := r.Context()
	if err := checkTimelineParams(r); err != nil {
		return "", nil, err
	}
	id := r.PathValue("id")
	st, err := s.Store.Story(ctx, id)
	if err != nil {
		return "", nil, fmt.Errorf("story %s: %w", id, err)
	}
	sum, err := httpapi.SummarizeStory(ctx, s.Store, st)
	if err != nil {
		return "", nil, err
	}
	p := storyPage{Story: st, Summary: sum}
	if p.Tags, err = newResolver(s.Store).links(ctx, st.Entities); err != nil {
		return "", nil, err
	}
	var ids []string
	for _, e := range st.Events {
		for _, m := range e.Members {
			ids = append(ids, m.ArticleID)
		}
	}
	if p.Refs, err = articleRefs(ctx, s.Store, ids); err != nil {
		return "", nil, fmt.Errorf("story %s: %w", id, err)
	}
	p.timelineView = s.timeline(ctx, r, httpapi.TimelineQuery{Story: st.ID})
	return "story", p, nil
}

type articlePage struct {
	*httpapi.ArticleDetail
	Paragraphs []Paragraph
	Cited      string
	Outlet     string
	Speakers   map[string]string // a quote's speaker -> its entity page, when it is an entity
}

func (p articlePage) title() string {
	if p.Title == "" {
		return "Article " + p.ID
	}
	return p.Title
}

func (s *Site) article(r *http.Request) (string, any, error) {
	d, err := httpapi.LoadArticle(r.Context(), s.Store, r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	q := r.URL.Query()
	cs, ce := 0, 0
	if q.Get("s") != "" || q.Get("e") != "" {
		cs, err = strconv.Atoi(q.Get("s"))
		if err == nil {
			ce, err = strconv.Atoi(q.Get("e"))
		}
		if err != nil || cs < 0 || ce <= cs || ce > len(d.Text) {
			return "", nil, storyline.Errorf(storyline.EINVALID, "the cited span s=%q e=%q is not a span of this article's text (0 to %d)", q.Get("s"), q.Get("e"), len(d.Text))
		}
	}
	an := &storyline.Analysis{Timexes: d.Timexes, Mentions: d.Mentions, Quotes: d.Quotes}
	p := articlePage{ArticleDetail: d, Paragraphs: Highlight(d.Text, Marks(an, cs, ce)), Outlet: refOf(d.Article).Outlet, Speakers: map[string]string{}}
	names := newResolver(s.Store)
	for _, q := range d.Quotes {
		if p.Speakers[q.Speaker], err = names.href(r.Context(), q.Speaker); err != nil {
			return "", nil, err
		}
	}
	if ce > cs {
		p.Cited = d.Text[cs:ce]
	}
	return "article", p, nil
}

type entitiesPage struct {
	Entities []*storyline.Entity
	Kind     string
}

func (entitiesPage) title() string { return "Entities" }

func (s *Site) entities(r *http.Request) (string, any, error) {
	kind := r.URL.Query().Get("kind")
	switch storyline.EntityKind(kind) {
	case "", storyline.Person, storyline.Org, storyline.Place:
	default:
		return "", nil, storyline.Errorf(storyline.EINVALID, "kind %q: want person, org or place", kind)
	}
	es, err := s.Store.Entities(r.Context(), storyline.EntityFilter{Kind: storyline.EntityKind(kind), Limit: 500})
	if err != nil {
		return "", nil, fmt.Errorf("list entities: %w", err)
	}
	return "entities", entitiesPage{Entities: es, Kind: kind}, nil
}

type entityPage struct {
	*httpapi.EntityDetail
	Refs map[string]articleRef // of the quotes
	timelineView
}

func (p entityPage) title() string { return p.Name }

func (s *Site) entity(r *http.Request) (string, any, error) {
	if err := checkTimelineParams(r); err != nil {
		return "", nil, err
	}
	d, err := httpapi.LoadEntity(r.Context(), s.Store, r.PathValue("name"), 200)
	if err != nil {
		return "", nil, err
	}
	p := entityPage{EntityDetail: d}
	var ids []string
	for _, q := range d.Quotes {
		ids = append(ids, q.ArticleID)
	}
	if p.Refs, err = articleRefs(r.Context(), s.Store, ids); err != nil {
		return "", nil, fmt.Errorf("quotes of %s: %w", d.Name, err)
	}
	p.timelineView = s.timeline(r.Context(), r, httpapi.TimelineQuery{Entity: d.Name})
	return "entity", p, nil
}

type searchPage struct {
	Query string
	Hits  []storyline.SearchHit
}

func (p searchPage) title() string {
	if p.Query == "" {
		return "Search"
	}
	return "Search: " + p.Query
}

func (s *Site) search(r *http.Request) (string, any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := searchPage{Query: q}
	if q == "" {
		return "search", p, nil
	}
	var hits []storyline.SearchHit
	err := httpapi.WithBudget(r.Context(), s.QueryBudget, func(ctx context.Context) (err error) {
		hits, err = s.Store.Search(ctx, q, 50)
		return err
	})
	if err != nil {
		return "", nil, fmt.Errorf("search %q: %w", q, err)
	}
	p.Hits = hits
	return "search", p, nil
}
