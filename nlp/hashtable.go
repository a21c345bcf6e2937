package nlp

// A HashTable maps a closed list of words to values, found by a hash of
// the word that a tokeniser can take as it reads the word's bytes
// (HashStep over them from HashOffset), so that finding a word reads no
// byte of it twice but to compare it with the one word of that hash. It
// is an open addressing table, at most a quarter full, of the words'
// hashes and indexes.
type HashTable[V any] struct {
	slots []hashSlot // len a power of two
	words []string
	vals  []V
}

type hashSlot struct {
	hash uint32
	at   int32 // the word's index plus one; 0: an empty slot
}

// HashOffset is the hash of no byte: a word's hash is HashStep of its
// bytes in turn from HashOffset (FNV-1a).
const HashOffset = uint32(2166136261)

// HashStep adds byte c to the hash h.
func HashStep(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

// HashWord is the hash of w's bytes.
func HashWord(w string) uint32 {
	h := HashOffset
	for i := 0; i < len(w); i++ {
		h = HashStep(h, w[i])
	}
	return h
}

// NewHashTable returns the table of m's words and values. It panics when
// they are more than 2^28.
func NewHashTable[V any](m map[string]V) HashTable[V] {
	if len(m) > 1<<28 {
		panic("nlp: a hash table holds at most 2^28 words")
	}
	n := 16
	for n < 4*len(m) {
		n *= 2
	}
	t := HashTable[V]{slots: make([]hashSlot, n), words: make([]string, 0, len(m)), vals: make([]V, 0, len(m))}
	mask := uint32(n - 1)
	for w, v := range m {
		t.words, t.vals = append(t.words, w), append(t.vals, v)
		h := HashWord(w)
		k := h & mask
		for t.slots[k].at != 0 {
			k = (k + 1) & mask
		}
		t.slots[k] = hashSlot{hash: h, at: int32(len(t.words))}
	}
	return t
}

// Get returns the value of w and whether the table holds w.
func (t *HashTable[V]) Get(w string) (V, bool) { return t.GetHashed(w, HashWord(w)) }

// GetHashed is Get given h, HashWord(w).
// The zero HashTable holds no word.
func (t *HashTable[V]) GetHashed(w string, h uint32) (V, bool) {
	var zero V
	if len(t.slots) == 0 {
		return zero, false
	}
	mask := uint32(len(t.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		s := t.slots[k]
		if s.at == 0 {
			return zero, false
		}
		if s.hash == h && t.words[s.at-1] == w {
			return t.vals[s.at-1], true
		}
	}
}
