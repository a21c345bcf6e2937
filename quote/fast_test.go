package quote

import (
	"slices"
	"strings"
	"testing"
)

// The shortcuts that spare the attribution rules work must give what the
// plain code they replace gives.

var firstWordsCases = []string{"", "  ", "For calm", "TO A conversation now", "\u00a0İstanbul\tſo \xff x",
	"ΣΊΣΥΦΟΣ said", "one", "a\u2028b c", "\xe3\x80 x"}

func TestFirstWords(t *testing.T) {
	for _, s := range firstWordsCases {
		checkFirstWords(t, s)
	}
}

func FuzzFirstWords(f *testing.F) {
	for _, s := range firstWordsCases {
		f.Add(s)
	}
	f.Fuzz(checkFirstWords)
}

func checkFirstWords(t *testing.T, s string) {
	want := strings.Fields(strings.ToLower(s))
	want = want[:min(2, len(want))]
	if got := firstWords(s); !slices.Equal(got, want) {
		t.Errorf("firstWords(%q) = %q, want %q", s, got, want)
	}
}

// cueWords tells what cueWeight and vocalVerbs tell.
func TestCueWords(t *testing.T) {
	for w, cw := range cueWords {
		if cw.weight != cueWeight[w] || cw.vocal != vocalVerbs[w] {
			t.Errorf("cueWords[%q] = %+v, cueWeight %v, vocalVerbs %v", w, cw, cueWeight[w], vocalVerbs[w])
		}
	}
	for w := range cueWeight {
		if _, ok := cueWords[w]; !ok {
			t.Errorf("cueWords lacks %q of cueWeight", w)
		}
	}
	for w := range vocalVerbs {
		if _, ok := cueWords[w]; !ok {
			t.Errorf("cueWords lacks %q of vocalVerbs", w)
		}
	}
}
