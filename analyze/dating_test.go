package analyze

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/timex"
)

// Dated statements of other reports, as the store would give them.
var datedReports = []storyline.Statement{
	{ArticleID: "wire", Date: storyline.Day(2021, 3, 17), // a Wednesday
		Text: "Moscow recalled its envoy to Washington for consultations on March 17, the foreign ministry said."},
	{ArticleID: "wire", Date: storyline.Day(2021, 3, 16), // a Tuesday
		Text: "The intelligence office published its report on election interference on March 16."},
	{ArticleID: "wire", Date: storyline.Day(2021, 3, 21), // a Sunday
		Text: "The envoy returned to Moscow on March 21 for consultations at the foreign ministry."},
	{ArticleID: "later", Date: storyline.Day(2021, 6, 16), // also a Wednesday
		Text: "The two presidents met in Geneva on June 16 and agreed that the envoys would return."},
}

func TestEstimateDate(t *testing.T) {
	tests := []struct {
		name string
		text string
		want storyline.Date
		ok   bool
	}{
		{"a weekday sentence matching a dated report",
			"The foreign ministry on Wednesday recalled the envoy from Washington for consultations.",
			storyline.Day(2021, 3, 17), true},
		{"two weekdays of one week: the later day, which both allow",
			"The intelligence office released its report on election interference on Tuesday.\n" +
				"On Wednesday the foreign ministry recalled its envoy from Washington for consultations.",
			storyline.Day(2021, 3, 17), true},
		{"a weekday that matches nothing",
			"The weather on Wednesday was mild across the capital.", storyline.Date{}, false},
		{"a matching sentence on another weekday is no evidence",
			"The foreign ministry on Friday recalled the envoy from Washington for consultations.",
			storyline.Date{}, false},
		{"travel to the same place on the same weekday",
			"The envoy returned to Moscow on Sunday for consultations at the foreign ministry.",
			storyline.Day(2021, 3, 21), true},
		{"travel to another place is another happening, whatever words it shares",
			"The envoy returned to Washington on Sunday after consultations at the foreign ministry.",
			storyline.Date{}, false},
		{"no weekday at all",
			"The foreign ministry recalled the envoy from Washington for consultations.", storyline.Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := EstimateDate(tt.text, timex.Tag(tt.text, storyline.Date{}), datedReports)
			if ok != tt.ok || got.Date != tt.want {
				t.Errorf("EstimateDate = %v, %v; want %v, %v (evidence %+v)", got.Date, ok, tt.want, tt.ok, got.Evidence)
			}
			if ok && len(got.Evidence) == 0 {
				t.Errorf("an estimate without evidence")
			}
		})
	}
}

