// Package httpapi serves storyline's JSON API (documented by the OpenAPI
// file at /api/openapi.json), /healthz and /metrics, and mounts the web
// pages, all behind one middleware chain: security headers, panic
// recovery, structured logs and metrics.
package httpapi

import (
	"context"
	_ "embed"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/storyline/storyline"
)

// DefaultMaxBody is the default limit on a request body: 16 MiB, room for
// a JSONL batch of a few thousand articles.
const DefaultMaxBody = 16 << 20

// TimelineQuery selects what a timeline tells: one of Entity, Story or
// Query, optionally bounded by dates and cut to Limit entries; without a
// Limit, the concise view unless All is set.
type TimelineQuery struct {
	Entity, Story, Query string
	From, To             storyline.Date
	// Limit is the number of entries to keep, the most important; 0
	// means the concise view (timeline.ConciseLimit) unless All is set.
	Limit int
	// All keeps every happening.
	All bool
	// Granularity is "day", "month", "year" or "" (as the entries come).
	Granularity string
}

// TimelineFunc builds a timeline from the store. It returns ENOTFOUND for
// an unknown entity or story and EINVALID for a query it cannot run.
type TimelineFunc func(ctx context.Context, st storyline.Store, q TimelineQuery) (*storyline.Timeline, error)

// IngestSummary is what an ingest did with each item of a body.
type IngestSummary struct {
	Read     int                   `json:"read"`
	New      int                   `json:"new"`
	Stored   int                   `json:"already_stored"`
	Rejected []storyline.Rejection `json:"rejected"`
	IDs      []string              `json:"ids"` // the IDs of the new articles
}

// IngestFunc reads articles as JSON Lines from body (one JSON object per
// line), cleans, analyses and stores them. origin names the input in
// rejections. Items it cannot use are listed in the summary, not returned
// as errors; an error means the ingest as a whole failed.
type IngestFunc func(ctx context.Context, st storyline.Store, body io.Reader, origin string) (*IngestSummary, error)

// Server is the HTTP face of a store. Fill the fields, then call Handler.
type Server struct {
	Store storyline.Store
	// Token is the bearer token that POST /api/articles needs. Empty
	// refuses every write.
	Token string
	// Timeline builds /api/timeline answers; nil answers 501.
	Timeline TimelineFunc
	// Stories lists GET /api/stories (Summarize when nil).
	Stories SummarizeFunc
	// Ingest runs POST /api/articles; nil answers 501.
	Ingest IngestFunc
	// Ingested, if set, is called after an ingest stored new articles
	// (to clear a TimelineCache, say).
	Ingested func()
	// Pages serves everything outside /api/, /healthz and /metrics (the
	// web pages); nil answers 404 there.
	Pages http.Handler
	// MaxBody limits request bodies (DefaultMaxBody when 0).
	MaxBody int64
	// QueryBudget bounds the time a search or a timeline of a query may
	// run (DefaultQueryBudget when 0); one that runs over is answered 503.
	QueryBudget time.Duration
	Log         *slog.Logger // slog.Default() when nil
	Metrics     *Metrics     // a fresh set when nil
}

// EMETHOD is the code of a method the path does not serve.
const EMETHOD = "method_not_allowed"

func init() { statusOf[EMETHOD] = http.StatusMethodNotAllowed }

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte { return openAPI }

// Handler returns the server's handler: the route table behind the
// middleware.
func (s *Server) Handler() http.Handler {
	if s.Log == nil {
		s.Log = slog.Default()
	}
	if s.Metrics == nil {
		s.Metrics = NewMetrics()
	}
	if s.MaxBody == 0 {
		s.MaxBody = DefaultMaxBody
	}
	if s.Stories == nil {
		s.Stories = Summarize
	}
	mux := http.NewServeMux()
	s.routes(mux)
	return instrument(mux, s.Log, s.Metrics)
}

// routes is the route table.
func (s *Server) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /metrics", s.Metrics)
	mux.HandleFunc("GET /api/openapi.json", s.openapi)

	mux.HandleFunc("GET /api/articles", s.api(s.listArticles))
	mux.HandleFunc("POST /api/articles", s.api(s.postArticles))
	mux.HandleFunc("GET /api/articles/{id}", s.api(s.getArticle))
	mux.HandleFunc("GET /api/stories", s.api(s.listStories))
	mux.HandleFunc("GET /api/stories/{id}", s.api(s.getStory))
	mux.HandleFunc("GET /api/events/{id}", s.api(s.getEvent))
	mux.HandleFunc("GET /api/timeline", s.api(s.getTimeline))
	mux.HandleFunc("GET /api/entities", s.api(s.listEntities))
	mux.HandleFunc("GET /api/entities/{name}", s.api(s.getEntity))
	mux.HandleFunc("GET /api/quotes", s.api(s.listQuotes))
	mux.HandleFunc("GET /api/search", s.api(s.search))
	mux.HandleFunc("/api/", s.api(func(w http.ResponseWriter, r *http.Request) error {
		// The path may be served for other methods: that is a 405.
		var allow []string
		for _, m := range []string{"GET", "POST"} {
			r2 := r.Clone(r.Context())
			r2.Method = m
			if _, pat := mux.Handler(r2); pat != "/api/" && pat != "" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			return storyline.Errorf(EMETHOD, "method %s not allowed on %s; allowed: %s", r.Method, r.URL.Path, strings.Join(allow, ", "))
		}
		return storyline.Errorf(storyline.ENOTFOUND, "no API endpoint %s %s; see /api/openapi.json", r.Method, r.URL.Path)
	}))

	if s.Pages != nil {
		mux.Handle("/", s.Pages)
	}
}

// api adapts a handler that returns an error: the error is written as
// JSON with the status its code maps to.
func (s *Server) api(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			writeError(w, r, s.Log, err)
		}
	}
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.Store.CountArticles(ctx, storyline.ArticleFilter{Limit: 1}); err != nil {
		s.Log.ErrorContext(r.Context(), "health check: store", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "store": "not answering"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

// NewHTTPServer returns an *http.Server for h on addr with timeouts set,
// so a slow or stalled client cannot hold a connection for ever.
func NewHTTPServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	if log == nil {
		log = slog.Default()
	}
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// Serve runs srv on ln until ctx is done, then shuts it down gracefully,
// giving in-flight requests up to grace to finish.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener, grace time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && err != http.ErrServerClosed {
		return err
	}
	return nil
}
