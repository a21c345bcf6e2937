package cluster

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// referencePrune is prune as a sort of the terms, heaviest first (the
// lower term first among equal weights), summing the norms in that order.
func referencePrune(p *profile) {
	all := slices.Clone(p.v)
	slices.SortFunc(all, heaviestFirst)
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

// TestPruneAfterAdds: profiles that take in vector after vector and
// prune on their own (looking only at weights from the last prune's
// lightest kept one on) keep the same terms and norms, to the last bit,
// as sorting all the terms at each prune.
func TestPruneAfterAdds(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	for n := range 200 {
		limit := 1 + rng.IntN(60)
		got := profile{limit: limit}
		var want profile // pruned by referencePrune at the same points
		for step := range 30 {
			v := randomVec(rng, 1+rng.IntN(3*limit)).unit()
			got.add(v)
			want.add(v)
			if len(want.v) > 2*limit {
				want.limit = limit
				referencePrune(&want)
				want.limit = 0
			}
			if !slices.Equal(got.v, want.v) || got.norm2 != want.norm2 || got.kn2 != want.kn2 {
				t.Fatalf("case %d, step %d (limit %d): kept %d terms, norms %v %v; sorting keeps %d, %v %v",
					n, step, limit, len(got.v), got.norm2, got.kn2, len(want.v), want.norm2, want.kn2)
			}
		}
	}
}

// referenceAdd is add as two plain steps: the norms' changes from the
// profile's weight of each term of v, in the order of v, then the terms
// of both, their weights added, sorted by term.
func referenceAdd(p *profile, v vec) {
	var d float64
	var kd [kinds]float64
	sum := map[int32]tw{}
	for _, x := range p.v {
		sum[x.id] = x
	}
	for _, x := range v {
		pw, _ := weight(p.v, 0, x.id)
		d += pw * x.w
		kd[x.k] += 2*pw*x.w + x.w*x.w
		if y, ok := sum[x.id]; ok {
			x.w = y.w + x.w
		}
		sum[x.id] = x
	}
	p.v = slices.SortedFunc(maps.Values(sum), func(a, b tw) int { return int(a.id - b.id) })
	p.norm2 += 2*d + dotSelf(v)
	for k := range kd {
		p.kn2[k] += kd[k]
	}
}

// TestAddAsReference: add, merging in one pass from the back, gives the
// terms, weights and norms, to the last bit, of referenceAdd, for vectors
// that share none, some or all of a profile's terms, added to profiles
// with room to spare and without.
func TestAddAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for n := range 500 {
		var got, want profile
		for step := range 1 + rng.IntN(8) {
			v := randomVec(rng, 1+rng.IntN(60))
			if step > 0 && rng.IntN(3) == 0 {
				v = slices.Clone(got.v) // every term held already
			}
			if rng.IntN(2) == 0 {
				got.v = slices.Clip(got.v)
			}
			got.add(v)
			referenceAdd(&want, v)
			if !slices.Equal(got.v, want.v) || got.norm2 != want.norm2 || got.kn2 != want.kn2 {
				t.Fatalf("case %d, step %d: add gave %v, norms %v %v; want %v, %v %v",
					n, step, got.v, got.norm2, got.kn2, want.v, want.norm2, want.kn2)
			}
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

// randomVec is a vector of n terms of every kind, sorted by term, from
// ids up to about 3n. A term has one kind, whichever vector holds it.
func randomVec(rng *rand.Rand, n int) vec {
	var v vec
	id := int32(0)
	for range n {
		id += 1 + int32(rng.IntN(3))
		v = append(v, tw{id, uint8(id % int32(kinds)), rng.Float64()})
	}
	return v
}

// TestCosinesAsTwoPasses: cosines gives, to the last bit, cosKinds and
// cos as the two passes they were: each kind's products and all of them,
// added in term order.
func TestCosinesAsTwoPasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for n := range 500 {
		var p profile
		for range 1 + rng.IntN(5) {
			p.add(randomVec(rng, 1+rng.IntN(400)))
		}
		v := randomVec(rng, 1+rng.IntN(100)).unit()
		var dot, vn [kinds]float64
		var d float64
		for _, x := range v {
			w, _ := weight(p.v, 0, x.id)
			dot[x.k] += w * x.w
			vn[x.k] += x.w * x.w
			d += w * x.w
		}
		var want [kinds]float64
		for k := range want {
			if vn[k] > 0 && p.kn2[k] > 0 {
				want[k] = dot[k] / math.Sqrt(vn[k]*p.kn2[k])
			}
		}
		wantAll := d / math.Sqrt(p.norm2)
		got, all := p.cosines(v)
		if got != want || all != wantAll || p.cos(v) != wantAll || p.cosKinds(v) != want {
			t.Fatalf("case %d: cosines %v %v, want %v %v", n, got, all, want, wantAll)
		}
	}
}

// TestScatteredAsCosines: a vector scattered gives, to the last bit, the
// cosines and scores that looking its terms up in each profile gives: a
// document's unit vector, and an event's centroid scattered as its unit
// vector (scatter's norm); and release leaves the scratch clean for the
// next.
func TestScatteredAsCosines(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	c := New(Options{})
	for len(c.vocab.terms) < 1300 {
		c.vocab.id(kindWord, fmt.Sprint(len(c.vocab.terms)), "")
	}
	for n := range 500 {
		var p profile
		for range 1 + rng.IntN(5) {
			p.add(randomVec(rng, 1+rng.IntN(400)).unit())
		}
		var centroid profile
		for range 1 + rng.IntN(3) {
			centroid.add(randomVec(rng, 1+rng.IntN(100)).unit())
		}
		u := randomVec(rng, 1+rng.IntN(100)).unit()
		sc := c.scatter(u, 1)
		got, gotAll := sc.cosines(&p)
		gotScore := c.scoreScattered(&p, sc)
		sc.release()
		want, wantAll := p.cosines(u)
		if got != want || gotAll != wantAll || gotScore != c.score(&p, u) {
			t.Fatalf("case %d: scattered cosines %v %v, score %v; looked up %v %v, %v", n, got, gotAll, gotScore, want, wantAll, c.score(&p, u))
		}
		sc = c.scatter(centroid.v, centroid.unitNorm())
		gotScore = c.scoreScattered(&p, sc)
		sc.release()
		if wantScore := c.score(&p, centroid.unit()); gotScore != wantScore {
			t.Fatalf("case %d: a centroid scattered scores %v, as a unit vector %v", n, gotScore, wantScore)
		}
		if i := slices.IndexFunc(c.sc.bits, func(b uint64) bool { return b != 0 }); i >= 0 {
			t.Fatalf("case %d: release left terms %d to %d scattered", n, 64*i, 64*i+63)
		}
	}
}

// TestWeighAsSorted: weigh's vector is the counts weighted, sorted by
// term and scaled to length 1, to the last bit, as sorting the weighted
// terms does.
func TestWeighAsSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	c := New(Options{})
	for len(c.vocab.terms) < 300 {
		c.vocab.id(uint8(rng.IntN(int(kinds))), fmt.Sprint(len(c.vocab.terms)), "")
	}
	for n := range 200 {
		var cn counts
		for _, id := range rng.Perm(300)[:1+rng.IntN(299)] {
			cn.ids = append(cn.ids, int32(id))
			cn.tf = append(cn.tf, float64(1+rng.IntN(5)))
		}
		got := c.weigh(cn, n%2 == 0)
		var want vec
		for i, id := range cn.ids {
			w := (1 + math.Log(cn.tf[i])) * c.vocab.idf(id)
			switch c.vocab.terms[id].kind {
			case kindEntity, kindName:
				w *= c.opt.EntityWeight
			case kindNumber:
				w *= c.opt.NumberWeight
			}
			want = append(want, tw{id, c.vocab.terms[id].kind, w})
		}
		slices.SortFunc(want, func(a, b tw) int { return int(a.id - b.id) })
		want = want.unit()
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: weigh gave %v, want %v", n, got, want)
		}
	}
}

// TestSelectFirst: the first k after selectFirst, sorted, are the first k
// of the sorted slice.
func TestSelectFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for n := range 2000 {
		s := rng.Perm(1 + rng.IntN(300))
		k := rng.IntN(len(s) + 1)
		want := slices.Sorted(slices.Values(s))[:k]
		selectFirst(s, k, func(a, b int) int { return a - b })
		got := slices.Sorted(slices.Values(s[:k]))
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: the first %d of %d after selectFirst are %v, want %v", n, k, len(s), got, want)
		}
	}
}

// heaviestFirst orders terms heaviest first, the lower term first among
// equal weights: the order prune and topTermsOf keep terms in.
func heaviestFirst(a, b tw) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	}
	return int(a.id - b.id)
}
