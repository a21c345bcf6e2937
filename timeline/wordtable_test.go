package timeline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline/storyline/nlp"
)

// A wordTable gives back the key of every word put in it, short or long,
// as it grows, and finds no word that was not put.
func TestWordTableKeepsEveryWord(t *testing.T) {
	var tab wordTable
	word := func(i int) string {
		if i%7 == 0 {
			return fmt.Sprintf("a-rather-long-word-of-its-own-%d", i) // longer than shortWord
		}
		return fmt.Sprintf("w%d", i)
	}
	const n = 20000
	for i := range n {
		w := word(i)
		if _, ok := tab.get(w, nlp.HashWord(w)); ok {
			t.Fatalf("%q found before it was put", w)
		}
		tab.put(w, nlp.HashWord(w), wordKey{id: int32(i), phrase: i%3 == 0})
	}
	for i := n - 1; i >= 0; i-- {
		w := word(i)
		key, ok := tab.get(w, nlp.HashWord(w))
		if !ok || key != (wordKey{id: int32(i), phrase: i%3 == 0}) {
			t.Fatalf("%q: key %+v, %v; want id %d", w, key, ok, i)
		}
	}
	// Same hash slot, other bytes: "w1" and a word of another length.
	if _, ok := tab.get("w1x", nlp.HashWord("w1")); ok {
		t.Error("a word not put was found by another word's hash")
	}
	if _, ok := tab.get(strings.Repeat("z", shortWord), nlp.HashWord("z")); ok {
		t.Error("a word not put was found")
	}
}
