package timeline

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// dayReports finds, for a statement of one date, the reports of that
// date it may report one happening with (sameHappeningAs above 0),
// without testing it against every report: a date that thousands of
// reports name would otherwise cost millions of tests. Every pair that
// sameHappeningAs joins is one of these (a superset: the candidates are
// tested as before):
//   - they are alike at sameDayNamed at least, so they share a feature
//     of the report's indexed part (rare);
//   - they come from one article and one is its lead, both are about
//     the focus or they are a sentence or two apart (sameStory,
//     sameKindAndActor), or they are alike at sameArticle;
//   - both are leads and sameEvent is set (sameEventLeads);
//   - they name one kind of happening and share an actor, one that
//     identifies a happening or any when one of them is a lead
//     (sameKindAndActor).
//
// With another threshold of cosine (reach), it finds the statements that
// a statement may link to (link: the same kind and actor, both about the
// focus in one article, or alike at the threshold).
type dayReports struct {
	reports []*item
	reach   func(x, y *item) float64 // the cosine x and y must reach
	leads   []int                    // the positions of the leads, when sameEvent is set
	// byFeature lists the reports by the features of their indexed part,
	// with their weights: postings[byFeature[f][0]:byFeature[f][1]] are
	// those of feature f, in the order of the reports (one array for
	// all, not one a feature), for the features up to the last indexed
	// (feature IDs are dense: prepare numbers them from 0). light is the
	// norm of each report's other features.
	byFeature [][2]int32
	postings  []posting
	light     []float64
	// byArticle lists the reports of each article by sentence.
	byArticle map[string][]sentenceReport
	// byKind lists the reports by a kind and one of their actors,
	// byKindLead the leads among them.
	byKind, byKindLead map[[2]int32][]int
	seen               []int // the probe that last found each report
	probe              int
	dot                []float64 // a probe's dot product with each report's indexed part
	found              []int
	// indexed, slab and weights are newReports' scratch, kept for the
	// next index (spareReports).
	indexed [][]int
	slab    []int
	weights []float64
}

// sentenceReport is a report and the sentence of its article it is.
type sentenceReport struct {
	sentence, report int
}

// posting is a report and the weight of a feature in it.
type posting struct {
	report int
	w      float64
}

// fewReports is the number of reports of a date up to which every pair
// is tested: the index would cost more than it saves.
const fewReports = 32

func newDayReports(reports []*item, sameEvent bool) *dayReports {
	return newReports(reports, sameEvent, joinThreshold)
}

// newReports indexes reports to find those whose cosine with a statement
// x may reach reach(x, y), or that one of the other ways may join.
func newReports(reports []*item, sameEvent bool, reach func(x, y *item) float64) *dayReports {
	if len(reports) <= fewReports {
		return &dayReports{reports: reports}
	}
	r := spareReports.Get().(*dayReports)
	r.reach, r.reports, r.leads = reach, reports, r.leads[:0]
	r.light, r.dot = sized(r.light, len(reports)), sized(r.dot, len(reports))
	r.seen = sized(r.seen, len(reports))
	clear(r.seen)
	r.probe = 0
	// The indexed features of each report, counted by feature, then
	// laid out feature by feature in one array.
	r.indexed = sized(r.indexed, len(reports))
	n := 0
	for _, it := range reports {
		n += len(it.vec.ids)
	}
	r.slab = sized(r.slab, n)
	slab := r.slab // the indexed features of each report in turn
	top := int32(-1)
	for i, it := range reports {
		m := len(it.vec.ids)
		k, light := rare(&it.vec, reach(nil, it), slab[:m:m], &r.weights)
		slab = slab[m:]
		r.indexed[i], r.light[i] = k, light
		if len(k) > 0 {
			top = max(top, it.vec.ids[k[len(k)-1]]) // k is in the order of the IDs
		}
	}
	r.byFeature = sized(r.byFeature, int(top+1)) // zeroed by release
	for i, it := range reports {
		for _, f := range r.indexed[i] {
			r.byFeature[it.vec.ids[f]][1]++
		}
	}
	at := int32(0)
	for id, n := range r.byFeature {
		r.byFeature[id] = [2]int32{at, at} // filled up to the second
		at += n[1]
	}
	r.postings = sized(r.postings, int(at))
	for i, it := range reports {
		for _, f := range r.indexed[i] {
			span := &r.byFeature[it.vec.ids[f]]
			r.postings[span[1]] = posting{i, it.vec.w[f]}
			span[1]++
		}
	}
	for i, it := range reports {
		r.byArticle[it.st.ArticleID] = append(r.byArticle[it.st.ArticleID], sentenceReport{it.st.Sentence, i})
		if it.lead && sameEvent {
			r.leads = append(r.leads, i)
		}
		for _, k := range it.kinds {
			for _, a := range it.actors {
				key := [2]int32{k, a}
				r.byKind[key] = append(r.byKind[key], i)
				if it.lead {
					r.byKindLead[key] = append(r.byKindLead[key], i)
				}
			}
		}
	}
	for _, list := range r.byArticle {
		slices.SortFunc(list, func(a, b sentenceReport) int { return cmp.Or(a.sentence-b.sentence, a.report-b.report) })
	}
	return r
}