func TestCombine(t *testing.T) {
	ev := func(d storyline.Date, score float64) Evidence { return Evidence{Date: d, Score: score} }
	mar16, mar17, jun16 := storyline.Day(2021, 3, 16), storyline.Day(2021, 3, 17), storyline.Day(2021, 6, 16)
	tests := []struct {
		name string
		in   []Evidence
		want storyline.Date
		ok   bool
	}{
		{"none", nil, storyline.Date{}, false},
		{"one", []Evidence{ev(mar16, 0.3)}, mar16, true},
		{"one week agrees: the latest day", []Evidence{ev(mar16, 0.3), ev(mar17, 0.3)}, mar17, true},
		{"two weeks: the better supported", []Evidence{ev(jun16, 0.3), ev(mar16, 0.3), ev(mar17, 0.25)}, mar17, true},
		{"two weeks equally supported: no estimate", []Evidence{ev(jun16, 0.3), ev(mar17, 0.3)}, storyline.Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := combine(tt.in)
			if ok != tt.ok || got.Date != tt.want {
				t.Errorf("combine = %v, %v; want %v, %v", got.Date, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestWeekdayOf(t *testing.T) {
	for value, want := range map[string]time.Weekday{"XXXX-WXX-1": time.Monday, "XXXX-WXX-3": time.Wednesday, "XXXX-WXX-7": time.Sunday} {
		if got, ok := weekdayOf(value); !ok || got != want {
			t.Errorf("weekdayOf(%q) = %v, %v; want %v", value, got, ok, want)
		}
	}
	for _, value := range []string{"2021-03-17", "XXXX-WXX-8", "XXXX-WXX-", "P1D", "XXXX-WXX-1TNI"} {
		if _, ok := weekdayOf(value); ok {
			t.Errorf("weekdayOf(%q) is a weekday", value)
		}
	}
}

func TestElsewhere(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"He returned to Washington on Sunday.", "He returned to Moscow the day before.", true},
		{"He flew home to Moscow on Sunday.", "He arrived in Moscow on March 21.", false},
		{"He is back in the United States.", "He returned to the United States in July.", false},
		{"The ambassador to Washington spoke on Sunday.", "He returned to Moscow the day before.", false},
		{"He returned on Sunday.", "He returned to Moscow the day before.", false},
	}
	for _, c := range cases {
		if got := elsewhere(c.a, c.b); got != c.want {
			t.Errorf("elsewhere(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestStemmerLikeStems: two sentences' numbered stems share as many as
// their stems do, and a set holds as many numbers as there are distinct
// stems, whichever sentences the stemmer read before.
func TestStemmerLikeStems(t *testing.T) {
	stems := func(s string) []string { // the stems as strings, sorted and distinct
		var out []string
		for _, tok := range nlp.Tokens(s) {
			w := strings.ToLower(tok.Text)
			if nlp.IsStopword(w) || dateWords[w] || w[0] >= '0' && w[0] <= '9' {
				continue
			}
			out = append(out, nlp.Stem(w))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	var sentences []string
	for _, st := range datedReports {
		sentences = append(sentences, st.Text)
	}
	sentences = append(sentences,
		"Zakharova on Wednesday said the envoy had been recalled for consultations.",
		"On Sunday the envoy returned to Moscow, the ministry said; he returns to Washington in June.",
		"Recalled, recalling, recalls: the ministry's envoys were recalled 3 times in 2021.")
	var sm stemmer
	for _, a := range sentences {
		for _, b := range sentences {
			sa, sb := stems(a), stems(b)
			na, nb := sm.of(a), sm.of(b)
			want := 0
			for _, s := range sa {
				if slices.Contains(sb, s) {
					want++
				}
			}
			if len(na) != len(sa) || len(nb) != len(sb) || na.shared(nb) != want {
				t.Errorf("%q vs %q: numbered %d, %d stems sharing %d; want %d, %d sharing %d",
					a, b, len(na), len(nb), na.shared(nb), len(sa), len(sb), want)
			}
		}
	}
}

// combineSlow is combine as it was, each day converted again for every
// pair of evidence: TestCombineLikeSlow compares them.
func combineSlow(ev []Evidence) (Estimate, bool) {
	var best Estimate
	var bestSet []int
	bestScore, tie := 0.0, false
	for _, cand := range ev {
		d := cand.Date.Time()
		var set []int
		score := 0.0
		for i, e := range ev {
			t := e.Date.Time()
			if !d.Before(t) && !d.After(t.AddDate(0, 0, 6)) {
				set = append(set, i)
				score += e.Score
			}
		}
		switch {
		case score > bestScore+1e-9:
			best, bestSet, bestScore, tie = Estimate{Date: cand.Date}, set, score, false
		case score > bestScore-1e-9 && !slices.Equal(set, bestSet):
			tie = true
		case score > bestScore-1e-9 && cand.Date.Time().After(best.Date.Time()):
			best.Date = cand.Date
		}
	}
	if bestScore == 0 || tie {
		return Estimate{}, false
	}
	for _, i := range bestSet {
		best.Evidence = append(best.Evidence, ev[i])
	}
	return best, true
}

func TestCombineLikeSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var ev []Evidence
		for range r.IntN(12) {
			d := storyline.DateOf(time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(40)))
			ev = append(ev, Evidence{Date: d, Score: []float64{0.2, 0.25, 0.3, 0.5}[r.IntN(4)], Article: string(rune('a' + r.IntN(5)))})
		}
		got, gotOK := combine(ev)
		want, wantOK := combineSlow(ev)
		if gotOK != wantOK || !reflect.DeepEqual(got, want) {
			t.Fatalf("combine(%v) = %v, %v; want %v, %v", ev, got, gotOK, want, wantOK)
		}
	}
}

// A day statement holds its sentence, not the article's text: a run keeps
// its day statements to its end, and a slice of the text would keep every
// dated article's whole text in memory until then.
func TestDayStatementOwnsItsSentence(t *testing.T) {
	text := strings.Repeat("Filler words of a long report. ", 200) + "The envoy flew home on March 17, 2021."
	sentence := text[strings.Index(text, "The envoy"):]
	d := newDayStatement("a", sentence, storyline.Day(2021, 3, 17))
	if d.text != sentence {
		t.Fatalf("text = %q, want %q", d.text, sentence)
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	if p := uintptr(unsafe.Pointer(unsafe.StringData(d.text))); start <= p && p < start+uintptr(len(text)) {
		t.Error("the day statement's sentence points into the article's text")
	}
}
