package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
)

func TestTimelineCache(t *testing.T) {
	calls := 0
	f := func(ctx context.Context, st storyline.Store, q httpapi.TimelineQuery) (*storyline.Timeline, error) {
		calls++
		if q.Story == "missing" {
			return nil, storyline.Errorf(storyline.ENOTFOUND, "no story")
		}
		return &storyline.Timeline{Title: q.Story, Entries: []storyline.Entry{{Text: q.Story}}}, nil
	}
	c := httpapi.NewTimelineCache(f, 1<<40, 2)
	ctx := context.Background()
	get := func(story string) *storyline.Timeline {
		t.Helper()
		tl, err := c.Timeline(ctx, nil, httpapi.TimelineQuery{Story: story})
		if err != nil {
			t.Fatalf("story %s: %v", story, err)
		}
		return tl
	}
	a1 := get("a")
	a1.Title = "changed by a caller"
	if a2 := get("a"); a2.Title != "a" || calls != 1 {
		t.Errorf("second read: title %q after %d builds; want the cached %q after 1", a2.Title, calls, "a")
	}
	get("b")
	get("c") // over the size of 2: a, the oldest, goes
	if hits, misses := c.Stats(); hits != 1 || misses != 3 {
		t.Errorf("stats %d hits %d misses, want 1 and 3", hits, misses)
	}
	before := calls
	get("b")
	get("c")
	if calls != before {
		t.Errorf("reading b and c, the two newest, built %d timelines, want 0", calls-before)
	}
	get("a")
	if calls != before+1 {
		t.Errorf("reading a, the evicted oldest, built %d timelines, want 1", calls-before)
	}
	c.Clear()
	before = calls
	get("c")
	if calls != before+1 {
		t.Error("Clear kept a timeline")
	}
	for range 2 {
		if _, err := c.Timeline(ctx, nil, httpapi.TimelineQuery{Story: "missing"}); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Fatalf("missing story: %v", err)
		}
	}
	if calls != before+3 {
		t.Error("an error was cached")
	}
}

// An ingest through the API clears the cache, so a new article shows in
// the next timeline.
func TestIngestClearsTimelineCache(t *testing.T) {
	cache := httpapi.NewTimelineCache(httpapi.StoreTimeline, 1<<40, 16)
	e := newEnv(t, func(s *httpapi.Server) { s.Timeline, s.Ingested = cache.Timeline, cache.Clear })
	q := "/api/timeline?q=ambassador"
	e.get(q)
	e.get(q)
	if hits, _ := cache.Stats(); hits != 1 {
		t.Fatalf("%d cache hits, want 1", hits)
	}
	body := `{"source":"Wire Three","title":"Envoy returns","published":"2021-06-20","text":"The ambassador flew back to Washington on Sunday after three months away."}`
	r := e.do("POST", "/api/articles", strings.NewReader(body), "Authorization", "Bearer s3cret", "Content-Type", "application/json")
	if r.status != http.StatusCreated {
		t.Fatalf("ingest: %d %s", r.status, r.body)
	}
	e.get(q)
	if hits, misses := cache.Stats(); hits != 1 || misses != 2 {
		t.Errorf("after an ingest: %d hits %d misses, want the timeline rebuilt (1, 2)", hits, misses)
	}
}

func TestSummaryCache(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	sc := httpapi.NewSummaryCache(1 << 40)
	count := func() int {
		t.Helper()
		sums, err := sc.Summarize(ctx, e.st)
		if err != nil {
			t.Fatal(err)
		}
		return len(sums)
	}
	if n := count(); n != 1 {
		t.Fatalf("%d stories, want 1", n)
	}
	ev := &storyline.Event{ID: "event-later", StoryID: "story-later", Date: storyline.Day(2024, 3, 11), Title: "Later",
		Members: []storyline.Membership{{ArticleID: e.fx.Shifts.ID}}}
	if err := e.st.PutEvent(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if err := e.st.PutStory(ctx, &storyline.Story{ID: "story-later", Title: "Later", Events: []*storyline.Event{ev}}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Errorf("cached: %d stories, want the 1 read before", n)
	}
	sc.Clear()
	if n := count(); n != 2 {
		t.Errorf("after Clear: %d stories, want 2", n)
	}
	if hits, misses := sc.Stats(); hits != 1 || misses != 2 {
		t.Errorf("stats %d hits %d misses, want 1 and 2", hits, misses)
	}
}
