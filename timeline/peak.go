package timeline

import (
	"math"
	"slices"
)

// peak returns, for each feature of the members that date h itself (not
// those that corroborate it), the largest weight it has in one of them
// over that member's norm. The cosine of a statement and any of those
// members is at most its dot product with the peak over its own norm
// (mayReach): most statements and happenings need not be compared member
// by member to see that they are not alike. It is kept until the members
// change.
func (h *happening) peaks() *vector {
	if h.peak != nil {
		return h.peak
	}
	n, top := 0, int32(-1)
	for _, it := range h.items {
		if k := len(it.vec.ids); k > 0 && !h.coarse[it] {
			n += k
			top = max(top, it.vec.ids[k-1])
		}
	}
	buf := accumulators.Get().(*[]float64)
	if len(*buf) <= int(top) {
		*buf = make([]float64, top+1)
	}
	acc := (*buf)[:top+1]
	p := h.spare // the peak before the members changed: its arrays are free
	h.spare = nil
	if p == nil {
		p = &vector{ids: make([]int32, 0, n)}
	}
	ids := p.ids[:0]
	for _, it := range h.items {
		if h.coarse[it] || it.vec.norm == 0 {
			continue
		}
		for i, id := range it.vec.ids {
			if acc[id] == 0 { // weights are positive: first time seen
				ids = append(ids, id)
			}
			acc[id] = math.Max(acc[id], it.vec.w[i]/it.vec.norm)
		}
	}
	slices.Sort(ids)
	w := p.w[:0]
	if cap(w) < len(ids) {
		w = make([]float64, 0, len(ids))
	}
	for _, id := range ids {
		w = append(w, acc[id])
		acc[id] = 0
	}
	accumulators.Put(buf)
	*p = vector{ids: ids, w: w}
	h.peak = p
	return h.peak
}

// membersChanged forgets what h cached of its members: their support and
// peak (whose arrays the next peak reuses: no one holds a peak past a
// comparison).
func (h *happening) membersChanged() {
	h.sup, h.least = [2]int{}, 0
	if h.peak != nil {
		h.spare, h.peak = h.peak, nil
	}
}

// fewMembers is the number of members up to which a happening is
// compared member by member: the bound would cost more.
const fewMembers = 8

// mayReach reports whether the cosine of it and a member that dates g
// itself may reach t: false when the bound of peaks says it cannot.
// (The margin keeps rounding on the safe side.)
func (g *happening) mayReach(it *item, t float64) bool {
	if len(g.items) <= fewMembers {
		return true
	}
	if it.vec.norm == 0 {
		return t <= 0
	}
	return dot(&it.vec, g.peaks()) >= t*it.vec.norm*(1-1e-9)
}

// mayLink reports whether link of the one statement it and g may reach
// t: a kind of happening they share (sameKindAndActor), a statement
// about the focus (of its article, perhaps), or a cosine that may reach t.
func (g *happening) mayLink(it *item, t float64) bool {
	if len(g.items) <= fewMembers || it.focus || g.mayReach(it, t) {
		return true
	}
	p := g.peaks()
	for _, k := range it.kinds {
		if _, ok := slices.BinarySearch(p.ids, k); ok {
			return true
		}
	}
	return false
}

// leastNorm is the smallest norm of a member that dates h itself, of
// those with a norm (+Inf for none): the cosine of two statements of two
// happenings is at most the dot product of the happenings over the
// product of their least norms. It is kept until the members change.
func (h *happening) leastNorm() float64 {
	if h.least == 0 {
		h.least = math.Inf(1)
		for _, it := range h.items {
			if n := it.vec.norm; n > 0 && n < h.least && !h.coarse[it] {
				h.least = n
			}
		}
	}
	return h.least
}
