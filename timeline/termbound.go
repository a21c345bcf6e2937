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
	index   *featureLists // the happenings by feature, with their weights
	common  []float64     // by happening: the norm of its common features
	changed []bool        // by happening: its vector is no longer the one indexed
	part    []float64     // by candidate: the dot product of its rare features with h's
	// of h, the happening whose candidates are read
	hCommon float64 // the norm of its common features
	merged  bool    // it absorbed a candidate: its vector changed
}

// featureLists are, for each feature, the happenings that have it (their
// positions in the list indexed, in order) and its weight in each: the
// lists laid out one after the other in two arrays, feature by feature,
// from start[k] to start[k+1].
type featureLists struct {
	start []int32
	at    []int32
	w     []float64
}

// newFeatureLists indexes the happenings of hs by feature.
func newFeatureLists(hs []*happening) *featureLists {
	top := int32(-1)
	total := 0
	for _, h := range hs {
		if k := len(h.vec.ids); k > 0 {
			top = max(top, h.vec.ids[k-1])
		}
		total += len(h.vec.ids)
	}
	// Counted, then filled: start[k+1] counts feature k's happenings,
	// then becomes where its list ends, and start[k] where the next
	// entry of it goes until the lists are filled.
	f := &featureLists{start: make([]int32, top+2), at: make([]int32, total), w: make([]float64, total)}
	for _, h := range hs {
		for _, k := range h.vec.ids {
			f.start[k+1]++
		}
	}
	for k := 1; k < len(f.start); k++ {
		f.start[k] += f.start[k-1]
	}
	for i, h := range hs {
		for x, k := range h.vec.ids {
			p := f.start[k]
			f.at[p], f.w[p] = int32(i), h.vec.w[x]
			f.start[k]++
		}
	}
	// Each start[k] is now where list k ends, start[k+1]'s beginning.
	copy(f.start[1:], f.start[:len(f.start)-1])
	f.start[0] = 0
	return f
}

// span returns where feature k's list is in at and w.
func (f *featureLists) span(k int32) (from, to int) {
	return int(f.start[k]), int(f.start[k+1])
}

// newTermBound returns the bound of hs, indexed by feature in index.
func newTermBound(hs []*happening, index *featureLists) *termBound {
	b := &termBound{index: index,
		common: make([]float64, len(hs)), changed: make([]bool, len(hs)), part: make([]float64, len(hs))}
	for i, h := range hs {
		b.common[i] = b.commonNorm(&h.vec)
	}
	return b
}

// commonNorm is the norm of a vector's common features.
func (b *termBound) commonNorm(v *vector) float64 {
	var sq float64
	for x, k := range v.ids {
		if from, to := b.index.span(k); to-from > commonTerm {
			sq += v.w[x] * v.w[x]
		}
	}
	return math.Sqrt(sq)
}

// add adds to candidate j's dot product the product of the weight hw of
// a rare feature in h and its own, at pos in the index's lists.
func (b *termBound) add(j int, pos int, hw float64) {
	b.part[j] += hw * b.index.w[pos]
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
	return b.dot(j) < t*h.vec.norm*o.vec.norm*(1-1e-9)
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
