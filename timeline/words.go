package timeline

import (
	"strings"

	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/timex"
)

// A sentence's words are read once for the rules that look at every word
// of it (speaksOfPresent's verbs and perfects, the quantities of Numbers):
// each whole word with the key sets it belongs to, from one look-up,
// instead of one scan of the sentence and one look-up a word for each
// rule. Those rules look only at the words of a key set, so only those
// are kept. What each rule then gives is what its expression gives
// (fast_test.go fuzzes them).

// A word is a whole word of a sentence as Go's \b sees it (a run of ASCII
// letters, digits and '_'), with the key sets it is in (at least one).
type word struct {
	start, end int
	keys       keyBits
}

// keyBits are key sets a word is in.
type keyBits uint8

const (
	keyPresent     keyBits = 1 << iota // presentVerb
	keyPastPerfect                     // pastPerfect's key words
	keyReported                        // reportedPerfect's key words
	// keyQuantity: a quantity may start at the word: it starts with a
	// digit, or its letters up to the first digit or '_' are a number
	// word (numberWord).
	keyQuantity
)

// sentenceKeys are the key sets read by sentenceWords, as one table.
var sentenceKeys = newKeyTable(map[keyBits]*keySet{
	keyPresent:     &presentVerb.words,
	keyPastPerfect: &pastPerfect.words,
	keyReported:    &reportedPerfect.words,
	keyQuantity:    &numberWord,
})

// keyTable tells which of several key sets a word is in, with one look-up
// in an open addressing table by a hash of the word's lower case, after a
// look at its first letter and length.
type keyTable struct {
	filter keySet    // every set's words, for its look at first letters and lengths
	slots  []keySlot // len a power of two, at most a quarter full
	// hashes has bit h%4096 set for the hash h of each word: a word
	// whose hash has it unset is in no set (ofHashed).
	hashes [64]uint64
}

type keySlot struct {
	word string // lower case; "" for an empty slot
	hash uint32 // hashLower(word)
	bits keyBits
}

func newKeyTable(sets map[keyBits]*keySet) keyTable {
	bits := map[string]keyBits{}
	for b, set := range sets {
		for w := range set.words {
			bits[w] |= b
		}
	}
	n := 16
	for n < 4*len(bits) {
		n *= 2
	}
	var words []string
	for w := range bits {
		words = append(words, w)
	}
	t := keyTable{filter: newKeySet(words), slots: make([]keySlot, n)}
	for w, b := range bits {
		if w == "" || len(w) > 16 {
			continue // no set has such a word (keySet.has)
		}
		h := hashLower(w)
		k := h & uint32(n-1)
		for t.slots[k].word != "" {
			k = (k + 1) & uint32(n-1)
		}
		t.slots[k] = keySlot{w, h, b}
		t.hashes[h/64%64] |= 1 << (h % 64)
	}
	return t
}

// of returns the sets w, lower-cased, is in (each set holding words of up
// to 16 bytes), as each set's has says.
func (t *keyTable) of(w string) keyBits {
	if !t.mayHave(w) {
		return 0
	}
	return t.probe(w, hashLower(w))
}

// mayHave is false for most words of no set: by their length and first
// letter.
func (t *keyTable) mayHave(w string) bool {
	if len(w) == 0 || len(w) > 16 {
		return false
	}
	c := w[0] | 0x20
	return t.filter.other || 'a' <= c && c <= 'z' && t.filter.lens[c-'a']&(1<<len(w)) != 0
}

// ofHashed is of(w) given hashLower(w): most words are told apart by
// one bit of the hash.
func (t *keyTable) ofHashed(w string, h uint32) keyBits {
	if t.hashes[h/64%64]&(1<<(h%64)) == 0 {
		return 0
	}
	return t.probe(w, h)
}

// probe looks w up in the table by its hash h.
func (t *keyTable) probe(w string, h uint32) keyBits {
	mask := uint32(len(t.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		s := &t.slots[k]
		if s.word == "" {
			return 0
		}
		if s.hash == h && equalLower(w, s.word) {
			return s.bits
		}
	}
}

// equalLower reports whether w, lower-cased, is low.
func equalLower(w, low string) bool {
	if len(w) != len(low) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if lowerByte(w[i]) != low[i] {
			return false
		}
	}
	return true
}

