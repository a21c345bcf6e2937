package timeline

import "math"

// commonTerm is how many happenings may share a feature for it to point
// mergeAcrossDates at candidates: a feature more of them have is too
// common to.
const commonTerm = 200

// termBound bounds, for mergeAcrossDates, the cosine of a happening h with
// each of its candidates before the cosine itself is taken. Their dot
// product is the sum of the products of the features they share: those
// of the rare features (the candidates' lists of at most commonTerm) are
// summed as the lists are read (add); the rest is at most the product of
// the norms of the two vectors' common features (Cauchy-Schwarz). Of
// Timeline17's largest event (5,789 dated statements) 156,184 pairs are a
// few days apart, where only the cosine could merge them: the bound rules
// out all but 30, 27 of which merge.
//
// The bound holds for the vectors the index was built from: a happening
// whose vector has changed since (it absorbed another) is compared in
// full.
type termBound struct {
	index   [][]int     // by feature: the happenings that have it, in order
	weights [][]float64 // by feature: its weight in each of them, in the same order
	common  []float64   // by happening: the norm of its common features
	changed []bool      // by happening: its vector is no longer the one indexed
	part    []float64   // by candidate: the dot product of its rare features with h's
	// of h, the happening whose candidates are read
	hCommon float64 // the norm of its common features
	merged  bool    // it absorbed a candidate: its vector changed
}

// newTermBound returns the bound of hs, indexed by feature in index
// (total entries in all).
func newTermBound(hs []*happening, index [][]int, total int) *termBound {
	b := &termBound{index: index, weights: make([][]float64, len(index)),
		common: make([]float64, len(hs)), changed: make([]bool, len(hs)), part: make([]float64, len(hs))}
	slab := make([]float64, total) // the lists' weights in one array
	for k, list := range index {
		b.weights[k], slab = slab[:0:len(list)], slab[len(list):]
	}
	for i, h := range hs {
		for x, k := range h.vec.ids {
			b.weights[k] = append(b.weights[k], h.vec.w[x])
		}
		b.common[i] = b.commonNorm(&h.vec)
	}
	return b
}

// commonNorm is the norm of a vector's common features.
func (b *termBound) commonNorm(v *vector) float64 {
	var sq float64
	for x, k := range v.ids {
		if len(b.index[k]) > commonTerm {
			sq += v.w[x] * v.w[x]
		}
	}
	return math.Sqrt(sq)
}

// add adds to candidate j's dot product the product of the weight hw of
// rare feature k in h and its own, the pos-th in k's list.
func (b *termBound) add(j int, k int32, pos int, hw float64) {
	b.part[j] += hw * b.weights[k][pos]
}

// start begins the comparisons of h, after its candidates were added.
func (b *termBound) start(h *happening) {
	b.hCommon = b.commonNorm(&h.vec)
	b.merged = false
}

// absorbed records a merge of h and candidate j: whichever absorbed the
// other has a new vector.
func (b *termBound) absorbed(j int, hLost bool) {
	if hLost {
		b.changed[j] = true
	} else {
		b.merged = true
	}
}

// below reports whether the cosine of h and candidate j (o) is surely
// below t. (The margin keeps rounding on the safe side: the products are
// summed in another order than cosine's.)
func (b *termBound) below(j int, h, o *happening, t float64) bool {
	if b.merged || b.changed[j] {
		return false
	}
	return b.part[j]+b.hCommon*b.common[j] < t*h.vec.norm*o.vec.norm*(1-1e-9)
}

// dot bounds the dot product of h and candidate j, when below may rule
// them out (it holds for the vectors indexed).
func (b *termBound) dot(j int) float64 {
	return b.part[j] + b.hCommon*b.common[j]
}

// reset clears the dot products of h's candidates, for the next h.
func (b *termBound) reset(candidates []int) {
	for _, j := range candidates {
		b.part[j] = 0
	}
}
