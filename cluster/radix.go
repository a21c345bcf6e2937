package cluster

import "slices"

// sortHashes sorts 32-bit hashes in place: a radix sort, a byte a pass,
// for the hundreds of shingle hashes a text has (a comparison sort of
// them was a tenth of reading a text's features).
func sortHashes(s []uint32) {
	if len(s) < 64 {
		slices.Sort(s)
		return
	}
	src, dst := s, make([]uint32, len(s))
	for shift := 0; shift < 32; shift += 8 {
		radixPass(src, dst, shift)
		src, dst = dst, src
	}
	// four passes: src is s again
}

// sortByHigh sorts keys whose high 32 bits are distinct (a term and, below,
// its index in a document), in place or into *tmp, and returns the sorted
// slice (s or *tmp, the other kept as tmp): a radix sort of the bytes of
// the high half that any key uses.
func sortByHigh(s []uint64, tmp *[]uint64) []uint64 {
	if len(s) < 64 {
		slices.Sort(s)
		return s
	}
	var top uint64
	for _, x := range s {
		top |= x
	}
	src, dst := s, slices.Grow((*tmp)[:0], len(s))[:len(s)]
	for shift := 32; shift < 64 && top>>shift != 0; shift += 8 {
		radixPass(src, dst, shift)
		src, dst = dst, src
	}
	*tmp = dst
	return src
}

// radixPass copies src into dst ordered by the byte of each key at shift,
// keeping the order of keys with the same byte: one pass of an LSD radix
// sort.
func radixPass[K uint32 | uint64](src, dst []K, shift int) {
	var at [256]int
	for _, x := range src {
		at[byte(x>>shift)]++
	}
	n := 0
	for i, c := range at {
		at[i] = n
		n += c
	}
	for _, x := range src {
		d := byte(x >> shift)
		dst[at[d]] = x
		at[d]++
	}
}