// hashLower is nlp.HashWord of w's lower case.
func hashLower(w string) uint32 {
	h := nlp.HashOffset
	for i := 0; i < len(w); i++ {
		h = hashStep(h, w[i])
	}
	return h
}

// hashStep adds byte c, lower-cased, to hash h.
func hashStep(h uint32, c byte) uint32 { return nlp.HashStep(h, lowerByte(c)) }

// sentenceWords appends the words of s in a key set to dst[:0].
func sentenceWords(dst []word, s string) []word {
	return appendWords(dst[:0], s, 0, len(s))
}

// appendWords appends the words of s in a key set that start in
// s[from:to] to ws: at from and at to (unless they are s's ends) a word
// byte must not follow one, so that every word starting there ends there
// too.
func appendWords(ws []word, s string, from, to int) []word {
	for i := from; i < to; {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < to && isLetterByte(s[j]) {
			j++
		}
		letters := j
		for j < to && isWordByte(s[j]) {
			j++
		}
		keys := sentenceKeys.of(s[i:j])
		switch {
		case isDigit(s[i]):
			keys |= keyQuantity
		case letters < j:
			// "one2": a quantity reads the letters before the digit.
			keys &^= keyQuantity
			if numberWord.has(s[i:letters]) {
				keys |= keyQuantity
			}
		}
		if keys != 0 {
			ws = append(ws, word{start: i, end: j, keys: keys})
		}
		i = j
	}
	return ws
}

// sentenceWordsOf is the words of one sentence after the other of an
// article, each read at the first get. Given the article's runs of
// letters as the time expression tagger read them (timex.Word), it takes
// those that are whole words from there and reads only the rest of the
// sentence.
type sentenceWordsOf struct {
	s    string
	sp   nlp.Span
	ws   []word
	read bool
	// tagged are the tagger's words (none: read every word from the
	// text); next is the first that starts at or after the last span's
	// start, at.
	tagged   []timex.Word
	next, at int
}

func newSentenceWords(tagged []timex.Word) sentenceWordsOf {
	return sentenceWordsOf{ws: make([]word, 0, 16), tagged: tagged}
}

// reset makes w the words of the sentence at sp of text, not read yet
// (keeping w's memory).
func (w *sentenceWordsOf) reset(text string, sp nlp.Span) {
	w.s, w.sp, w.ws, w.read = text[sp.Start:sp.End], sp, w.ws[:0], false
}

func (w *sentenceWordsOf) get() []word {
	if w.read {
		return w.ws
	}
	s, ws, from := w.s, w.ws[:0], 0
	if w.sp.Start < w.at {
		w.next = 0 // a sentence before the last: look from the first again
	}
	w.at = w.sp.Start
	for w.next < len(w.tagged) && w.tagged[w.next].Start < w.sp.Start {
		w.next++
	}
	for _, t := range w.tagged[w.next:] {
		i, j := t.Start-w.sp.Start, t.End-w.sp.Start
		if j > len(s) {
			break // it goes on after the sentence: so do the words after it
		}
		if i > 0 && isWordByte(s[i-1]) || j < len(s) && isWordByte(s[j]) {
			continue // glued to a digit or '_': part of a longer word
		}
		ws = appendWords(ws, s, from, i)
		if keys := sentenceKeys.ofHashed(s[i:j], t.Hash); keys != 0 {
			ws = append(ws, word{start: i, end: j, keys: keys})
		}
		from = j
	}
	w.ws, w.read = appendWords(ws, s, from, len(s)), true
	return w.ws
}

// matchWords is r.MatchString(s), given s's words ws and the key bit of
// r's key words.
func (r *rule) matchWords(s string, ws []word, key keyBits) bool {
	if foldsIntoASCII(s) {
		return r.re.MatchString(s)
	}
	for _, w := range ws {
		if w.keys&key == 0 {
			continue
		}
		switch {
		case r.at != nil:
			if r.at.MatchString(s[w.start:]) {
				return true
			}
		case r.only:
			return true
		default:
			return r.re.MatchString(s)
		}
	}
	return false
}

