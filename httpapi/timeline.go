package httpapi

import (
	"context"
	"slices"
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
	return timeline.Load(ctx, st, timeline.Query{Entity: q.Entity, Story: q.Story, Text: q.Query, All: q.All, Options: opt})
}

// TimelineCache keeps the timelines a TimelineFunc built for a short
// while, so a story page that many readers open is built once, not once
// per reader. Clear empties it (after an ingest, say); entries also expire
// after TTL, which bounds how stale a timeline can be when another
// process writes to the store.
type TimelineCache struct {
	f TimelineFunc
	c *ttlCache[TimelineQuery, *storyline.Timeline]
}

// NewTimelineCache caches f's timelines for ttl, at most size of them.
func NewTimelineCache(f TimelineFunc, ttl time.Duration, size int) *TimelineCache {
	return &TimelineCache{f: f, c: newTTLCache[TimelineQuery, *storyline.Timeline](ttl, size)}
}

// Timeline is a TimelineFunc that answers from the cache when it can.
// Errors are not cached.
func (c *TimelineCache) Timeline(ctx context.Context, st storyline.Store, q TimelineQuery) (*storyline.Timeline, error) {
	tl, err := c.c.get(q, func() (*storyline.Timeline, error) { return c.f(ctx, st, q) })
	if err != nil {
		return nil, err
	}
	out := *tl // callers may set fields; the cached timeline stays unchanged
	return &out, nil
}

// Clear empties the cache.
func (c *TimelineCache) Clear() { c.c.clear() }

// Stats returns the hits and misses so far.
func (c *TimelineCache) Stats() (hits, misses uint64) { return c.c.stats() }

// SummaryCache keeps the story summaries of the front page and GET
// /api/stories for a short while: they read every story's articles.
type SummaryCache struct {
	c *ttlCache[struct{}, []StorySummary]
}

// NewSummaryCache caches Summarize's answer for ttl.
func NewSummaryCache(ttl time.Duration) *SummaryCache {
	return &SummaryCache{c: newTTLCache[struct{}, []StorySummary](ttl, 1)}
}

// Summarize is a SummarizeFunc that answers from the cache when it can.
func (c *SummaryCache) Summarize(ctx context.Context, st storyline.Store) ([]StorySummary, error) {
	sums, err := c.c.get(struct{}{}, func() ([]StorySummary, error) { return Summarize(ctx, st) })
	return slices.Clone(sums), err
}

// Clear empties the cache.
func (c *SummaryCache) Clear() { c.c.clear() }

// Stats returns the hits and misses so far.
func (c *SummaryCache) Stats() (hits, misses uint64) { return c.c.stats() }

// ttlCache keeps values for ttl, at most size of them; when full, the
// oldest goes first.
type ttlCache[K comparable, V any] struct {
	ttl  time.Duration
	size int

	mu      sync.Mutex
	entries map[K]ttlEntry[V]
	hits    uint64
	misses  uint64
	seq     uint64 // insertions so far
}

type ttlEntry[V any] struct {
	v       V
	expires time.Time
	seq     uint64 // when it was inserted: the oldest goes first when full
}

func newTTLCache[K comparable, V any](ttl time.Duration, size int) *ttlCache[K, V] {
	return &ttlCache[K, V]{ttl: ttl, size: max(size, 1), entries: map[K]ttlEntry[V]{}}
}

// get returns the cached value of k, or builds, keeps and returns it.
// Errors are not kept.
func (c *ttlCache[K, V]) get(k K, build func() (V, error)) (V, error) {
	now := time.Now()
	c.mu.Lock()
	if e, ok := c.entries[k]; ok && now.Before(e.expires) {
		c.hits++
		c.mu.Unlock()
		return e.v, nil
	}
	c.misses++
	c.mu.Unlock()
	v, err := build()
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.size {
		for k, e := range c.entries {
			if !now.Before(e.expires) {
				delete(c.entries, k)
			}
		}
		for len(c.entries) >= c.size { // still full: drop the oldest
			var oldest K
			first := true
			for k, e := range c.entries {
				if first || e.seq < c.entries[oldest].seq {
					oldest, first = k, false
				}
			}
			delete(c.entries, oldest)
		}
	}
	c.seq++
	c.entries[k] = ttlEntry[V]{v: v, expires: now.Add(c.ttl), seq: c.seq}
	return v, nil
}

func (c *ttlCache[K, V]) clear() {
	c.mu.Lock()
	clear(c.entries)
	c.mu.Unlock()
}

func (c *ttlCache[K, V]) stats() (hits, misses uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}
