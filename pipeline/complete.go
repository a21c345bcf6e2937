package pipeline

import (
	"context"
	"fmt"

	"github.com/storyline/storyline"
)

// Complete gives the stored articles that lack some of opt.Stages (an
// ingest was cut short, or a stage failed on them) the stages they lack,
// in the order they were stored, a batch at a time, then runs the
// Finishers: what "storyline reanalyse" does. The store must record
// stages (storyline.StageStore). The Summary counts the articles as read,
// already stored and completed.
func Complete(ctx context.Context, st storyline.ArticleStore, opt Options) (Summary, error) {
	ss, ok := st.(storyline.StageStore)
	if !ok || len(opt.Stages) == 0 {
		return Summary{}, storyline.Errorf(storyline.EINVALID, "complete stages: the store does not record which stages articles went through")
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = defaultWorkers()
	}
	w := newWriter(st, opt, workers)
	defer w.close()
	names := make([]string, len(opt.Stages))
	for i, s := range opt.Stages {
		names[i] = s.Name()
	}
	after := ""
	for {
		ids, err := ss.Unfinished(ctx, names, after, MaxBatch)
		if err != nil {
			return w.sum, err
		}
		if len(ids) == 0 {
			break
		}
		after = ids[len(ids)-1]
		list, err := st.Articles(ctx, storyline.ArticleFilter{IDs: ids})
		if err != nil {
			return w.sum, fmt.Errorf("complete stages: %w", err)
		}
		byID := make(map[string]*storyline.Article, len(list))
		for _, a := range list {
			byID[a.ID] = a
		}
		stored := make([]*storyline.Article, 0, len(ids))
		for _, id := range ids {
			if a := byID[id]; a != nil {
				stored = append(stored, a)
			}
		}
		w.sum.Read += len(stored)
		w.sum.AlreadyStored += len(stored)
		todo, err := w.unfinished(ctx, stored, nil)
		if err != nil {
			return w.sum, err
		}
		w.sum.Completed += len(todo)
		if err := w.queue(ctx, todo, 0); err != nil {
			return w.sum, err
		}
		if ctx.Err() != nil {
			return w.sum, context.Cause(ctx)
		}
	}
	if err := w.end(ctx); err != nil {
		return w.sum, err
	}
	return w.sum, nil
}
