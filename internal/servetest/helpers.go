package servetest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/timeline"
)

// Ingest runs the ingest pipeline without analysis stages.
var Ingest = httpapi.PipelineIngest(pipeline.Options{Workers: 1})

// Timeline builds a timeline from the statements stored for the articles
// of a story, of an entity, or found by a search, with timeline.Build.
func Timeline(ctx context.Context, st storyline.Store, q httpapi.TimelineQuery) (*storyline.Timeline, error) {
	var ids []string
	opt := timeline.Options{From: q.From, To: q.To, Limit: q.Limit}
	switch q.Granularity {
	case "day":
		opt.Granularity = storyline.PrecisionDay
	case "month":
		opt.Granularity = storyline.PrecisionMonth
	case "year":
		opt.Granularity = storyline.PrecisionYear
	}
	switch {
	case q.Story != "":
		s, err := st.Story(ctx, q.Story)
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", q.Story, err)
		}
		opt.Title = s.Title
		for _, e := range s.Events {
			for _, m := range e.Members {
				ids = append(ids, m.ArticleID)
			}
		}
	case q.Entity != "":
		e, err := st.Entity(ctx, q.Entity)
		if err != nil {
			return nil, fmt.Errorf("entity %q: %w", q.Entity, err)
		}
		opt.Title, opt.Focus = e.Name, append([]string{e.Name}, e.Aliases...)
		if ids, err = st.EntityArticles(ctx, e.ID); err != nil {
			return nil, err
		}
	default:
		hits, err := st.Search(ctx, q.Query, 200)
		if err != nil {
			return nil, err
		}
		opt.Title = q.Query
		for _, h := range hits {
			ids = append(ids, h.Article.ID)
		}
	}
	arts := map[string]*storyline.Article{}
	var stmts []storyline.Statement
	if len(ids) > 0 {
		list, err := st.Articles(ctx, storyline.ArticleFilter{IDs: ids})
		if err != nil {
			return nil, err
		}
		for _, a := range list {
			arts[a.ID] = a
			an, err := st.Analysis(ctx, a.ID)
			if storyline.ErrorCode(err) == storyline.ENOTFOUND {
				continue
			}
			if err != nil {
				return nil, err
			}
			stmts = append(stmts, an.Statements...)
		}
	}
	return timeline.Build(stmts, arts, opt), nil
}

// Logger returns a logger that writes to the test's log.
func Logger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSuffix(string(b), "\n"))
	return len(b), nil
}

var _ io.Writer = testWriter{}
