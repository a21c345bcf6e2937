package httpapi

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

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
	var list []*storyline.Article
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
			list = append(list, h.Article)
		}
	}
	if len(ids) > 0 {
		var err error
		if list, err = st.Articles(ctx, storyline.ArticleFilter{IDs: ids}); err != nil {
			return nil, err
		}
	}
	stmts, err := statements(ctx, st, list)
	if err != nil {
		return nil, err
	}
	arts := make(map[string]*storyline.Article, len(list))
	for _, a := range list {
		arts[a.ID] = a
	}
	return timeline.Build(stmts, arts, opt), nil
}

// statements reads the stored statements of the articles, in their
// order, a few articles at a time; articles never analysed have none.
func statements(ctx context.Context, st storyline.Store, list []*storyline.Article) ([]storyline.Statement, error) {
	per := make([][]storyline.Statement, len(list))
	errs := make([]error, len(list))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(4, len(list)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(list) || ctx.Err() != nil {
					return
				}
				an, err := st.Analysis(ctx, list[i].ID)
				switch {
				case err == nil:
					per[i] = an.Statements
				case storyline.ErrorCode(err) != storyline.ENOTFOUND:
					errs[i] = fmt.Errorf("analysis of article %s: %w", list[i].ID, err)
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []storyline.Statement
	for i := range list {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, per[i]...)
	}
	return out, nil
}

// TimelineCache keeps the timelines a TimelineFunc built for a short
// while, so a story page that many readers open is built once, not once
// per reader. Clear empties it (after an ingest, say); entries also expire
// after TTL, which bounds how stale a timeline can be when another
// process writes to the store.
type TimelineCache struct {
	f    TimelineFunc
	ttl  time.Duration
	size int

	mu      sync.Mutex
	entries map[TimelineQuery]cached
	hits    uint64
	misses  uint64
}

type cached struct {
	tl      *storyline.Timeline
	expires time.Time
}

// NewTimelineCache caches f's timelines for ttl, at most size of them.
func NewTimelineCache(f TimelineFunc, ttl time.Duration, size int) *TimelineCache {
	return &TimelineCache{f: f, ttl: ttl, size: max(size, 1), entries: map[TimelineQuery]cached{}}
}

// Timeline is a TimelineFunc that answers from the cache when it can.
// Errors are not cached.
func (c *TimelineCache) Timeline(ctx context.Context, st storyline.Store, q TimelineQuery) (*storyline.Timeline, error) {
	now := time.Now()
	c.mu.Lock()
	if e, ok := c.entries[q]; ok && now.Before(e.expires) {
		c.hits++
		c.mu.Unlock()
		tl := *e.tl // callers may set fields; the entries stay shared and unchanged
		return &tl, nil
	}
	c.misses++
	c.mu.Unlock()
	tl, err := c.f(ctx, st, q)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.size {
		for k, e := range c.entries {
			if !now.Before(e.expires) {
				delete(c.entries, k)
			}
		}
		for k := range c.entries { // still full: drop one at random
			if len(c.entries) < c.size {
				break
			}
			delete(c.entries, k)
		}
	}
	c.entries[q] = cached{tl: tl, expires: now.Add(c.ttl)}
	out := *tl
	return &out, nil
}

// Clear empties the cache.
func (c *TimelineCache) Clear() {
	c.mu.Lock()
	clear(c.entries)
	c.mu.Unlock()
}

// Stats returns the hits and misses so far.
func (c *TimelineCache) Stats() (hits, misses uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}
