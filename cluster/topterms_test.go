package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// referenceTopTerms is topTermsOf as a sort: every weight divided by
// norm, heaviest first (the lower term first among equal weights), the
// first n kept, sorted by term.
func referenceTopTerms(v vec, n int, norm float64) vec {
	all := slices.Clone(v)
	for i := range all {
		all[i].w /= norm
	}
	slices.SortFunc(all, heaviestFirst)
	all = all[:min(n, len(all))]
	slices.SortFunc(all, func(a, b tw) int { return int(a.id - b.id) })
	return all
}

// TestTopTermsAsSorted: topTermsOf keeps the terms a sort keeps, to the
// last bit, though it skips weights without dividing them: the weights
// lie a few units in the last place either side of what divides to one
// of a few quotients, where skipping by the product of the lightest kept
// and the norm alone, with no margin, keeps the wrong ones.
func TestTopTermsAsSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for c := range 3000 {
		size := 1 + rng.IntN(200)
		n := 1 + rng.IntN(40)
		norm := []float64{1, 0.1 + 3*rng.Float64(), 1 / 3.0, 7}[rng.IntN(4)]
		// weights a few units in the last place either side of what
		// divides to one of three quotients
		quotients := []float64{rng.Float64(), rng.Float64(), 0.5}
		var v vec
		id := int32(0)
		for range size {
			id += 1 + int32(rng.IntN(3))
			w := quotients[rng.IntN(len(quotients))] * norm
			for range rng.IntN(3) {
				w = math.Nextafter(w, 0)
			}
			for range rng.IntN(3) {
				w = math.Nextafter(w, 2*w)
			}
			v = append(v, tw{id, uint8(rng.IntN(int(kinds))), w})
		}
		if got, want := topTermsOf(v, n, norm), referenceTopTerms(v, n, norm); !slices.Equal(got, want) {
			t.Fatalf("case %d (%d of %d, norm %v): topTermsOf kept %v, sorting keeps %v", c, n, size, norm, got, want)
		}
	}
}

// TestLighterThan: a weight up to lighterThan(m, norm), divided by norm,
// is less than m, whatever m and norm (the product of the two alone,
// divided again, often gives m back).
func TestLighterThan(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for c := range 100000 {
		m := math.Ldexp(rng.Float64(), rng.IntN(40)-20)
		norm := math.Ldexp(0.5+rng.Float64(), rng.IntN(20)-10)
		w := lighterThan(m, norm)
		if math.IsInf(w, -1) {
			t.Fatalf("case %d: lighterThan(%v, %v) gives no bound", c, m, norm)
		}
		if q := w / norm; q >= m {
			t.Fatalf("case %d: lighterThan(%v, %v) = %v, which divided is %v, not under m", c, m, norm, w, q)
		}
	}
	if w := lighterThan(0, 1); !math.IsInf(w, -1) {
		t.Errorf("lighterThan(0, 1) = %v, want -Inf (no bound for a lightest weight of 0)", w)
	}
}

// BenchmarkTopTermsOf takes the strongest terms of a centroid as big as
// an event's gets (2*maxCentroid terms before a prune), as merge passes
// do for each event they push.
//
//	go test ./cluster -run '^$' -bench TopTermsOf -cpu 1
func BenchmarkTopTermsOf(b *testing.B) {
	rng := rand.New(rand.NewPCG(17, 18))
	v := make(vec, 2*maxCentroid)
	for i := range v {
		v[i] = tw{int32(3 * i), uint8(rng.IntN(int(kinds))), rng.ExpFloat64()}
	}
	for b.Loop() {
		topTermsOf(v, queryTerms, 2.7)
	}
}
