package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortByHighAsSorted: sortByHigh orders keys with distinct high halves
// as a comparison sort does, short or long, with terms of one to four
// bytes, the scratch it returns and keeps reused from call to call.
func TestSortByHighAsSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var buf, tmp []uint64
	for n, size := range []int{0, 1, 63, 64, 65, 300, 2000} {
		for _, bits := range []uint{7, 16, 23, 31} {
			if size > 1<<bits {
				continue // not that many distinct terms
			}
			seen := map[uint64]bool{}
			buf = buf[:0]
			for len(buf) < size {
				id := rng.Uint64N(1 << bits)
				if seen[id] {
					continue
				}
				seen[id] = true
				buf = append(buf, id<<32|uint64(len(buf)))
			}
			want := slices.Clone(buf)
			slices.Sort(want)
			got := sortByHigh(buf, &tmp)
			if !slices.Equal(got, want) {
				t.Fatalf("case %d: %d keys of %d-bit terms: not sorted", n, size, bits)
			}
			if size > 0 && cap(tmp) > 0 && &got[0] == &tmp[:1][0] {
				t.Fatalf("case %d: the result and the kept scratch share their array", n)
			}
			buf = got
		}
	}
}

// TestLogCountAsLog: logCount is math.Log to the last bit, whole counts
// or not.
func TestLogCountAsLog(t *testing.T) {
	for _, n := range []float64{0, 1, 2, 3, 7, 31, 32, 100, 0.5, 2.5, 1e9} {
		if got, want := logCount(n), math.Log(n); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("logCount(%v) = %v, want %v", n, got, want)
		}
	}
}

// TestIdfOfAsIdf: the idf weigh keeps by document frequency is the
// vocabulary's, as documents are counted and frequencies grow past what
// it keeps.
func TestIdfOfAsIdf(t *testing.T) {
	c := New(Options{})
	v := c.vocab
	for i := range 600 {
		v.id(kindWord, string(rune('a'+i%26))+string(rune('a'+i/26)), "")
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for round := range 50 {
		v.docs += 1 + rng.IntN(40)
		for id := range v.terms {
			v.terms[id].df = int32(rng.IntN(v.docs + 1))
		}
		// as weigh does before a document's terms
		c.idfsFor(v.docs)
		for range 2 { // worked out, then kept
			for id := range v.terms {
				if got, want := c.idfOf(int32(id)), v.idf(int32(id)); got != want {
					t.Fatalf("round %d: idfOf(%d) = %v, want %v (df %d of %d)", round, id, got, want, v.terms[id].df, v.docs)
				}
			}
		}
	}
}
