package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words is a text read once into its words, for the extractors that each
// tokenise it by their own rules (entity, quote): each builds its tokens
// from these words and the bytes between them instead of decoding, case
// testing and lowering the whole text again. It holds no pointer but to
// its text and the text's lower case, so a caller can keep one per
// worker and read text after text into it (Read).
type Words struct {
	// Text is the text read; Lower is it with its ASCII capitals lowered
	// (LowerASCII), so that an ASCII word's lower case is a slice of it.
	Text, Lower string
	// List holds the words in text order: each a longest run of word
	// runes (letters, digits and nonspacing marks, as Tokens reads them),
	// without the joiners Tokens keeps inside a word ("don't" is three
	// words here: "don", "'" between them is no word rune, "t").
	List []Word
	// Forms holds the lower case of each distinct word of the text, in
	// the order they first come: a word's ID is the index of its lower
	// case here, so that a caller asks its tables about each distinct
	// word once ("the" is one form however often it comes).
	Forms []string
	// Marks tells that some word holds a nonspacing mark.
	Marks bool

	// the open-addressing table of the forms by hash (form)
	slots []uint64
}

// Word is one longest run of word runes of a text: its byte offsets and
// what its runes are.
type Word struct {
	Start, End int32
	ID         int32 // the index of its lower case in Words.Forms
	Flags      WordFlags
}

// WordFlags tell what a word's runes are.
type WordFlags uint8

const (
	// ASCII: every byte of the word is ASCII.
	ASCII WordFlags = 1 << iota
	// Capital: the word's first rune is upper case (unicode.IsUpper).
	Capital
	// Letter: the word's first rune is a letter (not a digit or mark).
	Letter
	// HasLower: the word holds an ASCII lower-case letter.
	HasLower
	// HasUpper: the word holds an ASCII capital.
	HasUpper
	// Mark: the word holds a nonspacing mark (unicode.Mn).
	Mark
)

// ReadWords returns the words of text.
func ReadWords(text string) *Words {
	w := &Words{}
	w.Read(text)
	return w
}

// asciiFlags holds, for each ASCII byte that is a word rune (a letter or
// a digit), the flags it gives the word it is in, with inWord set; 0 for
// any other byte.
var asciiFlags = func() (t [utf8.RuneSelf]WordFlags) {
	for c := '0'; c <= '9'; c++ {
		t[c] = inWord
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = inWord | HasLower
		t[c-'a'+'A'] = inWord | HasUpper
	}
	return t
}()

// inWord marks a word byte in asciiFlags; no word has it.
const inWord WordFlags = 1 << 7

// Read reads text into w, reusing w's list.
func (w *Words) Read(text string) {
	w.Text, w.Lower, w.Marks = text, LowerASCII(text), false
	list := w.List[:0]
	if cap(list) < len(text)/6 {
		list = make([]Word, 0, len(text)/5)
	}
	w.startForms(len(text))
	for i := 0; i < len(text); {
		start := i
		var f WordFlags
		if c := text[i]; c < utf8.RuneSelf {
			if f = asciiFlags[c]; f == 0 {
				i++
				continue
			}
			// the first rune: a capital is a letter, so is a lower-case
			// one, and a digit is neither
			f |= ASCII
			if f&HasUpper != 0 {
				f |= Capital | Letter
			} else if f&HasLower != 0 {
				f |= Letter
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += size
				continue
			}
			if unicode.IsUpper(r) {
				f |= Capital
			}
			if unicode.IsLetter(r) {
				f |= Letter
			} else if !unicode.IsDigit(r) {
				f |= Mark
			}
			i += size
		}
		// the rest: ASCII letters and digits by the table, without
		// decoding
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				g := asciiFlags[c]
				if g == 0 {
					break
				}
				f |= g
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			f &^= ASCII
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				f |= Mark
			}
			i += size
		}
		f &^= inWord
		if f&Mark != 0 {
			w.Marks = true
		}
		var id int32
		if f&ASCII != 0 {
			id = w.form(w.Lower[start:i])
		} else {
			id = w.form(strings.ToLower(text[start:i]))
		}
		list = append(list, Word{Start: int32(start), End: int32(i), ID: id, Flags: f})
	}
	w.List = list
}

// startForms empties the forms for a text of n bytes.
func (w *Words) startForms(n int) {
	size := 16
	for size < n/5 {
		size *= 2
	}
	if cap(w.slots) < size {
		w.slots = make([]uint64, size)
	} else {
		w.slots = w.slots[:size]
		clear(w.slots)
	}
	w.Forms = w.Forms[:0]
}

// formHash returns a 32-bit hash of a form from its length and its first
// and last eight bytes (a form's ID is the order it first comes in,
// whatever its hash; forms of equal hashes are told apart by their text).
func formHash(s string) uint64 {
	n := len(s)
	var x uint64
	if n >= 8 {
		x = load8(s, 0) ^ load8(s, n-8)*0xff51afd7ed558ccd
	} else {
		for i := 0; i < n; i++ {
			x = x<<8 | uint64(s[i])
		}
	}
	x = (x ^ uint64(n)<<59) * 0x9e3779b97f4a7c15
	return x >> 32
}

// load8 returns the eight bytes of s from i on as a little-endian number.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// form returns the ID of a lower-case form, adding it when it is new.
// A slot holds a form's hash in its high 32 bits and its ID + 1 in its
// low ones (0: empty), so that a probe reads one slot and compares the
// form's text only when the hashes are equal.
func (w *Words) form(form string) int32 {
	h := formHash(form)
	mask := uint64(len(w.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		slot := w.slots[k]
		if slot == 0 {
			break
		}
		if slot>>32 == h && w.Forms[slot&0xffffffff-1] == form {
			return int32(slot&0xffffffff) - 1
		}
	}
	id := int32(len(w.Forms))
	w.Forms = append(w.Forms, form)
	if 2*len(w.Forms) > len(w.slots) {
		w.rehash(2 * len(w.slots)) // at most half full
	} else {
		w.place(h, id)
	}
	return id
}

// place puts form id, of hash h, in the first empty slot from h on.
func (w *Words) place(h uint64, id int32) {
	mask := uint64(len(w.slots) - 1)
	k := h & mask
	for w.slots[k] != 0 {
		k = (k + 1) & mask
	}
	w.slots[k] = h<<32 | uint64(id+1)
}

// rehash makes the table size slots and places every form in it.
func (w *Words) rehash(size int) {
	w.slots = make([]uint64, size)
	for id, form := range w.Forms {
		w.place(formHash(form), int32(id))
	}
}

// Of returns the word's text.
func (w Word) Of(text string) string { return text[w.Start:w.End] }

// Is reports whether the word has all of flags f.
func (w Word) Is(f WordFlags) bool { return w.Flags&f == f }
