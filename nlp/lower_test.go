package nlp

import (
	"strings"
	"testing"
)

// The lower case of a piece of text read from the text's LowerASCII
// (LowerIn) must be strings.ToLower of the piece.

var lowerCases = []string{
	"The U.S. Army's NATO-led ÉTÉ \u212aelvin \u0130stanbul \u017f \xff\xc2 MOSCOW, ‘Quoted’",
	"all lower case ascii",
	"",
}

func TestLowerIn(t *testing.T) {
	for _, s := range lowerCases {
		checkLowerIn(t, s)
	}
}

func FuzzLowerIn(f *testing.F) {
	for _, s := range lowerCases {
		f.Add(s)
	}
	f.Fuzz(checkLowerIn)
}

func checkLowerIn(t *testing.T, s string) {
	low := LowerASCII(s)
	if want := lowerASCIIBytes(s); low != want {
		t.Fatalf("LowerASCII(%q) = %q, want %q", s, low, want)
	}
	if len(low) != len(s) {
		t.Fatalf("LowerASCII(%q) = %q, of another length", s, low)
	}
	for i := 0; i <= len(s) && i < 64; i++ {
		for j := i; j <= len(s) && j < i+24; j++ {
			if got, want := LowerIn(low, i, j), strings.ToLower(s[i:j]); got != want {
				t.Fatalf("LowerIn(%q, %d, %d) = %q, want %q", s, i, j, got, want)
			}
		}
	}
}

// lowerASCIIBytes is LowerASCII byte by byte.
func lowerASCIIBytes(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// A Lowered holds its text and, of the same length, the text's
// LowerASCII.
func TestLowered(t *testing.T) {
	for _, s := range lowerCases {
		l := Lower(s)
		if l.Text() != s || l.Low() != LowerASCII(s) {
			t.Errorf("Lower(%q) holds %q and %q", s, l.Text(), l.Low())
		}
	}
}
