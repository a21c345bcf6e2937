package httpapi_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
)

// TestSearchBounds sends the queries a careless or hostile client sends:
// each is refused before it runs, with a 400 a person can act on, or works.
func TestSearchBounds(t *testing.T) {
	e := newEnv(t)
	long := strings.Repeat("ambassador consultations Washington Moscow ", 500) // 2,000 words
	tests := []struct {
		q      string
		status int
		says   string
	}{
		{"\x00", 400, "NUL byte"},
		{"consultations\x00", 400, "NUL byte"},
		{"\x1b[2J", 400, "control character"},
		{long, 400, "the limit is 1000"},
		{strings.Repeat("consultations ", 65), 400, "65 words; the limit is 64"},
		{"NOT consultations", 400, "NOT needs words before it"},
		{"ambassador (Russia", 200, ""},
		{"consultations (Moscow)", 200, ""},
		{"(consultations OR summit) NOT shifts", 200, ""},
	}
	for _, tt := range tests {
		for _, target := range []string{"/api/search?q=", "/api/timeline?q="} {
			r := e.get(target + url.QueryEscape(tt.q))
			if r.status != tt.status {
				t.Errorf("GET %s%.30q: status %d, want %d; body %s", target, tt.q, r.status, tt.status, r.body)
				continue
			}
			if tt.says != "" && !strings.Contains(string(r.body), tt.says) {
				t.Errorf("GET %s%.30q: body %s does not say %q", target, tt.q, r.body, tt.says)
			}
		}
	}
	// The brackets group as a person means them.
	r := e.get("/api/search?q=" + url.QueryEscape("consultations (Moscow)"))
	var got struct {
		Hits []storyline.SearchHit `json:"hits"`
	}
	r.decode(t, &got)
	if len(got.Hits) == 0 {
		t.Errorf("consultations (Moscow): no hits; body %s", r.body)
	}
}

// slowStore is a store whose searches run until they are stopped.
type slowStore struct{ storyline.Store }

func (slowStore) Search(ctx context.Context, _ string, _ int) ([]storyline.SearchHit, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestQueryBudget(t *testing.T) {
	slowTimeline := func(ctx context.Context, st storyline.Store, q httpapi.TimelineQuery) (*storyline.Timeline, error) {
		if _, err := st.Search(ctx, q.Query, 10); err != nil {
			return nil, err
		}
		return &storyline.Timeline{}, nil
	}
	e := newEnv(t, func(s *httpapi.Server) {
		s.Store = slowStore{s.Store}
		s.Timeline = slowTimeline
		s.QueryBudget = 50 * time.Millisecond
	})
	for _, target := range []string{"/api/search?q=consultations", "/api/timeline?q=consultations"} {
		r := e.get(target) // without a budget, it never returns
		if r.status != 503 || r.errorCode(t) != httpapi.ETIMEOUT || !strings.Contains(string(r.body), "time budget of 50ms") {
			t.Errorf("GET %s: status %d body %s, want 503 and code %s", target, r.status, r.body, httpapi.ETIMEOUT)
		}
	}
}
