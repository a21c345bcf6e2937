package cluster

import (
	"math/bits"

	"github.com/storyline/storyline/internal/swar"
)

// tokenTable maps the text of a token to what extract knows of it, each
// token held in its slot: an open-addressed table with linear probing, at
// most half full. A document looks one up for every word it holds: this
// reads one slot (and a long text's bytes) where a map read its group, its
// key and then the token it pointed to.
//
// A text of at most 8 bytes (most words) is keyed by its bytes
// (shortKey); a longer one by a hash, and kept in long to tell it from
// another of the same hash. A slot is 40 bytes.
type tokenTable struct {
	slots []tokenSlot // a power of two
	shift uint        // 64 - log2(len(slots))
	n     int
	long  []string // the texts longer than 8 bytes (token.long)
}

type tokenSlot struct {
	key uint64 // shortKey, or the hash of a longer text, lowest bit set: never 0; 0 for an empty slot
	t   token
}

// tokenKey is the key of a token's text and the text its slot holds: a
// short text's key is shortKey; a longer one's mixes its length and its
// first and last eight bytes (texts that share those share a key and are
// told apart by their text).
func tokenKey(s string) (uint64, string) {
	if len(s) <= 8 {
		return shortKey(s), "" // not 0: a token is not empty and holds no NUL byte
	}
	return mix64(swar.Load64(s, 0)^bits.RotateLeft64(swar.Load64(s, len(s)-8), 29)^uint64(len(s))) | 1, s
}

func (t *tokenTable) home(key uint64) int {
	return int((key * 0x9e3779b97f4a7c15) >> t.shift) // Fibonacci hashing
}

// get returns the token of key and text (tokenKey), nil when the table
// has none. The pointer is valid until the next put or reset.
func (t *tokenTable) get(key uint64, text string) *token {
	if t.n == 0 {
		return nil
	}
	mask := len(t.slots) - 1
	for i := t.home(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		switch {
		case s.key == key && (s.t.long == 0) == (text == "") && (text == "" || t.long[s.t.long-1] == text):
			return &s.t
		case s.key == 0:
			return nil
		}
	}
}

// put adds tk under key and text (tokenKey), which the table does not
// hold, and returns where it keeps it (valid until the next put or
// reset).
func (t *tokenTable) put(key uint64, text string, tk token) *token {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	i := t.home(key)
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	if text != "" {
		t.long = append(t.long, text)
		tk.long = int32(len(t.long))
	}
	t.slots[i] = tokenSlot{key, tk}
	t.n++
	return &t.slots[i].t
}

func (t *tokenTable) grow() {
	old := t.slots
	size := max(1024, 2*len(old))
	t.slots = make([]tokenSlot, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	mask := size - 1
	for _, s := range old {
		if s.key == 0 {
			continue
		}
		i := t.home(s.key)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// reset empties the table, keeping its slots.
func (t *tokenTable) reset() {
	clear(t.slots)
	t.n = 0
	clear(t.long)
	t.long = t.long[:0]
}
