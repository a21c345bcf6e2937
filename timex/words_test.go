package timex

import (
	"hash/fnv"
	"strings"
	"testing"
)

// TestWords lists the runs of ASCII letters the tagger read as words of
// their own, each with the FNV-1a hash of its lower case.
func TestWords(t *testing.T) {
	text := "On Sept. 5 the U.S. envoy met Café owners at 10am, on the A320's_deck naïve."
	f := Find(text)
	defer f.Release()
	var got []string
	for _, w := range f.Words() {
		word := text[w.Start:w.End]
		h := fnv.New32a()
		h.Write([]byte(strings.ToLower(word)))
		if w.Hash != h.Sum32() {
			t.Errorf("%q: hash %d, want %d", word, w.Hash, h.Sum32())
		}
		got = append(got, word)
	}
	// Not "Sept" (glued to its dot), "U.S.", "Café" and "naïve" (letters
	// that are not ASCII) or "am" (a suffix of its number); "A" before
	// "320" and "s" before "_" are runs of their own.
	want := "On the envoy met owners at on the A s deck"
	if strings.Join(got, " ") != want {
		t.Errorf("Words(%q) = %q, want %q", text, strings.Join(got, " "), want)
	}
}
