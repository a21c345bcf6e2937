package nlp

import (
	"slices"
	"strings"
)

// A WordTable maps a closed list of short lower-case words (a few
// thousand at most) to values. Finding a word is no hashing: the words
// stand in buckets by their length and their first and last letters, and
// a word is compared with the few in its bucket, most of which are empty
// for a word of no list. Rules that ask it of most words of a text ask it
// faster than they would a map.
type WordTable[V any] struct {
	start []uint16 // bucket b's words are words[start[b]:start[b+1]]
	words []string
	vals  []V
}

// MaxTableWord is the longest word a WordTable holds: a caller looks
// longer words up elsewhere.
const MaxTableWord = 23

// NewWordTable returns the table of m's words of 1 to MaxTableWord bytes
// (the others it leaves out). It panics when they are more than 65,535.
func NewWordTable[V any](m map[string]V) WordTable[V] {
	ws := make([]string, 0, len(m))
	for w := range m {
		if w != "" && len(w) <= MaxTableWord {
			ws = append(ws, w)
		}
	}
	if len(ws) > 1<<16-1 {
		panic("nlp: a word table holds at most 65,535 words")
	}
	slices.SortFunc(ws, func(a, b string) int {
		if ba, bb := tableBucket(a), tableBucket(b); ba != bb {
			return ba - bb
		}
		return strings.Compare(a, b)
	})
	// the words' bytes side by side, so that comparing reads few lines
	arena := strings.Join(ws, "")
	n := (MaxTableWord + 1) * 27 * 27
	t := WordTable[V]{start: make([]uint16, n+1), words: make([]string, len(ws)), vals: make([]V, len(ws))}
	at := 0
	for i, w := range ws {
		t.words[i], t.vals[i] = arena[at:at+len(w)], m[w]
		at += len(w)
		t.start[tableBucket(w)+1]++
	}
	for b := 1; b <= n; b++ {
		t.start[b] += t.start[b-1]
	}
	return t
}

// Get returns the value of w and whether the table holds w (never a
// word longer than MaxTableWord).
func (t *WordTable[V]) Get(w string) (V, bool) {
	if len(w) == 0 || len(w) > MaxTableWord {
		var zero V
		return zero, false
	}
	b := tableBucket(w)
	for i := t.start[b]; i < t.start[b+1]; i++ {
		if t.words[i] == w {
			return t.vals[i], true
		}
	}
	var zero V
	return zero, false
}

// tableBucket is the bucket of a word of 1 to MaxTableWord bytes.
func tableBucket(w string) int {
	return (len(w)*27+tableLetter(w[0]))*27 + tableLetter(w[len(w)-1])
}

// tableLetter numbers a, ..., z 1 to 26 and any other byte 0.
func tableLetter(c byte) int {
	if 'a' <= c && c <= 'z' {
		return int(c-'a') + 1
	}
	return 0
}
