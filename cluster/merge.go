package cluster

import (
	"cmp"
	"container/heap"
	"slices"
)

// Merging events. Articles join events strictly as they arrive, so one
// happening may open several events before its reports have much in
// common; Settle then merges the events whose centroids match from
// Options.MergeThreshold, best pair first. Two events of one kind (two
// earthquakes on one island, two coaches fired by one team) can match as
// well as that: they are told apart by their participants. Each event has
// names that most of its reports give; when each of two events has such a
// name that no report of the other gives, they are two happenings and stay
// apart.

// consistentShare is the share of an event's reports that name an entity
// for it to be one of the event's own participants.
const consistentShare = 0.5

// mergePair is a candidate merge of a and b, with their similarity when
// they had the versions recorded.
type mergePair struct {
	a, b   *event
	va, vb int
	score  float64
}

type mergeHeap []mergePair

func (h mergeHeap) Len() int { return len(h) }
func (h mergeHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score > h[j].score
	}
	if h[i].a.seq != h[j].a.seq {
		return h[i].a.seq < h[j].a.seq
	}
	return h[i].b.seq < h[j].b.seq
}
func (h mergeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)   { *h = append(*h, x.(mergePair)) }
func (h *mergeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// mergeEvents merges active events, best matching pair first, until no
// pair scores th (only pairs with one of only, when only is not nil); the
// older event of a pair takes in the younger's articles. With small, only
// pairs where one event holds at most settleSize articles count, the small
// one moves whatever its age, and participants do not keep events apart: a
// small event has not shown yet who its happening is about. Events holding
// an article placed by hand are left as they are. It returns the moves.
func (c *Clusterer) mergeEvents(th float64, small bool, only []*event) []Reassignment {
	mp := &merger{c: c, th: th, small: small, version: map[*event]int{}, units: map[*event]vec{}}
	if only != nil {
		for _, ev := range only {
			mp.push(ev, false)
		}
	} else {
		evs := make([]*event, 0, len(c.events))
		for _, ev := range c.events {
			evs = append(evs, ev)
		}
		slices.SortFunc(evs, func(a, b *event) int { return cmp.Compare(a.seq, b.seq) })
		for _, ev := range evs {
			mp.push(ev, true)
		}
	}
	var moves []Reassignment
	for mp.h.Len() > 0 {
		p := heap.Pop(&mp.h).(mergePair)
		if p.a.dead || p.b.dead || !mp.eligible(p.a, p.b) {
			continue
		}
		if mp.version[p.a] != p.va || mp.version[p.b] != p.vb {
			// one of them has grown since: score the pair again
			if s := mp.similarity(p.a, p.b); s >= th {
				heap.Push(&mp.h, mergePair{p.a, p.b, mp.version[p.a], mp.version[p.b], s})
			}
			continue
		}
		if !small && c.distinct(p.a, p.b) {
			continue
		}
		into, from := p.a, p.b
		if from.seq < into.seq {
			into, from = from, into
		}
		if small && independent(from) > settleSize {
			into, from = from, into
		}
		moves = append(moves, c.absorb(into, from, p.score)...)
		mp.version[into]++
		delete(mp.units, into)
		mp.push(into, false)
	}
	return moves
}

// merger is the state of one merge pass.
type merger struct {
	c       *Clusterer
	th      float64
	small   bool
	version map[*event]int // bumped when an event takes in another
	units   map[*event]vec
	h       mergeHeap
}

func (mp *merger) eligible(a, b *event) bool {
	return !mp.small || independent(a) <= settleSize || independent(b) <= settleSize
}

// push puts the pairs of ev with the active events that share one of its
// strongest terms and score the threshold on the heap; with onlyOlder,
// only pairs with older events (so that each pair is pushed once).
func (mp *merger) push(ev *event, onlyOlder bool) {
	c := mp.c
	if ev.dead || hasManual(ev) {
		return
	}
	norm := ev.unitNorm()
	pc := c.passes
	var sc *scatter // its unit centroid spread out, once a pair is not in the cache
	for _, o := range c.candidates(mp.top(ev, norm)) {
		if o == ev || o.dead || hasManual(o) || (onlyOlder && o.seq >= ev.seq) || !mp.eligible(ev, o) {
			continue
		}
		var ps pairSims // what the passes computed of the pair, either way round
		k, i := pairOf(ev, o)
		if pc != nil {
			ps = pc.sims[k]
		}
		if s, ok := ps.of(1-i, o, ev); ok && s < mp.th-symmetrySlack {
			continue // scored the other way round under the threshold: so it is this way
		}
		s, ok := ps.of(i, ev, o)
		if !ok {
			if c.damped(scoreBound, ev, o) < mp.th-symmetrySlack {
				continue // its dates and years keep it under the threshold, either way round
			}
			if sc == nil {
				sc = c.scatter(ev.c.v, norm)
				defer sc.release()
			}
			s = mp.similarityOf(ev, o, sc)
			if pc != nil {
				ps[i] = cachedSim{ev.rev, o.rev, s, true}
				pc.sims[k] = ps
			}
		}
		if s >= mp.th {
			heap.Push(&mp.h, mergePair{ev, o, mp.version[ev], mp.version[o], s})
		}
	}
}

// unit is ev's centroid as a unit vector, kept until ev takes in another
// event.
func (mp *merger) unit(ev *event) vec {
	u, ok := mp.units[ev]
	if !ok {
		if pc := mp.c.passes; pc != nil {
			if cu, ok := pc.units[ev]; ok && cu.rev == ev.rev {
				u = cu.v
			} else {
				u = ev.c.unit()
				pc.units[ev] = cachedUnit{ev.rev, u}
			}
		} else {
			u = ev.c.unit()
		}
		mp.units[ev] = u
	}
	return u
}

// unitNorm is the centroid's unitNorm, kept until the event takes in
// another article.
func (ev *event) unitNorm() float64 {
	if ev.normRev != ev.rev {
		ev.norm, ev.normRev = ev.c.unitNorm(), ev.rev
	}
	return ev.norm
}

// top is the strongest terms of ev's unit centroid (its centroid's terms,
// norm its unitNorm), which push looks for other events by, kept while
// the event takes in no article.
func (mp *merger) top(ev *event, norm float64) vec {
	pc := mp.c.passes
	if pc == nil {
		return topTermsOf(ev.c.v, queryTerms, norm)
	}
	if ct, ok := pc.tops[ev]; ok && ct.rev == ev.rev {
		return ct.v
	}
	t := topTermsOf(ev.c.v, queryTerms, norm)
	pc.tops[ev] = cachedUnit{ev.rev, t}
	return t
}

// passCache keeps, while Settle's passes run, the unit centroids, their
// strongest terms and the similarities they computed, each with the
// revisions of its events: a later pass takes them again while neither
// event has changed.
type passCache struct {
	sims  map[pairKey]pairSims
	units map[*event]cachedUnit
	tops  map[*event]cachedUnit
}

// pairKey is two events, the older first (by sequence, then ID): a pair
// is looked up once for its similarities either way round.
type pairKey [2]*event

// pairOf is the key of a and b, and the index in its pairSims of the
// similarity of a to b.
func pairOf(a, b *event) (pairKey, int) {
	if a.seq < b.seq || a.seq == b.seq && a.id < b.id {
		return pairKey{a, b}, 0
	}
	return pairKey{b, a}, 1
}

// pairSims is the similarity of a pair's first event to its second, and of
// the second to the first.
type pairSims [2]cachedSim

type cachedSim struct {
	ra, rb int
	s      float64
	set    bool
}

// of is the similarity of a to b at index i (pairOf), if it was computed
// and neither has changed since.
func (ps *pairSims) of(i int, a, b *event) (float64, bool) {
	cs := &ps[i]
	return cs.s, cs.set && cs.ra == a.rev && cs.rb == b.rev
}

type cachedUnit struct {
	rev int
	v   vec
}

// symmetrySlack bounds how far apart the similarities of two events taken
// either way round may be: they are the same cosines, computed from
// either side, and differ by rounding alone (TestSimilaritySymmetric).
const symmetrySlack = 1e-9

// similarity is the score of one event's centroid against the other's,
// damped by the gap between their dates and, where one is dated, by years
// neither shares.
func (mp *merger) similarity(a, b *event) float64 {
	return mp.similarityBy(a, b, nil)
}

// similarityBy is similarity with a's unit centroid scattered in sc, when
// not nil.
func (mp *merger) similarityBy(a, b *event, sc *scatter) float64 {
	pc := mp.c.passes
	if pc == nil {
		return mp.similarityOf(a, b, sc)
	}
	k, i := pairOf(a, b)
	ps := pc.sims[k]
	if s, ok := ps.of(i, a, b); ok {
		return s
	}
	s := mp.similarityOf(a, b, sc)
	ps[i] = cachedSim{a.rev, b.rev, s, true}
	pc.sims[k] = ps
	return s
}

// scoreBound bounds a score before its dates and years damp it: a sum of
// cosines weighted 0.5, 0.3 and 0.2, at most 1 but for rounding.
const scoreBound = 1 + 1e-9

// damped is score s of two events as their dates and years damp it in a
// merge pass (the same either way round): similarityOf's score, and with
// scoreBound the most any pair of their dates and years can score.
func (c *Clusterer) damped(s float64, a, b *event) float64 {
	ma, mb := a.center(), b.center()
	s *= c.timeFactor(ma, mb, mb, c.opt.TimeScale)
	if a.first.IsZero() && b.first.IsZero() {
		return s // neither is dated: no year to go by (datedYearFactor)
	}
	if sharesYear(a.years, b.years) {
		return s
	}
	return s * c.yearPenalty
}

func (mp *merger) similarityOf(a, b *event, sc *scatter) float64 {
	c := mp.c
	var s float64
	if sc != nil {
		s = c.scoreScattered(&b.c, sc)
	} else {
		s = c.score(&b.c, mp.unit(a))
	}
	return c.damped(s, a, b)
}

// distinct reports whether each of two events has a participant of its
// own: an entity that at least half its reports name and that no report
// of the other names.
func (c *Clusterer) distinct(a, b *event) bool {
	if ownParticipant(a.ents, a.reports, b.ents) && ownParticipant(b.ents, b.reports, a.ents) {
		return true
	}
	ya, yb := yearShares(a), yearShares(b)
	return ownYear(ya, b.years) && ownYear(yb, a.years)
}

// ownParticipant reports whether of, the entities of an event of reports
// reports, has one named by at least half of them that other does not
// name.
func ownParticipant(of []termCount, reports int, other []termCount) bool {
	j := 0
	for _, s := range of {
		if s.share(reports) < consistentShare {
			continue
		}
		for j < len(other) && other[j].id < s.id {
			j++
		}
		if j == len(other) || other[j].id != s.id {
			return true
		}
	}
	return false
}

// termCount is how many of an event's reports (near-copies aside) hold a
// term.
type termCount struct {
	id int32
	n  int32
}

// share is the count as a share of the event's reports.
func (t termCount) share(reports int) float64 { return float64(t.n) / float64(reports) }

// countEntities counts the entities of a report's vector v (sorted by
// term) into the event's, kept sorted by term, merging from the back in
// place.
func (ev *event) countEntities(v vec) {
	ev.reports++
	fresh := 0
	j := 0
	for _, x := range v {
		if x.k != kindEntity {
			continue
		}
		for j < len(ev.ents) && ev.ents[j].id < x.id {
			j++
		}
		if j < len(ev.ents) && ev.ents[j].id == x.id {
			ev.ents[j].n++
		} else {
			fresh++
		}
	}
	if fresh == 0 {
		return
	}
	old := len(ev.ents)
	ents := slices.Grow(ev.ents, fresh)[:old+fresh]
	i, k := old-1, len(v)-1
	for o := len(ents) - 1; o >= 0 && o > i; k-- {
		x := v[k]
		if x.k != kindEntity {
			continue
		}
		for i >= 0 && ents[i].id > x.id {
			ents[o] = ents[i]
			o--
			i--
		}
		if i >= 0 && ents[i].id == x.id {
			continue // counted above
		}
		ents[o] = termCount{x.id, 1}
		o--
	}
	ev.ents = ents
}

// yearShares is, for each year the event's reports are about, the share of
// its reports (near-copies aside) about it.
func yearShares(ev *event) map[int]float64 {
	return shares(ev, func(m *member, count func(int)) {
		for _, y := range m.years {
			count(y)
		}
	})
}

// shares is, for each key that each counts in the event's reports
// (near-copies aside), the share of the reports that hold it.
func shares[K comparable](ev *event, each func(m *member, count func(K))) map[K]float64 {
	out := map[K]float64{}
	n := 0
	for _, m := range ev.members {
		if m.v == nil {
			continue
		}
		n++
		each(m, func(k K) { out[k]++ })
	}
	for k := range out {
		out[k] /= float64(n)
	}
	return out
}

// absorb moves the articles of from into into and drops from (and its
// story, if that held nothing else: no other active event, none gone).
// The event keeps the story of whichever of the two has more independent
// reports: an event of a few reports that a big one merges into does not
// carry the big one off into its own story.
func (c *Clusterer) absorb(into, from *event, score float64) []Reassignment {
	var moves []Reassignment
	if independent(from) > independent(into) && from.story != nil && into.story != nil && from.story != into.story {
		moves = c.restory(into, from.story)
	}
	dropped, retired := "", (*story)(nil)
	if st := from.story; st != nil && len(st.events) == 1 {
		if st.left == 0 {
			dropped = st.id
		} else {
			// Events that left the window are still filed in it: the
			// store keeps the story, but with no active event left it
			// leaves the window, as evict lets a story go, and no new
			// event joins it.
			retired = st
		}
	}
	ms := from.members
	c.goneEvent(from)
	if retired != nil {
		c.touchStory(retired)
		c.retireStory(retired) // filed as its events leave it
	}
	c.dropEvent(from, true)
	if dropped != "" {
		c.goneStory(from.story)
		c.dropStory(from.story)
	} else if retired != nil {
		c.dropStory(retired)
	} else if from.story != nil {
		c.touchStory(from.story) // it lost an event
	}
	moves = slices.Grow(moves, len(ms))
	for _, m := range ms {
		m.ev = nil
		if m.v != nil {
			m.score = score
			m.terms, m.entities = c.shared(m.v, &into.c)
		}
		c.join(into, m, m.v)
		mv := Reassignment{ArticleID: m.id, From: from.id, To: into.id, Score: m.score, DroppedStory: dropped}
		if into.story != nil {
			mv.Story = into.story.id
		}
		moves = append(moves, mv)
		dropped = ""
	}
	return moves
}

// restory moves ev into story st, and drops its story if that holds
// nothing else then; its articles' moves say so (From and To are ev).
func (c *Clusterer) restory(ev *event, st *story) []Reassignment {
	old := ev.story
	old.events = slices.DeleteFunc(old.events, func(e *event) bool { return e == ev })
	dropped := ""
	if len(old.events) == 0 && old.left == 0 {
		dropped = old.id
		c.goneStory(old)
		c.dropStory(old)
	} else {
		c.touchStory(old)
	}
	ev.story = st
	st.events = append(st.events, ev)
	c.feedStory(st, ev, nil)
	moves := make([]Reassignment, 0, len(ev.members))
	for _, m := range ev.members {
		moves = append(moves, Reassignment{ArticleID: m.id, From: ev.id, To: ev.id, Story: st.id, Score: m.score, DroppedStory: dropped})
		dropped = ""
	}
	return moves
}

func ownYear(of map[int]float64, other map[int]int) bool {
	for y, share := range of {
		if share >= consistentShare && other[y] == 0 {
			return true
		}
	}
	return false
}
