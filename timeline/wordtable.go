package timeline

// wordTable maps words to their keys by open addressing on the words'
// FNV-1a hashes, which the reader of a sentence computes as it finds
// each word (eachWord): a look-up hashes no word again, and the bytes of
// a word of up to shortWord bytes are kept in its slot, so that telling
// two words apart reads no memory elsewhere. Longer words, few, are kept
// in a map. The words found last of each hash, mostly the frequent ones,
// are in recent: a table small enough to stay in the processor's cache.
type wordTable struct {
	slots  []wordSlot // len a power of two, at most half full; nil before the first put
	n      int        // words in slots
	long   map[string]wordKey
	recent *[recentWords]wordSlot
}

// recentWords is the size of wordTable.recent, a power of two.
const recentWords = 4096

// shortWord is the length of the longest word kept in a slot.
const shortWord = 22

type wordSlot struct {
	hash   uint32
	id     int32 // the word's key
	phrase bool
	n      uint8 // the word's length; 0 for an empty slot
	b      [shortWord]byte
}

// get returns the key of word, whose hash is h, if it was put.
func (t *wordTable) get(word string, h uint32) (wordKey, bool) {
	if len(word) > shortWord {
		key, ok := t.long[word]
		return key, ok
	}
	if t.slots == nil {
		return wordKey{}, false
	}
	r := &t.recent[h&(recentWords-1)]
	if r.is(word, h) {
		return wordKey{id: r.id, phrase: r.phrase}, true
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return wordKey{}, false
		}
		if s.is(word, h) {
			*r = *s
			return wordKey{id: s.id, phrase: s.phrase}, true
		}
	}
}

// is reports whether s holds word, whose hash is h.
func (s *wordSlot) is(word string, h uint32) bool {
	return s.hash == h && int(s.n) == len(word) && string(s.b[:s.n]) == word
}

// put adds word, whose hash is h and which is not in t, with its key.
func (t *wordTable) put(word string, h uint32, key wordKey) {
	if len(word) > shortWord {
		if t.long == nil {
			t.long = map[string]wordKey{}
		}
		t.long[word] = key
		return
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	s := wordSlot{hash: h, id: key.id, phrase: key.phrase, n: uint8(len(word))}
	copy(s.b[:], word)
	t.insert(&s)
	t.n++
}

// insert puts s in the first empty slot from its hash on.
func (t *wordTable) insert(s *wordSlot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = *s
}

// grow doubles the table (to 4096 slots at first) and puts its words back.
func (t *wordTable) grow() {
	old := t.slots
	if t.recent == nil {
		t.recent = new([recentWords]wordSlot)
	}
	t.slots = make([]wordSlot, max(4096, 2*len(old)))
	for i := range old {
		if old[i].n != 0 {
			t.insert(&old[i])
		}
	}
}
