package httpapi

import (
	"context"
	"sync"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timeline"
)

var _ TimelineFunc = StoreTimeline

// StoreTimeline is a TimelineFunc: timeline.Load, the function behind
// "storyline timeline", so the API and the pages tell the same timelines
// as the command line. ENOTFOUND for an unknown story or entity.
func StoreTimeline(ctx context.Context, st storyline.Store, q TimelineQuery) (*storyline.Timeline, error) {
	opt := timeline.Options{From: q.From, To: q.To, Limit: q.Limit}
	switch q.Granularity {
	case "day":
		opt.Granularity = storyline.PrecisionDay
	case "month":
		opt.Granularity = storyline.PrecisionMonth
	case "year":
		opt.Granularity = storyline.PrecisionYear
	}
	return timeline.Load(ctx, st, timeline.Query{Entity: q.Entity, Story: q.Story, Text: q.Query, Options: opt})
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
