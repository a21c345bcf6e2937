package timeline

import (
	"testing"

	"github.com/storyline/storyline"
)

func TestCitationNames(t *testing.T) {
	for _, tt := range []struct {
		c            storyline.Citation
		outlet, name string
	}{
		{storyline.Citation{Source: "Example Wire", Title: "Moscow calls its envoy home", URL: "https://example.org/a"}, "Example Wire", "Example Wire, “Moscow calls its envoy home”"},
		{storyline.Citation{URL: "https://www.capital-ledger.example/2021/03/16/x", Origin: "../shared/corpus/x.txt"}, "capital-ledger.example", "capital-ledger.example"},
		{storyline.Citation{ArticleID: "0a29c9e732c8d1c5", Origin: "../shared/corpus/seeds/003_51b4987a89d4fe33.txt"}, "", "untitled article, outlet unknown"},
		{storyline.Citation{ArticleID: "b1", Source: "wire.example", Lead: "The regulator has grounded nearly one hundred jets…"}, "wire.example",
			"wire.example, [The regulator has grounded nearly one hundred jets…]"},
		{storyline.Citation{ArticleID: "b2", Lead: "The regulator has grounded nearly one hundred jets…"}, "",
			"[The regulator has grounded nearly one hundred jets…]"},
		{storyline.Citation{ArticleID: "b3", Source: "wire.example", Title: "Jets grounded", Lead: "ignored"}, "wire.example", "wire.example, “Jets grounded”"},
		{storyline.Citation{Title: "Untold", URL: "javascript:alert(1)"}, "", "“Untold”"},
	} {
		if got := Outlet(tt.c); got != tt.outlet {
			t.Errorf("Outlet(%+v) = %q, want %q", tt.c, got, tt.outlet)
		}
		if got := CitationName(tt.c); got != tt.name {
			t.Errorf("CitationName(%+v) = %q, want %q", tt.c, got, tt.name)
		}
	}
}

func TestDatesInWords(t *testing.T) {
	for _, tt := range []struct {
		a, b     storyline.Date
		withYear bool
		long     string
		short    string
	}{
		{day(2021, 3, 17), day(2021, 3, 17), false, "17 March 2021", "17 Mar"},
		{day(2021, 3, 16), day(2021, 3, 22), true, "16 March 2021", "16–22 Mar 2021"},
		{day(2021, 3, 30), day(2021, 4, 2), false, "30 March 2021", "30 Mar – 2 Apr"},
		{day(2021, 12, 30), day(2022, 1, 2), false, "30 December 2021", "30 Dec 2021 – 2 Jan 2022"},
		{storyline.Month(2021, 6), storyline.Month(2021, 6), true, "June 2021", "Jun 2021"},
		{storyline.Year(2020), storyline.Year(2020), false, "2020", "2020"},
		{storyline.Date{}, storyline.Date{}, false, "undated", ""},
	} {
		if got := LongDate(tt.a); got != tt.long {
			t.Errorf("LongDate(%s) = %q, want %q", tt.a, got, tt.long)
		}
		if got := shortRange(tt.a, tt.b, tt.withYear); got != tt.short {
			t.Errorf("shortRange(%s, %s, %v) = %q, want %q", tt.a, tt.b, tt.withYear, got, tt.short)
		}
	}
}

func TestClip(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"Russia recalls its ambassador", 40, "Russia recalls its ambassador"},
		{"Russia recalls its ambassador to the United States for consultations", 30, "Russia recalls its ambassador…"},
		{"Putin, Biden and the ambassadors, in Geneva", 14, "Putin, Biden…"},
		{"Supercalifragilisticexpialidocious", 10, "Supercali…"},
		{"  spaced \n out  ", 20, "spaced out"},
	} {
		if got := Clip(tt.in, tt.n); got != tt.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if n := len([]rune(Clip(tt.in, tt.n))); n > tt.n {
			t.Errorf("Clip(%q, %d) has %d characters", tt.in, tt.n, n)
		}
	}
}

// TestUntitledLead: an untitled article is cited by the first words of
// its text, so that two untitled reports of one outlet read apart.
func TestUntitledLead(t *testing.T) {
	if got := Lead("  The regulator has grounded nearly one hundred jets of the type.\n\nMore."); got != "The regulator has grounded nearly one hundred jets…" {
		t.Errorf("Lead = %q", got)
	}
	if got := Lead("Jets grounded."); got != "Jets grounded." {
		t.Errorf("Lead of a short text = %q", got)
	}
	stmts, arts := corpus()
	arts["b"].Text = "The ministry recalled its ambassador for consultations on Wednesday evening."
	arts["e"].Title = "Envoy back in Washington"
	tl := Build(stmts, arts, Options{Focus: []string{"Anatoly Antonov"}})
	names := map[string]string{}
	for _, e := range tl.Entries {
		for _, c := range e.Sources {
			names[c.ArticleID] = CitationName(c)
		}
	}
	if got := names["b"]; got != "Evening Post, [The ministry recalled its ambassador for consultations on…]" {
		t.Errorf("untitled b cited as %q", got)
	}
	if got := names["e"]; got != "Evening Post, “Envoy back in Washington”" {
		t.Errorf("titled e cited as %q", got)
	}
}
