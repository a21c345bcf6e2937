package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/internal/servetest"
	"github.com/storyline/storyline/web"
)

// TestSearchPageBounds: the search page refuses what the API refuses, on
// an error page that says why, and works with brackets.
func TestSearchPageBounds(t *testing.T) {
	h, _ := newSite(t)
	tests := []struct {
		q      string
		status int
		says   string
	}{
		{"\x00", 400, "NUL byte"},
		{strings.Repeat("ambassador consultations Washington Moscow ", 500), 400, "the limit is 1000"},
		{"NOT consultations", 400, "NOT needs words before it"},
		{"consultations (Moscow)", 200, `href="/articles/`},
	}
	for _, tt := range tests {
		status, _, body := get(t, h, "/search?q="+url.QueryEscape(tt.q))
		if status != tt.status || !strings.Contains(body, tt.says) {
			t.Errorf("search %.30q: status %d, want %d saying %q:\n%s", tt.q, status, tt.status, tt.says, body)
		}
		checkNoInline(t, body)
	}
}

// stalled is a store whose searches run until they are stopped.
type stalled struct{ storyline.Store }

func (stalled) Search(ctx context.Context, _ string, _ int) ([]storyline.SearchHit, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestSearchPageBudget(t *testing.T) {
	st := servetest.OpenStore(t)
	site := &web.Site{Store: stalled{st}, Log: servetest.Logger(t), QueryBudget: 50 * time.Millisecond}
	h := (&httpapi.Server{Store: st, Pages: site.Handler(), Log: servetest.Logger(t)}).Handler()
	status, _, body := get(t, h, "/search?q=consultations") // without a budget, it never returns
	if status != 503 || !strings.Contains(body, "time budget of 50ms") {
		t.Errorf("stalled search: status %d, want 503 saying so:\n%s", status, body)
	}
}