// spareReports holds indexes given back (release), whose memory the next
// newReports takes over: an event's dates with many reports each index
// them, and so do the targets of its happenings.
var spareReports = sync.Pool{New: func() any {
	return &dayReports{byArticle: map[string][]sentenceReport{}, byKind: map[[2]int32][]int{}, byKindLead: map[[2]int32][]int{}}
}}

// sized returns s with length n: s's array if it has room, else a new
// zeroed one. What s held stays in it.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// emptied returns m emptied: m itself, unless it holds more than
// maxDistinctSet keys, as clearing a map costs what it has grown to
// however few keys the next index puts in it.
func emptied[K comparable, V any](m map[K]V) map[K]V {
	if len(m) > maxDistinctSet {
		return map[K]V{}
	}
	clear(m)
	return m
}

// release gives r's memory back to the next index, its array of spans
// zeroed: r is not read after.
func (r *dayReports) release() {
	if r.seen == nil {
		return // not indexed: nothing to give back
	}
	clear(r.byFeature)
	r.byArticle, r.byKind, r.byKindLead = emptied(r.byArticle), emptied(r.byKind), emptied(r.byKindLead)
	clear(r.indexed)
	r.reports, r.reach = nil, nil
	spareReports.Put(r)
}

// candidates appends to buf the positions below limit of the reports x
// may report one happening with, in increasing order.
func (r *dayReports) candidates(x *item, limit int, buf []int) []int {
	if r.seen == nil {
		for j := range limit {
			buf = append(buf, j)
		}
		return buf
	}
	r.probe++
	add := func(list []int) {
		for _, j := range list {
			if j >= limit {
				return // lists are in increasing order
			}
			if r.seen[j] != r.probe {
				r.seen[j] = r.probe
				buf = append(buf, j)
			}
		}
	}
	// The reports that share a feature of their indexed part with x,
	// and whose cosine with it may reach the threshold of the pair: the
	// dot product of x and the indexed part, and at most the norm of x
	// times that of the rest.
	found := r.found[:0]
	for i, id := range x.vec.ids {
		if int(id) >= len(r.byFeature) {
			break // ids are sorted: none of the rest is indexed
		}
		span := r.byFeature[id]
		for _, p := range r.postings[span[0]:span[1]] {
			if p.report >= limit {
				break
			}
			if r.seen[p.report] != r.probe {
				r.seen[p.report] = r.probe
				r.dot[p.report] = 0
				found = append(found, p.report)
			}
			r.dot[p.report] += x.vec.w[i] * p.w
		}
	}
	r.found = found
	r.probe++
	for _, j := range found {
		y := r.reports[j]
		if r.dot[j]+x.vec.norm*r.light[j] >= r.reach(x, y)*x.vec.norm*y.vec.norm*(1-1e-9) {
			r.seen[j] = r.probe
			buf = append(buf, j)
		}
	}
	buf = r.ofArticle(x, limit, buf)
	if x.lead {
		add(r.leads)
	}
	for _, k := range x.kinds {
		for _, a := range x.actors {
			key := [2]int32{k, a}
			if x.lead {
				add(r.byKind[key]) // a lead shares any actor
				continue
			}
			add(r.byKindLead[key])
			if _, ok := slices.BinarySearch(x.who, a); ok {
				add(r.byKind[key]) // who is a sorted subset of actors
			}
		}
	}
	slices.Sort(buf)
	return buf
}

