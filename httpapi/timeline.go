package httpapi

import (
	"context"
	"fmt"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timeline"
)

var _ TimelineFunc = StoreTimeline

// StoreTimeline is a TimelineFunc: it builds a timeline with
// timeline.Build from the statements stored for the articles of a story,
// of an entity (ranked by their focus on it), or found by a search.
// ENOTFOUND for an unknown story or entity.
func StoreTimeline(ctx context.Context, st storyline.Store, q TimelineQuery) (*storyline.Timeline, error) {
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
