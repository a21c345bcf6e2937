package storyline

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var idCases = []string{
	"",
	"  Hello,\tWorld\n\nAGAIN \u00a0 x\u0085y ",
	"\u0130stanbul \u212aelvin \u017fix \u00c9T\u00c9 \u03a3\u039f\u03a3",
	"bad \xff\xfe utf-8 \xc2 and \xe2\x80",
	strings.Repeat("Long text of many words, \u00e9t\u00e9 ", 200),
	strings.Repeat("\u4e16\u754c", 300),
	strings.Repeat("plain words and digits 123, no capitals; ", 40),
	"a  b\tc \nd e\u00a0f  G h-I  j ",
	"The Man Said It Was  In THE House. AB CD EF GH  IJ KL MN OP QR\x7fST UV WX YZ[`@ ab\x1fcd  ",
	strings.Repeat("Seven, ", 9) + strings.Repeat("x Y ", 9) + strings.Repeat("ZZ ", 9) + "A\u00a0B C\u0085D E",
}

func TestArticleIDAsRuneByRune(t *testing.T) {
	for _, s := range idCases {
		checkArticleID(t, s)
	}
}

func FuzzArticleID(f *testing.F) {
	for _, s := range idCases {
		f.Add(s)
	}
	f.Fuzz(checkArticleID)
}

func checkArticleID(t *testing.T, s string) {
	if got, want := ArticleID("Src ", s), articleIDRunes("Src ", s); got != want {
		t.Errorf("ArticleID(%q) = %s, rune by rune %s", s, got, want)
	}
}

// articleIDRunes is ArticleID as it was first written, a rune at a time.
func articleIDRunes(source, text string) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(strings.TrimSpace(source))))
	h.Write([]byte{0})
	space := false
	var buf [utf8.UTFMax]byte
	for _, r := range strings.TrimSpace(text) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		r = unicode.ToLower(r)
		h.Write(utf8.AppendRune(buf[:0], r))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// TestArticleIDRandomBlocks compares ArticleID with the rune-by-rune form
// on texts of capitals, spaces, tabs and a letter outside ASCII in every
// arrangement a block of eight bytes can meet.
func TestArticleIDRandomBlocks(t *testing.T) {
	pieces := []string{"a", "B", " ", " ", "  ", "\t", "\u00e9", ".", "\x7f"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkArticleID(t, b.String())
	}
}
