package nlp

import (
	"testing"
	"unicode"
)

func TestASCIIKindTellsLettersDigitsAndCase(t *testing.T) {
	for b := 0; b < 256; b++ {
		r := rune(b)
		var want uint8
		switch {
		case b >= 0x80:
		case unicode.IsLower(r):
			want = KindLower
		case unicode.IsUpper(r):
			want = KindUpper
		case unicode.IsDigit(r):
			want = KindDigit
		}
		if got := ASCIIKind[b]; got != want {
			t.Errorf("ASCIIKind[%q] = %d, want %d", r, got, want)
		}
	}
}