// quantitiesIn is quantities(s), given s's words ws: the expression is
// tried at a "$" and at the words a quantity may start with.
func quantitiesIn(s string, ws []word) [][]int {
	if foldsIntoASCII(s) {
		return quantity.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	next := 0                           // no match starts before: the last one ends there
	k := 0                              // the next word
	dollar := strings.IndexByte(s, '$') // the next "$" at or after next, or -1
	for {
		// The next place a match may start: a word of ws or a "$".
		for k < len(ws) && (ws[k].start < next || ws[k].keys&keyQuantity == 0) {
			k++
		}
		at := len(s)
		if k < len(ws) {
			at = ws[k].start
		}
		if dollar >= 0 && dollar < next {
			dollar = indexByteFrom(s, '$', next)
		}
		if dollar >= 0 && dollar < at {
			at = dollar
		} else if k < len(ws) {
			k++
		} else {
			return out
		}
		m, ok := quantityAt(s, at)
		if !ok {
			next = at + 1
			continue
		}
		out = append(out, m)
		next = m[1]
	}
}

// quantityAt is quantityHere.FindStringSubmatchIndex(s[at:]) with its
// offsets into s, for an s without a letter of foldsToASCII, read without
// the expression: "$" and one white space, a number or a number word, a
// multiplier or "percent" if it is followed by a unit, and the unit. Where
// the expression could backtrack, only one way can go on (each part must
// be followed by white space), so its first match is the one read here.
func quantityAt(s string, at int) ([]int, bool) {
	q := at
	if q < len(s) && s[q] == '$' {
		q++
		if q < len(s) && isSpace(s[q]) {
			q++
		}
	}
	if q >= len(s) || q > at && q > 0 && isWordByte(s[q-1]) {
		return nil, false // \b before the number
	}
	e := q
	switch {
	case isDigit(s[q]):
		for e < len(s) && (isDigit(s[e]) || s[e] == ',') {
			e++
		}
		if e+1 < len(s) && s[e] == '.' && isDigit(s[e+1]) {
			e += 2
			for e < len(s) && isDigit(s[e]) {
				e++
			}
		}
	case isLetterByte(s[q]):
		for e < len(s) && isLetterByte(s[e]) {
			e++
		}
		if !quantityWord.has(s[q:e]) {
			return nil, false
		}
	default:
		return nil, false
	}
	// A multiplier and its unit, else the unit after the number.
	if x := skipSpace(s, e); x > e {
		if y, ok := multiplierAt(s, x); ok {
			if u0, u1, ok := unitAt(s, y); ok {
				return []int{at, u1, q, e, u0, u1}, true
			}
		}
	}
	if u0, u1, ok := unitAt(s, e); ok {
		return []int{at, u1, q, e, u0, u1}, true
	}
	return nil, false
}

// quantityWord holds numberWords' words ("dozens?": dozen and dozens).
var quantityWord = numberWord

// multiplierAt returns where a multiplier at x ends ("million",
// "percent", "per cent"), if one is there and white space follows it.
func multiplierAt(s string, x int) (int, bool) {
	for _, w := range []string{"million", "billion", "thousand", "hundred", "percent"} {
		if y := x + len(w); y < len(s) && equalLower(s[x:y], w) && isSpace(s[y]) {
			return y, true
		}
	}
	if y := x + 3; y < len(s) && equalLower(s[x:y], "per") {
		if z := skipSpace(s, y); z > y && z+4 < len(s) && equalLower(s[z:z+4], "cent") && isSpace(s[z+4]) {
			return z + 4, true
		}
	}
	return 0, false
}

// unitAt returns the unit after the white space at e: a letter, then one
// or more letters or hyphens.
func unitAt(s string, e int) (int, int, bool) {
	u0 := skipSpace(s, e)
	if u0 == e || u0 >= len(s) || !isLetterByte(s[u0]) {
		return 0, 0, false
	}
	u1 := u0 + 1
	for u1 < len(s) && (isLetterByte(s[u1]) || s[u1] == '-') {
		u1++
	}
	return u0, u1, u1 > u0+1
}

// skipSpace returns the end of the white space (as \s sees it) at i.
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// isSpace reports whether c is white space as \s sees it.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// indexByteFrom returns the index of the first c in s[from:], or -1.
func indexByteFrom(s string, c byte, from int) int {
	if from >= len(s) {
		return -1
	}
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}