// ofArticle appends to buf the reports below limit of x's own article
// that the probe has not found and that sameStory may join with it: its
// lead (all of them when x is the lead), those about the focus when x
// is, and those a sentence or two away. Unless x is a lead or about the
// focus, they are the article's first sentence and a window around
// x's, found in its list by sentence, not by reading the whole list.
func (r *dayReports) ofArticle(x *item, limit int, buf []int) []int {
	own := r.byArticle[x.st.ArticleID]
	add := func(list []sentenceReport) {
		for _, e := range list {
			j := e.report
			if j >= limit || r.seen[j] == r.probe {
				continue
			}
			if y := r.reports[j]; x.lead || y.lead || x.focus && y.focus || abs(x.st.Sentence-y.st.Sentence) <= continuityWindow {
				r.seen[j] = r.probe
				buf = append(buf, j)
			}
		}
	}
	if x.lead || x.focus {
		add(own)
		return buf
	}
	from := sentenceAt(own, x.st.Sentence-continuityWindow)
	to := sentenceAt(own, x.st.Sentence+continuityWindow+1)
	add(own[:min(from, sentenceAt(own, 1))]) // its lead
	add(own[from:to])
	return buf
}

// sentenceAt returns the position in list (by sentence) of the first
// report of sentence n or after.
func sentenceAt(list []sentenceReport, n int) int {
	i, _ := slices.BinarySearchFunc(list, n, func(e sentenceReport, n int) int { return e.sentence - n })
	return i
}

// joinThreshold is the cosine at which x and y are one happening of
// their date (sameHappeningAs), or with x nil, the lowest one for y and
// any statement.
func joinThreshold(x, y *item) float64 {
	switch {
	case x == nil && y.explicit:
		return sameDayNamed // the other may name the day too
	case x == nil:
		return sameHappening
	case x.st.ArticleID == y.st.ArticleID:
		return sameArticle
	case x.explicit && y.explicit:
		return sameDayNamed
	}
	return sameHappening
}

// rare returns the features of v that any vector whose cosine with v
// reaches t shares with it, as positions in v in increasing order: all
// but its most frequent (lightest) ones, as many of those as weigh less
// than t of its norm together (of equal weights, the lower IDs first). A
// vector that shares none of the rest has a cosine with v of at most the
// norm of those light ones over v's (Cauchy-Schwarz), below t. (A margin
// of 1e-9 keeps rounding on the safe side.) The positions go in out[:0],
// which has room for them all; ws is scratch space.
func rare(v *vector, t float64, out []int, ws *[]float64) (indexed []int, light float64) {
	if v.norm == 0 {
		return nil, 0
	}
	// The weights in increasing order: the light ones are the first k.
	sorted := append((*ws)[:0], v.w...)
	*ws = sorted
	slices.Sort(sorted)
	budget := t * t * v.norm * v.norm * (1 - 1e-9)
	sq, k := 0.0, 0
	for ; k < len(sorted); k++ {
		w := sorted[k]
		if sq+w*w >= budget {
			break
		}
		sq += w * w
	}
	indexed = out[:0]
	if k == 0 {
		for i := range v.ids {
			indexed = append(indexed, i)
		}
		return indexed, 0
	}
	// Those heavier than the last light one, and of those that weigh as
	// much, all but the first ties (in the order of the IDs).
	cut, ties := sorted[k-1], 0
	for j := k - 1; j >= 0 && sorted[j] == cut; j-- {
		ties++
	}
	for i, w := range v.w {
		switch {
		case w > cut:
			indexed = append(indexed, i)
		case w == cut && ties > 0:
			ties--
		case w == cut:
			indexed = append(indexed, i)
		}
	}
	return indexed, math.Sqrt(sq) * (1 + 1e-9)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
