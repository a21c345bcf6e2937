package timex

import (
	"testing"
	"unicode"
)

// The tokenizer reads ASCII bytes without decoding them: its byte tests
// must say what unicode says of them.
func TestASCIIAsUnicode(t *testing.T) {
	for c := byte(0); c < 0x80; c++ {
		if got, want := isASCIILetter(c), unicode.IsLetter(rune(c)); got != want {
			t.Errorf("isASCIILetter(%q) = %v, unicode.IsLetter %v", c, got, want)
		}
		if got, want := 'A' <= c && c <= 'Z', unicode.IsUpper(rune(c)); got != want {
			t.Errorf("upper(%q) = %v, unicode.IsUpper %v", c, got, want)
		}
	}
}
