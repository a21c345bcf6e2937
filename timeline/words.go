package timeline

// A sentence's words are read once for the rules that look at every word
// of it (speaksOfPresent's verbs and perfects, the quantities of Numbers):
// each whole word with the key sets it belongs to, from one look-up,
// instead of one scan of the sentence and one look-up a word for each
// rule. What each rule then gives is what its expression gives
// (fast_test.go fuzzes them).

// A word is a whole word of a sentence as Go's \b sees it (a run of ASCII
// letters, digits and '_'), with the key sets it is in.
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

// keyTable tells which of several key sets a word is in, with one look-up.
type keyTable struct {
	filter keySet // every set's words
	bits   map[string]keyBits
}

func newKeyTable(sets map[keyBits]*keySet) keyTable {
	var words []string
	bits := map[string]keyBits{}
	for b, set := range sets {
		for w := range set.words {
			if bits[w] == 0 {
				words = append(words, w)
			}
			bits[w] |= b
		}
	}
	return keyTable{filter: newKeySet(words), bits: bits}
}

// of returns the sets w, lower-cased, is in (each set holding words of up
// to 16 bytes), as each set's has says.
func (t *keyTable) of(w string) keyBits {
	if len(w) == 0 || len(w) > 16 {
		return 0
	}
	if c := w[0] | 0x20; !t.filter.other && (c < 'a' || c > 'z' || t.filter.lens[c-'a']&(1<<len(w)) == 0) {
		return 0
	}
	var buf [16]byte
	b := buf[:len(w)]
	for k := range len(w) {
		b[k] = lowerByte(w[k])
	}
	return t.bits[string(b)]
}

// sentenceWords appends the words of s to dst[:0].
func sentenceWords(dst []word, s string) []word {
	ws := dst[:0]
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isLetterByte(s[j]) {
			j++
		}
		letters := j
		for j < len(s) && isWordByte(s[j]) {
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
		ws = append(ws, word{start: i, end: j, keys: keys})
		i = j
	}
	return ws
}

// sentenceWordsOf is the words of a sentence, read at the first get.
type sentenceWordsOf struct {
	s    string
	ws   []word
	read bool
}

// reset makes w the words of s, not read yet (keeping w's memory).
func (w *sentenceWordsOf) reset(s string) { w.s, w.ws, w.read = s, w.ws[:0], false }

func (w *sentenceWordsOf) get() []word {
	if !w.read {
		w.ws, w.read = sentenceWords(w.ws, w.s), true
	}
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
	next := 0 // no match starts before: the last one ends there
	k := 0    // the next word
	for {
		// The next place a match may start: a word of ws or a "$".
		for k < len(ws) && (ws[k].start < next || ws[k].keys&keyQuantity == 0) {
			k++
		}
		at := len(s)
		if k < len(ws) {
			at = ws[k].start
		}
		if d := indexByteIn(s, '$', next, at); d >= 0 {
			at = d
		} else if k < len(ws) {
			k++
		} else {
			return out
		}
		m := quantityHere.FindStringSubmatchIndex(s[at:])
		if m == nil {
			next = at + 1
			continue
		}
		for j := range m {
			if m[j] >= 0 {
				m[j] += at
			}
		}
		out = append(out, m)
		next = m[1]
	}
}

// indexByteIn returns the index of the first c in s[from:to], or -1.
func indexByteIn(s string, c byte, from, to int) int {
	for i := from; i < to; i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
