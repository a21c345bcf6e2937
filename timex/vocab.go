package timex

import (
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// vocabulary numbers from 1 the words the rules name (pattern elements'
// words, literally or by their class, number and ordinal words, capitalised
// words and connectors): a token's ID is its lower case's, 0 for any other
// word. Every token of every text is looked up, so the look-up is an open
// addressing table hashed in one pass over the word's bytes, not a map.
type vocabulary struct {
	ids map[string]int32
	// slots hold each word's hash and ID (len a power of two, at most a
	// quarter full; 8 bytes a slot, so the table stays in the cache),
	// words each ID's word; built by freeze.
	slots []vocabSlot
	words []string
	// ascii holds the ID of each ASCII character as a word of its own
	// (the punctuation tokens), read without hashing.
	ascii [utf8.RuneSelf]int32
}

type vocabSlot struct {
	hash uint32
	id   int32 // 0: an empty slot
}

// add returns the ID of w, numbering it if it has none. It may not be
// called after freeze.
func (v *vocabulary) add(w string) int32 {
	id, ok := v.ids[w]
	if !ok {
		id = int32(len(v.ids) + 1)
		v.ids[w] = id
	}
	return id
}

// size returns the highest ID plus one.
func (v *vocabulary) size() int { return len(v.ids) + 1 }

// freeze builds the table id reads.
func (v *vocabulary) freeze() {
	n := 16
	for n < 4*len(v.ids) {
		n *= 2
	}
	v.slots = make([]vocabSlot, n)
	v.words = make([]string, v.size())
	mask := uint32(n - 1)
	for w, id := range v.ids {
		h := nlp.HashWord(w)
		k := h & mask
		for v.slots[k].id != 0 {
			k = (k + 1) & mask
		}
		v.slots[k] = vocabSlot{h, id}
		v.words[id] = w
	}
	for c := range v.ascii {
		v.ascii[c] = v.id(string(rune(c)))
	}
}

// id returns the ID of w, or 0 when w is no word of the vocabulary.
func (v *vocabulary) id(w string) int32 { return v.idOf(w, nlp.HashWord(w)) }

// idOf is id given nlp.HashWord(w).
func (v *vocabulary) idOf(w string, h uint32) int32 {
	mask := uint32(len(v.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		s := v.slots[k]
		if s.id == 0 || s.hash == h && v.words[s.id] == w {
			return s.id
		}
	}
}
