package web

import (
	"testing"

	"github.com/storyline/storyline"
)

func TestOutletNames(t *testing.T) {
	wire := storyline.Citation{ArticleID: "a", Source: "Example Wire"}
	host := storyline.Citation{ArticleID: "b", URL: "https://www.courier.example/x"}
	anon := storyline.Citation{ArticleID: "c"}
	anon2 := storyline.Citation{ArticleID: "d"}
	for _, tt := range []struct {
		cites []storyline.Citation
		want  string
	}{
		{[]storyline.Citation{wire}, "Example Wire"},
		{[]storyline.Citation{wire, wire, host}, "Example Wire and courier.example"},
		{[]storyline.Citation{anon, anon, anon}, "an unknown outlet"}, // one article, three sentences
		{[]storyline.Citation{wire, anon, anon2, anon}, "Example Wire and 2 unknown outlets"},
		{[]storyline.Citation{wire, host, {ArticleID: "e", Source: "A"}, {ArticleID: "f", Source: "B"}, anon}, "Example Wire, courier.example, A and 2 more"},
	} {
		if got := outletNames(storyline.Entry{Sources: tt.cites}); got != tt.want {
			t.Errorf("outletNames(%v) = %q, want %q", tt.cites, got, tt.want)
		}
	}
}
