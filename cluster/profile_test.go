package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// referencePrune is prune as a sort of the terms, heaviest first (the
// lower term first among equal weights), summing the norms in that order.
func referencePrune(p *profile) {
	all := slices.Clone(p.v)
	slices.SortFunc(all, func(a, b tw) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return int(a.id - b.id)
	})
	all = all[:p.limit]
	p.norm2, p.kn2 = 0, [kinds]float64{}
	for _, x := range all {
		p.norm2 += x.w * x.w
		p.kn2[x.k] += x.w * x.w
	}
	slices.SortFunc(all, func(a, b tw) int { return int(a.id - b.id) })
	p.v = all
}

// TestPruneAsSorted: prune keeps the same terms and sums the same norms,
// to the last bit, as sorting the terms would, with many equal weights.
func TestPruneAsSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 500 {
		limit := 1 + rng.IntN(60)
		size := 2*limit + 1 + rng.IntN(3*limit)
		levels := 1 + rng.IntN(20) // few distinct weights: ties
		var v vec
		id := int32(0)
		for range size {
			id += 1 + int32(rng.IntN(3))
			w := float64(1+rng.IntN(levels)) / 7
			if rng.IntN(2) == 0 {
				w = rng.Float64()
			}
			v = append(v, tw{id, uint8(rng.IntN(int(kinds))), w})
		}
		got := profile{v: slices.Clone(v), limit: limit}
		want := profile{v: slices.Clone(v), limit: limit}
		got.prune()
		referencePrune(&want)
		if !slices.Equal(got.v, want.v) || got.norm2 != want.norm2 || got.kn2 != want.kn2 {
			t.Fatalf("case %d (limit %d of %d): prune kept %d terms, norms %v %v; sorting keeps %d, %v %v",
				n, limit, size, len(got.v), got.norm2, got.kn2, len(want.v), want.norm2, want.kn2)
		}
	}
}

func TestKth(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		a := make([]float64, 1+rng.IntN(50))
		for i := range a {
			a[i] = float64(rng.IntN(8))
		}
		sorted := slices.Sorted(slices.Values(a))
		k := rng.IntN(len(a))
		if got := kth(slices.Clone(a), k); got != sorted[k] {
			t.Fatalf("kth(%v, %d) = %v, want %v", a, k, got, sorted[k])
		}
	}
}
