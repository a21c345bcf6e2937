package quote

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// The rules that look for mentions starting in a span read only the range
// mentionsStarting gives: every mention outside it starts outside the
// span, in order or not.
func TestMentionsStarting(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	text := strings.Repeat("x", 200)
	for n := range 300 {
		ms := make([]storyline.Mention, r.IntN(12))
		for i := range ms {
			s := r.IntN(len(text))
			ms[i] = storyline.Mention{Start: s, End: min(len(text), s+r.IntN(20))}
		}
		if n%3 != 0 {
			slices.SortFunc(ms, func(a, b storyline.Mention) int { return a.Start - b.Start })
		}
		x := &extractor{text: text, mentions: ms}
		for range 20 {
			lo := r.IntN(len(text) + 1)
			hi := lo + r.IntN(len(text)+1-lo)
			i, j := x.mentionsStarting(lo, hi)
			for k, m := range ms {
				if (k < i || k >= j) && m.Start >= lo && m.Start < hi {
					t.Fatalf("mentions %v: mentionsStarting(%d, %d) = [%d, %d) leaves out %v", ms, lo, hi, i, j, m)
				}
			}
		}
	}
}
