package timeline

import (
	"testing"

	"github.com/storyline/storyline/nlp"
)

// eachWord yields what nlp.EachToken yields, with the hash of each token,
// in ASCII and beyond: curly apostrophes join, other marks split.
func TestEachWordIsEachToken(t *testing.T) {
	for _, s := range []string{
		"The U.S. said on Monday that 1,000 well-known AT&T staff don't work.",
		"Ends in a joiner- and 'quotes' ... 3.5, -x x- ,a a,",
		"Café owners’ union: Zürich’s “strike” ended.",
		"", "a", "--", "x'", "'x",
	} {
		checkEachWord(t, s)
	}
}

func FuzzEachWord(f *testing.F) {
	f.Add("He said 2,000 U.S. troops' well-being & AT&T's 3.5% share.")
	f.Add("naïve café’s")
	f.Fuzz(checkEachWord)
}

func checkEachWord(t *testing.T, s string) {
	var want []nlp.Token
	for tok := range nlp.EachToken(s) {
		want = append(want, tok)
	}
	i := 0
	eachWord(s, func(w string, h uint32) {
		if i >= len(want) || w != want[i].Text {
			t.Fatalf("%q: word %d is %q, want the tokens %v", s, i, w, want)
		}
		if h != nlp.HashWord(w) {
			t.Fatalf("%q: hash of %q is %d, want %d", s, w, h, nlp.HashWord(w))
		}
		i++
	})
	if i != len(want) {
		t.Fatalf("%q: %d words, want %d (%v)", s, i, len(want), want)
	}
}
