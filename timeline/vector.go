package timeline

import (
	"math"
	"slices"
	"sync"
)

// vector is a sparse vector of weighted content stems: interned stem IDs,
// sorted and unique, their weights, and the vector's norm. Sums run in ID
// order, so a build computes the same numbers, to the last bit, every
// time (a map's order would not: ties then broke differently from one
// run to the next).
type vector struct {
	ids  []int32
	w    []float64
	norm float64
}

// itemCosine is the cosine of two statements' weighted stems.
func itemCosine(a, b *item) float64 { return cosine(&a.vec, &b.vec) }

// cosine is the cosine of two vectors: a merge of their IDs, or for a
// short vector against a long one (a statement against a centroid), a
// binary search of each of the short one's IDs.
func cosine(a, b *vector) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	return dot(a, b) / (a.norm * b.norm)
}

// dot is the dot product of two vectors, summed in the order of their
// IDs.
func dot(a, b *vector) float64 {
	if len(a.ids) > len(b.ids) {
		a, b = b, a
	}
	var sum float64
	if len(a.ids)*8 < len(b.ids) {
		j := 0
		for i, id := range a.ids {
			k, found := slices.BinarySearch(b.ids[j:], id)
			j += k
			if found {
				sum += a.w[i] * b.w[j]
			}
		}
		return sum
	}
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			sum += a.w[i] * b.w[j]
			i++
			j++
		}
	}
	return sum
}

// sum sets v to the sum of the items' vectors, adding each stem's weights
// in the order of items.
func (v *vector) sum(items []*item) {
	if len(items) == 1 {
		*v = items[0].vec
		return
	}
	n, top := 0, int32(-1)
	for _, it := range items {
		if k := len(it.vec.ids); k > 0 {
			n += k
			top = max(top, it.vec.ids[k-1])
		}
	}
	buf := accumulators.Get().(*[]float64)
	if len(*buf) <= int(top) {
		*buf = make([]float64, top+1)
	}
	acc := (*buf)[:top+1]
	// New slices, never the old ones changed: others may hold them.
	ids := make([]int32, 0, n)
	for _, it := range items {
		for i, id := range it.vec.ids {
			if acc[id] == 0 { // weights are positive: first time seen
				ids = append(ids, id)
			}
			acc[id] += it.vec.w[i]
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	w := make([]float64, len(ids))
	var sq float64
	for i, id := range ids {
		w[i] = acc[id]
		acc[id] = 0
		sq += w[i] * w[i]
	}
	accumulators.Put(buf)
	*v = vector{ids: ids, w: w, norm: math.Sqrt(sq)}
}

// accumulators are zeroed scratch arrays for vector.sum, indexed by stem ID.
var accumulators = sync.Pool{New: func() any { return new([]float64) }}

// add returns a + b.
func add(a, b *vector) vector {
	ids := make([]int32, 0, len(a.ids)+len(b.ids))
	w := make([]float64, 0, len(a.ids)+len(b.ids))
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j == len(b.ids) || i < len(a.ids) && a.ids[i] < b.ids[j]:
			ids, w = append(ids, a.ids[i]), append(w, a.w[i])
			i++
		case i == len(a.ids) || b.ids[j] < a.ids[i]:
			ids, w = append(ids, b.ids[j]), append(w, b.w[j])
			j++
		default:
			ids, w = append(ids, a.ids[i]), append(w, a.w[i]+b.w[j])
			i++
			j++
		}
	}
	var sq float64
	for _, x := range w {
		sq += x * x
	}
	return vector{ids: ids, w: w, norm: math.Sqrt(sq)}
}

// spread is a vector laid out over an array indexed by feature ID, to take
// its cosine with many vectors in turn: a pass over the other vector's
// IDs, no merge.
type spread struct {
	v  vector // a copy: the happening's vector may be replaced
	at []float64
}

// spreads are spread vectors to reuse (newSpread, release): their arrays
// grow to the largest feature ID they held, once, not once a use.
var spreads = sync.Pool{New: func() any { return new(spread) }}

// newSpread returns an empty spread vector; release it when done.
func newSpread() *spread { return spreads.Get().(*spread) }

// release empties s and keeps its array for the next newSpread.
func (s *spread) release() {
	s.set(&vector{})
	spreads.Put(s)
}

// set spreads v, in place of the vector spread before.
func (s *spread) set(v *vector) {
	for _, id := range s.v.ids {
		s.at[id] = 0
	}
	s.v = *v
	if k := len(v.ids); k > 0 && int(v.ids[k-1]) >= len(s.at) {
		s.at = append(s.at, make([]float64, int(v.ids[k-1])+1-len(s.at))...)
	}
	for i, id := range v.ids {
		s.at[id] = v.w[i]
	}
}

// cosine is cosine(s.v, b), to the bit: the products of the shared
// features are summed in the order of their IDs as there, and adding
// the zero product of a feature s.v lacks changes no sum.
func (s *spread) cosine(b *vector) float64 {
	if s.v.norm == 0 || b.norm == 0 {
		return 0
	}
	if len(b.ids) > 8*len(s.v.ids) {
		return cosine(&s.v, b) // a search of each of s.v's IDs in the long one
	}
	if k := len(b.ids); k > 0 && int(b.ids[k-1]) >= len(s.at) {
		// Zeros for b's features past s.v's last: the loop below then
		// reads every one without a test.
		s.at = append(s.at, make([]float64, int(b.ids[k-1])+1-len(s.at))...)
	}
	at, w := s.at, b.w[:len(b.ids)]
	var sum float64
	for i, id := range b.ids {
		sum += at[id] * w[i]
	}
	return sum / (s.v.norm * b.norm)
}
