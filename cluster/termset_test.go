package cluster

import (
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTermSetAsMap: a termSet takes in the terms a map does, calling
// fresh for the same terms in the same order, holds the same terms as it
// grows, and renumbers them as the map's would be.
func TestTermSetAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 30))
	for n := range 200 {
		var s termSet
		m := map[int32]bool{}
		span := 1 + rng.IntN(5000) // few terms, many repeated, or many
		for range 1 + rng.IntN(60) {
			v := make(vec, rng.IntN(40))
			for i := range v {
				v[i].id = int32(rng.IntN(span))
			}
			var got, want []int32
			s.add(v, func(id int32) { got = append(got, id) })
			for _, x := range v {
				if !m[x.id] {
					m[x.id] = true
					want = append(want, x.id)
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("case %d: fresh terms %v, a map's %v", n, got, want)
			}
		}
		if got, want := slices.Sorted(s.all()), slices.Sorted(maps.Keys(m)); !slices.Equal(got, want) {
			t.Fatalf("case %d: holds %v, the map %v", n, got, want)
		}
		remap := rng.Perm(span)
		re := make([]int32, span)
		for i, r := range remap {
			re[i] = int32(r)
		}
		var want []int32
		for id := range m {
			want = append(want, re[id])
		}
		slices.Sort(want)
		if got := slices.Sorted(s.remap(re).all()); !slices.Equal(got, want) {
			t.Fatalf("case %d: renumbered %v, want %v", n, got, want)
		}
	}
}
