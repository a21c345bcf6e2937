package cluster

import (
	"iter"
	"math/bits"
)

// termSet is the set of terms an event or story is posted under: an
// open-addressed table of term ids with linear probing, at most half
// full. A join adds a report's strongest terms, most of them held
// already: a look-up reads a slot or two of four bytes, where a map
// hashed the term and matched its group.
type termSet struct {
	slots []int32 // 1 + a term id, 0 for an empty slot; a power of two
	shift uint    // 64 - log2(len(slots))
	n     int
}

func (s *termSet) home(id int32) int {
	return int((uint64(uint32(id)) * 0x9e3779b97f4a7c15) >> s.shift) // Fibonacci hashing
}

// add adds the terms of v and calls fresh for each that was not in the
// set, in the order of v.
func (s *termSet) add(v vec, fresh func(id int32)) {
	for _, x := range v {
		if s.insert(x.id) {
			fresh(x.id)
		}
	}
}

// insert adds id and reports whether the set lacked it.
func (s *termSet) insert(id int32) bool {
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	mask := len(s.slots) - 1
	for i := s.home(id); ; i = (i + 1) & mask {
		switch s.slots[i] {
		case id + 1:
			return false
		case 0:
			s.slots[i] = id + 1
			s.n++
			return true
		}
	}
}

func (s *termSet) grow() {
	old := s.slots
	size := max(64, 2*len(old))
	s.slots = make([]int32, size)
	s.shift = uint(64 - bits.TrailingZeros(uint(size)))
	s.n = 0
	for _, k := range old {
		if k != 0 {
			s.insert(k - 1)
		}
	}
}

// all yields the terms of the set, in no particular order.
func (s termSet) all() iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for _, k := range s.slots {
			if k != 0 && !yield(k-1) {
				return
			}
		}
	}
}

// remap returns the set with its terms renumbered.
func (s termSet) remap(remap []int32) termSet {
	var out termSet
	for id := range s.all() {
		out.insert(remap[id])
	}
	return out
}
