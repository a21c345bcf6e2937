package nlp

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// LetterWords counts what counting EachToken's tokens that start with a
// letter counts.
func FuzzLetterWords(f *testing.F) {
	for _, s := range []string{"", "The talks, in Geneva, lasted two hours.", "don't U.S. 3.5 1,000 well-known a--b x' 'y", "Étienne’s naïve café — 12 ΣΑΣ", "\xff\xfe a\xffb", "e\u0301 \u0301x 1a a1 _a", "@#$ ... &&& a&b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, max := range []int{0, 1, 5, 12, 1 << 30} {
			want := 0
			for tok := range EachToken(s) {
				if want == max {
					break
				}
				if r, _ := utf8.DecodeRuneInString(tok.Text); unicode.IsLetter(r) {
					want++
				}
			}
			if got := LetterWords(s, max); got != want {
				t.Fatalf("LetterWords(%q, %d) = %d, EachToken gives %d", s, max, got, want)
			}
		}
	})
}
