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

// cue skips a word that starts no cue of the future, plan, past and
// present sets: starts must hold every word that does.
func TestTenseStarts(t *testing.T) {
	td := compileTense(English)
	for _, c := range []*cueSet{&td.future, &td.plan, &td.past, &td.present} {
		for w := range c.words {
			if !td.starts[w] {
				t.Errorf("starts lacks the cue word %q", w)
			}
		}
		for w := range c.phrases {
			if !td.starts[w] {
				t.Errorf("starts lacks the first word of cue phrases %q", c.phrases[w])
			}
		}
	}
}
