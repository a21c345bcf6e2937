package cluster

import (
	"math"
	"slices"
)

// MinHash signatures use one-permutation hashing: every shingle hash falls
// in one of sigSize bins by its top bits and each bin keeps its least value;
// empty bins borrow from a pseudo-randomly chosen full bin (densification,
// Shrivastava 2017) so that two signatures stay comparable bin by bin. The
// share of equal bins estimates the Jaccard similarity of the shingle sets.
// LSH banding then looks up candidate copies: bands of rows bins each, and
// two documents are candidates when any band is identical.
const (
	sigSize = 128
	rows    = 4
	bands   = sigSize / rows
)

type signature [sigSize]uint32

func minhash(sh []uint64) (signature, bool) {
	var s signature
	if len(sh) == 0 {
		return s, false
	}
	var full [sigSize]bool
	for i := range s {
		s[i] = math.MaxUint32
	}
	for _, h := range sh {
		b := h >> 57 // top 7 bits: the bin
		v := uint32(h)
		if v <= s[b] {
			s[b] = v
			full[b] = true
		}
	}
	for i := range s {
		if full[i] {
			continue
		}
		for attempt := uint64(1); ; attempt++ {
			j := mix64(uint64(i)<<32|attempt) % sigSize
			if full[j] {
				s[i] = s[j]
				break
			}
		}
	}
	return s, true
}

// jaccard estimates the Jaccard similarity of two signatures.
func (s *signature) jaccard(o *signature) float64 {
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / sigSize
}

// bandKeys hashes each band of a signature, with the band number mixed in.
func (s *signature) bandKeys() [bands]uint64 {
	var keys [bands]uint64
	for b := 0; b < bands; b++ {
		h := mix64(uint64(b) + 1)
		for _, v := range s[b*rows : (b+1)*rows] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = h
	}
	return keys
}

// lsh finds stored signatures that share a band with a query. Entries are
// removed lazily: a lookup skips entries whose document is gone.
type lsh struct {
	buckets map[uint64][]int64 // band key -> document sequence numbers
}

func (l *lsh) add(keys *[bands]uint64, seq int64) {
	for _, k := range keys {
		l.buckets[k] = append(l.buckets[k], seq)
	}
}

// remove drops seq from the buckets of keys.
func (l *lsh) remove(keys *[bands]uint64, seq int64) {
	for _, k := range keys {
		b := l.buckets[k]
		for i, s := range b {
			if s == seq {
				b = append(b[:i], b[i+1:]...)
				break
			}
		}
		if len(b) == 0 {
			delete(l.buckets, k)
		} else {
			l.buckets[k] = b
		}
	}
}

// candidates returns the distinct sequence numbers sharing a band, in
// ascending order.
func (l *lsh) candidates(keys *[bands]uint64) []int64 {
	var out []int64
	for _, k := range keys {
		out = append(out, l.buckets[k]...)
	}
	if len(out) < 2 {
		return out
	}
	slices.Sort(out)
	w := 1
	for i := 1; i < len(out); i++ {
		if out[i] != out[w-1] {
			out[w] = out[i]
			w++
		}
	}
	return out[:w]
}
