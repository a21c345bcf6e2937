package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/web"
)

// serveOptions are the flags of storyline serve.
type serveOptions struct {
	addr    string
	token   string
	maxBody int64
	logJSON bool
	// cacheTTL keeps built timelines this long (0 builds every time).
	cacheTTL time.Duration
	// queryBudget bounds a search's time (httpapi.DefaultQueryBudget when 0).
	queryBudget time.Duration
}

func (a *app) serveCmd() *cobra.Command {
	o := serveOptions{cacheTTL: 10 * time.Second}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API and the web pages",
		Long: `Serve the stored articles, stories, entities and timelines as a JSON API
(documented at /api/openapi.json) and as web pages, with /healthz and
/metrics. The server listens on 127.0.0.1:8080 unless --addr says otherwise
and stops gracefully on SIGINT or SIGTERM.

POST /api/articles ingests articles and needs the bearer token given by
--token or $STORYLINE_TOKEN; without one, writes are refused.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.token == "" {
				o.token = os.Getenv("STORYLINE_TOKEN")
			}
			ctx := cmd.Context()
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			return a.serve(ctx, st, o, nil)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	f.StringVar(&o.token, "token", "", "bearer token for writes (default $STORYLINE_TOKEN; none refuses writes)")
	f.Int64Var(&o.maxBody, "max-body", httpapi.DefaultMaxBody, "largest request body accepted, in bytes")
	f.BoolVar(&o.logJSON, "log-json", false, "write logs as JSON lines instead of text")
	f.DurationVar(&o.cacheTTL, "cache-ttl", o.cacheTTL, "keep each built timeline this long (0 rebuilds it on every request)")
	f.DurationVar(&o.queryBudget, "query-budget", httpapi.DefaultQueryBudget, "stop a search (API, page, timeline of a query) that runs longer, answering 503")
	return cmd
}

// serve runs the server over st until ctx is done. It prints the address
// it listens on to a.stdout, then calls ready (if not nil) with it.
func (a *app) serve(ctx context.Context, st storyline.Store, o serveOptions, ready func(addr string)) error {
	var h slog.Handler = slog.NewTextHandler(a.stderr, nil)
	if o.logJSON {
		h = slog.NewJSONHandler(a.stderr, nil)
	}
	log := slog.New(h)
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server running there? choose another with --addr)", o.addr, err)
	}
	// POST /api/articles runs the same stages as storyline ingest.
	ingest := httpapi.PipelineIngest(a.pipelineOptions(st))
	tl, stories, clear := httpapi.TimelineFunc(httpapi.StoreTimeline), httpapi.SummarizeFunc(httpapi.Summarize), func() {}
	metrics := httpapi.NewMetrics()
	if o.cacheTTL > 0 {
		tc, sc := httpapi.NewTimelineCache(tl, o.cacheTTL, 256), httpapi.NewSummaryCache(o.cacheTTL)
		tl, stories, clear = tc.Timeline, sc.Summarize, func() { tc.Clear(); sc.Clear() }
		metrics.Func("storyline_timeline_cache_hits_total", "Timelines answered from the cache.", "counter",
			func() float64 { h, _ := tc.Stats(); return float64(h) })
		metrics.Func("storyline_timeline_cache_misses_total", "Timelines built because the cache did not have them.", "counter",
			func() float64 { _, m := tc.Stats(); return float64(m) })
	}
	site := &web.Site{Store: st, Timeline: tl, Stories: stories, Log: log, QueryBudget: o.queryBudget}
	srv := &httpapi.Server{
		Store: st, Token: o.token, Timeline: tl, Stories: stories, Ingest: ingest, Ingested: clear,
		Pages: site.Handler(), MaxBody: o.maxBody, Log: log, Metrics: metrics, QueryBudget: o.queryBudget,
	}
	hs := httpapi.NewHTTPServer(o.addr, srv.Handler(), log)
	addr := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(a.stdout, "storyline: serving on %s (Ctrl-C to stop)\n", addr)
	if o.token == "" {
		fmt.Fprintln(a.stdout, "storyline: no --token or STORYLINE_TOKEN: POST /api/articles is refused")
	}
	log.Info("serving", "addr", addr, "writes", o.token != "")
	if ready != nil {
		ready(addr)
	}
	if err := httpapi.Serve(ctx, hs, ln, 10*time.Second); err != nil {
		return fmt.Errorf("serve on %s: %w", o.addr, err)
	}
	log.Info("stopped")
	return nil
}

// demoServe serves the demo database until Ctrl-C, on o.addr or, when
// that is taken, on a free port.
func (a *app) demoServe(ctx context.Context, st storyline.Store, o serveOptions) error {
	o.cacheTTL = 10 * time.Second
	if ln, err := net.Listen("tcp", o.addr); err != nil {
		o.addr = "127.0.0.1:0"
	} else {
		ln.Close()
	}
	return a.serve(ctx, st, o, nil)
}
