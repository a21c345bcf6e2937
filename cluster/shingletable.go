package cluster

// firstTable maps a sampled shingle hash to the first text holding it and
// how many others do (copyIndex.more holds those): an open-addressed
// table with linear probing. The index holds hundreds of thousands of
// shingles, most of one text each; this reads one slot of 16 bytes for a
// shingle where a map read its group and then the list of others.
type firstTable struct {
	slots []firstSlot // a power of two, at most half full
	n     int
}

type firstSlot struct {
	key  uint32 // the hash with its lowest bit set (sampled hashes end in two 0 bits); 0 for an empty slot
	more int32  // how many other texts hold it (len(copyIndex.more[h]))
	m    *member
}

func (t *firstTable) home(key uint32) int {
	return int(key>>2) & (len(t.slots) - 1)
}

// get returns the index of the slot of sampled hash h, -1 when no text
// holds it. The index stays valid until the next put or del.
func (t *firstTable) get(h uint32) int {
	if t.n == 0 {
		return -1
	}
	key := h | 1
	for i := t.home(key); ; i = (i + 1) & (len(t.slots) - 1) {
		switch t.slots[i].key {
		case key:
			return i
		case 0:
			return -1
		}
	}
}

// put makes m the first text of h, which no text holds yet.
func (t *firstTable) put(h uint32, m *member) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	key := h | 1
	i := t.home(key)
	for t.slots[i].key != 0 {
		i = (i + 1) & (len(t.slots) - 1)
	}
	t.slots[i] = firstSlot{key: key, m: m}
	t.n++
}

func (t *firstTable) grow() {
	old := t.slots
	t.slots = make([]firstSlot, max(1024, 2*len(old)))
	for _, s := range old {
		if s.key == 0 {
			continue
		}
		i := t.home(s.key)
		for t.slots[i].key != 0 {
			i = (i + 1) & (len(t.slots) - 1)
		}
		t.slots[i] = s
	}
}

// del empties slot i (from get), moving back the slots after it that
// probing would no longer reach.
func (t *firstTable) del(i int) {
	mask := len(t.slots) - 1
	for j := (i + 1) & mask; t.slots[j].key != 0; j = (j + 1) & mask {
		// the entry at j may move to i unless its home lies in (i, j]
		if h := t.home(t.slots[j].key); (j-h)&mask >= (j-i)&mask {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = firstSlot{}
	t.n--
}
