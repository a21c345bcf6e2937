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
	var counts [4][256]int // of each byte of the keys, counted in one pass
	for _, x := range s {
		counts[0][byte(x)]++
		counts[1][byte(x>>8)]++
		counts[2][byte(x>>16)]++
		counts[3][byte(x>>24)]++
	}
	src, dst := s, make([]uint32, len(s))
	for b := range counts {
		radixPass(src, dst, 8*b, &counts[b])
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
	var counts [4][256]int // of each byte of the high halves, counted in one pass
	for _, x := range s {
		top |= x
		counts[0][byte(x>>32)]++
		counts[1][byte(x>>40)]++
		counts[2][byte(x>>48)]++
		counts[3][byte(x>>56)]++
	}
	src, dst := s, slices.Grow((*tmp)[:0], len(s))[:len(s)]
	for b := 0; b < 4 && top>>(32+8*b) != 0; b++ {
		radixPass(src, dst, 32+8*b, &counts[b])
		src, dst = dst, src
	}
	*tmp = dst
	return src
}

// radixPass copies src into dst ordered by the byte of each key at shift,
// keeping the order of keys with the same byte: one pass of an LSD radix
// sort. count holds how many keys have each byte there, and is used up.
func radixPass[K uint32 | uint64](src, dst []K, shift int, count *[256]int) {
	at := count // where the keys of each byte go next
	n := 0
	for i, c := range count {
		at[i] = n
		n += c
	}
	for _, x := range src {
		d := byte(x >> shift)
		dst[at[d]] = x
		at[d]++
	}
}
