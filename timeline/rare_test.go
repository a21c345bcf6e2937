package timeline

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// rareBySort is rare as a sort of the features by weight, then ID, with
// the lightest cut off while they weigh less than t of the norm.
func rareBySort(v *vector, t float64) ([]int, float64) {
	if v.norm == 0 {
		return nil, 0
	}
	order := make([]int, len(v.ids))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(v.w[a], v.w[b]); c != 0 {
			return c
		}
		return cmp.Compare(v.ids[a], v.ids[b])
	})
	budget := t * t * v.norm * v.norm * (1 - 1e-9)
	sq, k := 0.0, 0
	for ; k < len(order); k++ {
		w := v.w[order[k]]
		if sq+w*w >= budget {
			break
		}
		sq += w * w
	}
	indexed := order[k:]
	slices.Sort(indexed)
	return indexed, math.Sqrt(sq) * (1 + 1e-9)
}

// TestRareLikeSort checks that rare keeps the features a sort by weight
// keeps, ties of weight and all, and the same norm of the others to the
// bit, on vectors whose weights often tie (features of one frequency).
func TestRareLikeSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	var ws []float64
	for range 3000 {
		v := randomVector(r, 30, 400)
		for i := range v.w {
			if r.IntN(2) == 0 {
				v.w[i] = math.Log(1 + 10/float64(1+r.IntN(4))) // few weights: ties
			}
		}
		var sq float64
		for _, w := range v.w {
			sq += w * w
		}
		v.norm = math.Sqrt(sq)
		for _, th := range []float64{sameDayNamed, sameHappening, sameArticle, 0.99} {
			want, wantLight := rareBySort(&v, th)
			got, light := rare(&v, th, make([]int, len(v.ids)), &ws)
			if !slices.Equal(got, want) || math.Float64bits(light) != math.Float64bits(wantLight) {
				t.Fatalf("rare(%v, %v) = %v %v, want %v %v", v.w, th, got, light, want, wantLight)
			}
		}
	}
}
