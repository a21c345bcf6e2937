package timeline

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/storyline/storyline"
)

// happening is an entry in the making: the statements that report one
// happening on one date.
type happening struct {
	date storyline.Date
	// first and end are the date's first day and the day after its last
	// (days), set by newHappening: the date never changes.
	first, end int64
	items      []*item
	vec        vector // sum of the members' vectors
	score      float64
	// sup and peak cache support() (its outlets and articles; none
	// before it is counted) and peaks() until the members change;
	// spare is the last peak, whose arrays the next one reuses
	sup         [2]int
	peak, spare *vector
	// least caches leastNorm until the members change (0: not yet).
	least float64
	// dates and other are the dates merged in by a date conflict and the
	// members that gave each of them.
	dates []storyline.Date
	other [][]*item
	// coarse are the members dated to a month or a year that corroborate
	// the happening's day.
	coarse map[*item]bool
}

// group turns items into happenings: by date, then across dates.
func group(items []*item, sameEvent func(a, b string) bool) []*happening {
	byDate := map[storyline.Date][]*item{}
	for _, it := range items {
		byDate[it.date] = append(byDate[it.date], it)
	}
	dates := make([]storyline.Date, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	slices.SortFunc(dates, storyline.Date.Compare)
	var hs []*happening
	for _, d := range dates {
		hs = append(hs, groupDay(d, byDate[d], sameEvent)...)
	}
	hs = corroborate(hs)
	hs = reportedLater(hs)
	return mergeAcrossDates(hs)
}

// groupDay groups the statements of one date by happening. Two reports
// are one happening when they are similar enough (single link: reports
// of different articles at sameHappening, or sameDayNamed when both name
// the day, of one article at sameArticle), and always the leads of two
// reports of one event, two statements of one article about the focus,
// and two statements of one kind of happening with one identifying actor.
// Every other statement then joins the happening of the report it is most
// similar to by the same tests, or is dropped: it corroborates, and a
// background sentence that bridges two happenings does not merge them.
func groupDay(d storyline.Date, items []*item, sameEvent func(a, b string) bool) []*happening {
	slices.SortStableFunc(items, func(a, b *item) int {
		if a.report != b.report {
			if a.report {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.quality, a.quality)
	})
	reports := 0
	for reports < len(items) && items[reports].report {
		reports++
	}
	// Reports: single-link components.
	parent := make([]int, reports)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	day := newDayReports(items[:reports], sameEvent != nil)
	defer day.release()
	var cands []int
	sp := newSpread() // items[i]'s vector
	defer sp.release()
	for i := 1; i < reports; i++ {
		cands = day.candidates(items[i], i, cands[:0])
		sp.set(&items[i].vec)
		for _, j := range cands {
			if find(i) != find(j) && joinScore(items[i], items[j], sp.cosine(&items[j].vec), sameEvent) > 0 {
				parent[find(i)] = find(j)
			}
		}
	}
	// A plan for the day ("Antonov is expected at the ministry on
	// Monday") is the happening of that day its identifying actor takes
	// part in, if one was reported, however differently it is worded.
	for i := range reports {
		if !items[i].plan || !planOnly(items[:reports], find, find(i)) {
			continue
		}
		best, bestScore := -1, -1.0
		for j := range reports {
			o := items[j]
			if o.plan || find(j) == find(i) || !sharesID(items[i].who, o.who) {
				continue
			}
			if s := itemCosine(items[i], o); s > bestScore {
				best, bestScore = j, s
			}
		}
		if best >= 0 {
			parent[find(i)] = find(best)
		}
	}
	// A happening of each component, in the order of their first
	// reports, with room for its reports: all allocated at once.
	components := 0
	for i := range reports {
		if find(i) == i {
			components++
		}
	}
	slab := make([]happening, components)
	hs := make([]*happening, 0, components)
	size := make([]int, components)
	home := make([]int, reports)
	index := make([]int, reports) // component root -> 1 + its happening
	first, end := days(d)         // of every happening of the day
	for i := range reports {
		r := find(i)
		k := index[r] - 1
		if k < 0 {
			k = len(hs)
			index[r] = k + 1
			slab[k] = happening{date: d, first: first, end: end}
			hs = append(hs, &slab[k])
		}
		size[k]++
		home[i] = k
	}
	members := make([]*item, reports)
	for k, h := range hs {
		h.items, members = members[:0:size[k]], members[size[k]:]
	}
	for i := range reports {
		hs[home[i]].items = append(hs[home[i]].items, items[i])
	}
	// The others join the happening of the report they match best.
	for _, it := range items[reports:] {
		best, bestScore := -1, 0.0
		cands = day.candidates(it, reports, cands[:0])
		sp.set(&it.vec)
		for _, j := range cands {
			if s := joinScore(it, items[j], sp.cosine(&items[j].vec), sameEvent); s > bestScore {
				best, bestScore = home[j], s
			}
		}
		if best >= 0 {
			hs[best].items = append(hs[best].items, it)
		}
	}
	for _, h := range hs {
		h.refresh()
	}
	return hs
}

// planOnly reports whether every report of the component root is a plan.
func planOnly(reports []*item, find func(int) int, root int) bool {
	for j, o := range reports {
		if find(j) == root && !o.plan {
			return false
		}
	}
	return true
}

// sameHappeningAs says how surely two statements of one date report one
// happening: 0 when they do not, else their similarity as a multiple of
// the threshold it passes (1 at least).
func sameHappeningAs(a, b *item, sameEvent func(a, b string) bool) float64 {
	return joinScore(a, b, itemCosine(a, b), sameEvent)
}

// joinScore is sameHappeningAs with the cosine s of a and b given.
func joinScore(a, b *item, s float64, sameEvent func(a, b string) bool) float64 {
	th := sameHappening
	switch {
	case a.st.ArticleID == b.st.ArticleID:
		th = sameArticle
	case a.explicit && b.explicit:
		// Two reports that name the day themselves point at one
		// happening more surely than their words alone.
		th = sameDayNamed
	}
	if sameEventLeads(a, b, sameEvent) || sameStory(a, b) || sameKindAndActor(a, b) {
		s = math.Max(s, th)
	}
	if s < th {
		return 0
	}
	return s / th
}

// sameStory reports whether two statements of one article on one date
// tell one happening: both about the focus (an interview, a visit), a
// sentence dated by the narrative and one just before it, or the lead and
// a statement about the focus right after it (the lead names the role,
// "its ambassador", the next sentence the person).
func sameStory(a, b *item) bool {
	if a.st.ArticleID != b.st.ArticleID {
		return false
	}
	if a.focus && b.focus {
		return true
	}
	// A sentence dated by the narrative goes on telling the happening of
	// the statements just before it.
	if b.st.FromContext {
		a, b = b, a
	}
	if a.st.FromContext && b.st.Sentence < a.st.Sentence && a.st.Sentence-b.st.Sentence <= continuityWindow {
		return true
	}
	if b.lead {
		a, b = b, a
	}
	return a.lead && b.focus && b.st.Sentence <= 2
}

// linksAtOne reports whether two statements link at 1 whatever their
// words: they name one kind of happening with one identifying actor
// (sameKindAndActor), or both are about the focus of one article.
func linksAtOne(a, b *item) bool {
	return sameKindAndActor(a, b) || a.focus && b.focus && a.st.ArticleID == b.st.ArticleID
}

// sameKindAndActor reports whether two statements name the same kind of
// happening (a concept of concepts.go) with the same identifying actor,
// or with any actor in common when one of them is a lead (what its
// article reports): "Antonov was invited for consultations" and "Antonov
// has been summoned to Moscow for consultations" are one recall, and so
// are "Russia has recalled its ambassador" leading one report and
// "Moscow withdrew its envoy" another, whatever else their sentences say.
func sameKindAndActor(a, b *item) bool {
	if !sharesKind(a, b) {
		return false
	}
	if a.st.ArticleID == b.st.ArticleID && (a.lead || b.lead) {
		return true // the article reports one happening of that kind
	}
	if a.lead || b.lead {
		return sharesID(a.actors, b.actors)
	}
	return sharesID(a.who, b.who)
}

// sharesKind reports whether two statements name one kind of happening
// that is not, for both, a theme of the story named off its day.
func sharesKind(a, b *item) bool {
	for i, j := 0, 0; i < len(a.kinds) && j < len(b.kinds); {
		switch k := a.kinds[i]; {
		case k < b.kinds[j]:
			i++
		case k > b.kinds[j]:
			j++
		default:
			if !slices.Contains(a.offTheme, k) || !slices.Contains(b.offTheme, k) {
				return true
			}
			i++
			j++
		}
	}
	return false
}

// sharesID reports whether two sorted ID lists share an ID.
func sharesID(a, b []int32) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}

// newHappening returns an empty happening on date d.
func newHappening(d storyline.Date) *happening {
	h := &happening{date: d}
	h.first, h.end = days(d)
	return h
}

// refresh sums the members' vectors again, after the members changed.
func (h *happening) refresh() {
	h.vec.sum(h.items)
	h.membersChanged()
}

// absorb adds o's members to h.
func (h *happening) absorb(o *happening) {
	h.items = append(h.items, o.items...)
	h.vec = add(&h.vec, &o.vec)
	h.membersChanged()
	for it := range o.coarse {
		h.markCoarse(it)
	}
}

// corroborateBy adds it to h's members as a statement that corroborates
// h without dating it.
func (h *happening) corroborateBy(it *item) {
	h.markCoarse(it)
	h.items = append(h.items, it)
	h.vec = add(&h.vec, &it.vec)
	h.membersChanged()
}

func (h *happening) markCoarse(it *item) {
	h.least = 0
	if h.coarse == nil {
		h.coarse = map[*item]bool{}
	}
	h.coarse[it] = true
}

// articles counts the members' articles.
func (h *happening) articles() int {
	_, n, _ := h.support()
	return n
}

// support orders happenings by how well the sources back them: their
// outlets, then their articles.
func (h *happening) support() (int, int, storyline.Precision) {
	if h.sup[1] == 0 {
		h.sup = [2]int{outlets(h.items), distinct(h.items, func(it *item) string { return it.st.ArticleID })}
	}
	return h.sup[0], h.sup[1], h.date.Precision
}

// corroborate moves each statement of a happening dated to a month or a
// year into a happening on one of its days that it matches (a later
// report that the ambassador "was recalled in March" corroborates the
// recall of 17 March): it is cited there, without a date conflict. Each
// statement goes where it matches itself, not where the best of its
// happening does: the statements of one month are grouped more loosely
// than those of one day ("the jet that crashed in March", "a hearing in
// March"), and a month's crash does not corroborate its hearing.
func corroborate(hs []*happening) []*happening {
	days := indexDays(hs, func(*happening) bool { return true })
	return moveItemsInto(hs, corroborates,
		func(h *happening) bool {
			return h.date.Precision != storyline.PrecisionDay && h.date.Precision != storyline.PrecisionNone
		},
		func(h *happening) []*happening { return days.within(hs, h.first, h.end) })
}

// reportedLater moves a happening that no statement dates in its own
// words (its day is the publication day of its reports, or an estimate
// of it) into a happening a day or two before it that a statement dates
// explicitly and that it matches: news reports what happened yesterday
// as well as today, so the publication day is no claim about the day it
// happened. Its statements are cited there, without a date conflict.
func reportedLater(hs []*happening) []*happening {
	// Whether a statement dates a happening explicitly does not change
	// here: the statements moved in are marked as corroborating, those
	// moved out are not explicit.
	explicit := make(map[*happening]bool, len(hs))
	for _, h := range hs {
		explicit[h] = slices.ContainsFunc(h.items, func(it *item) bool { return it.explicit && !h.coarse[it] })
	}
	all := hs
	named := indexDays(all, func(h *happening) bool { return explicit[h] })
	hs = moveInto(all, reportedBefore,
		func(h *happening) bool { return h.date.Precision == storyline.PrecisionDay && !explicit[h] },
		func(h *happening) []*happening { return named.within(all, h.first-2, h.first) })
	// In a happening that a statement does date, a statement dated by its
	// publication day alone that matches a happening of a day or two
	// before better than the rest of its own reports that one: the
	// reports of the interview of Tuesday published on Wednesday, joined
	// with Wednesday's grounding by their shared words ("the crash"), go
	// to Tuesday's interview.
	//
	// The happenings of a day or two before are indexed by the members
	// that date them (targets) once for each day, when the first of
	// its happenings looks at them: theirs, of earlier days, have all
	// been looked at by then, and what they gain since corroborates.
	named = indexDays(hs, func(h *happening) bool { return explicit[h] })
	moving := map[int64]int{} // the statements of each day that may move
	for _, h := range hs {
		if h.date.Precision == storyline.PrecisionDay && len(h.items) >= 2 {
			moving[h.first] += len(h.items)
		}
	}
	var targetsOf targetCache[int64]
	defer targetsOf.release()
	var found []int
	sp := newSpread()
	defer sp.release()
	var out []*happening
	for _, h := range hs {
		if h.date.Precision != storyline.PrecisionDay || len(h.items) < 2 {
			out = append(out, h)
			continue
		}
		t := targetsOf.get(h.first, func() *targets {
			if before := named.within(hs, h.first-2, h.first); len(before) > 0 {
				return newTargets(before, reportedBefore, moving[h.first])
			}
			return nil
		})
		if t == nil {
			out = append(out, h)
			continue
		}
		var kept []*item
		for _, it := range h.items {
			if it.explicit || h.coarse[it] {
				kept = append(kept, it)
				continue
			}
			var best *happening
			bestCos, own := 0.0, false
			sp.set(&it.vec)
			found = t.eachLink(sp, it, reportedBefore, found, func(g *happening, _, c float64) {
				if !own {
					// How closely it matches the rest of its own happening.
					own = true
					for _, o := range h.items {
						if o != it && !h.coarse[o] {
							bestCos = math.Max(bestCos, sp.cosine(&o.vec))
						}
					}
				}
				if c > bestCos {
					best, bestCos = g, c
				}
			})
			if best == nil {
				kept = append(kept, it)
				continue
			}
			best.corroborateBy(it)
		}
		if len(kept) < len(h.items) {
			h.items = kept
			h.refresh()
		}
		if len(kept) > 0 {
			out = append(out, h)
		}
	}
	return out
}

// moveInto moves each happening that movable accepts into the happening
// it links to best (link, at threshold at least) among its candidates
// (in the order of hs); its statements are marked as corroborating there.
// The candidates of a happening depend on its date alone, none of them is
// movable, and what they gain here corroborates them: the members that
// date them stay those indexed (targets) for the date's happenings.
func moveInto(hs []*happening, threshold float64, movable func(h *happening) bool, candidates func(h *happening) []*happening) []*happening {
	sp := newSpread() // a member of the happening moving
	defer sp.release()
	targetsOf, release := dateTargets(hs, threshold, movable, candidates)
	defer release()
	var links linkScratch
	var out []*happening
	for _, h := range hs {
		if !movable(h) {
			out = append(out, h)
			continue
		}
		t := targetsOf(h)
		var best *happening
		bestScore := threshold
		if t.members == nil {
			for _, g := range t.into {
				if g == h {
					continue
				}
				if s := linkAbove(sp, h, g, bestScore); s >= bestScore {
					best, bestScore = g, s
				}
			}
		} else {
			for k, s := range links.of(sp, h, t) {
				if g := t.into[k]; g != h && s >= bestScore {
					best, bestScore = g, s
				}
			}
		}
		if best == nil {
			out = append(out, h)
			continue
		}
		for _, it := range h.items {
			best.markCoarse(it)
		}
		best.absorb(h)
	}
	return out
}

// dateTargets returns the targets of the date of a happening that
// movable accepts (moveInto, moveItemsInto): newTargets of its
// candidates, which depend on its date alone, built once a date and
// indexed by the number of statements of that date that may move.
// release gives back those kept.
func dateTargets(hs []*happening, threshold float64, movable func(h *happening) bool, candidates func(h *happening) []*happening) (of func(h *happening) *targets, release func()) {
	moving := map[storyline.Date]int{} // the statements of each date that may move
	for _, h := range hs {
		if movable(h) {
			moving[h.date] += len(h.items)
		}
	}
	var cache targetCache[storyline.Date] // the targets of a date
	of = func(h *happening) *targets {
		return cache.get(h.date, func() *targets { return newTargets(candidates(h), threshold, moving[h.date]) })
	}
	return of, cache.release
}

// linkScratch holds the links of a happening with each target.
type linkScratch struct {
	link  []float64
	kind  []bool // a pair of one kind of happening (or the focus): link 1
	found []int
}

// of returns link(h, g) for each target g of t (by its position in
// t.into) where that reaches t's threshold, and less where it does not:
// only the pairs of a statement of h and a member that the index finds
// for it are compared, and the others are below the threshold. sp is
// scratch space.
func (x *linkScratch) of(sp *spread, h *happening, t *targets) []float64 {
	x.link = slices.Grow(x.link[:0], len(t.into))[:len(t.into)]
	x.kind = slices.Grow(x.kind[:0], len(t.into))[:len(t.into)]
	clear(x.link)
	clear(x.kind)
	for _, a := range h.items {
		x.found = t.members.candidates(a, len(t.members.reports), x.found[:0])
		if len(x.found) == 0 {
			continue
		}
		sp.set(&a.vec)
		for _, m := range x.found {
			k := t.owner[m]
			if x.kind[k] {
				continue
			}
			b := t.members.reports[m]
			if linksAtOne(a, b) {
				x.kind[k] = true
				continue
			}
			x.link[k] = math.Max(x.link[k], sp.cosine(&b.vec))
		}
	}
	for k, one := range x.kind {
		if one {
			x.link[k] = 1
		}
	}
	return x.link
}

// moveItemsInto is moveInto for each statement of a movable happening on
// its own: each moves into the happening it links to best; the happening
// keeps those that link to none, and is dropped if none is left. The
// candidates of a happening depend on its date alone.
func moveItemsInto(hs []*happening, threshold float64, movable func(h *happening) bool, candidates func(h *happening) []*happening) []*happening {
	sp := newSpread() // the vector of the statement moving
	defer sp.release()
	targetsOf, release := dateTargets(hs, threshold, movable, candidates)
	defer release()
	var found []int
	var out []*happening
	for _, h := range hs {
		if !movable(h) {
			out = append(out, h)
			continue
		}
		t := targetsOf(h)
		var kept []*item
		for _, it := range h.items {
			var best *happening
			bestScore, bestCos := threshold, 0.0
			sp.set(&it.vec)
			var into []*happening
			into, found = t.find(it, found)
			for _, g := range into {
				if g == h || !g.mayLink(it, bestScore) {
					continue
				}
				// Of the happenings it links to as well, the one whose
				// words it shares most.
				if s, c := linkOne(sp, it, g); s > bestScore || s == bestScore && (best == nil || c > bestCos) {
					best, bestScore, bestCos = g, s, c
				}
			}
			if best == nil {
				kept = append(kept, it)
				continue
			}
			best.corroborateBy(it)
		}
		if len(kept) == len(h.items) {
			out = append(out, h)
			continue
		}
		if len(kept) > 0 {
			h.items = kept
			h.refresh()
			out = append(out, h)
		}
	}
	return out
}

// link is the single-link similarity of two happenings: the cosine of
// the closest pair of a statement of h and a statement of g that dates g
// itself (not one that corroborates it from a coarser or later date).
//
// Two statements of one kind of happening with one identifying actor
// link at 1: "Moscow recalled Antonov in March" links to "Antonov was
// summoned home" on 17 March.
//
// Each statement of h is spread out once and compared with all of g's
// (spread.cosine: the same cosine, to the bit, without merging the two
// lists of features for each pair).
func link(h, g *happening) float64 {
	sp := newSpread()
	defer sp.release()
	best := 0.0
	for _, a := range h.items {
		sp.set(&a.vec)
		for _, b := range g.items {
			if g.coarse[b] {
				continue
			}
			if linksAtOne(a, b) {
				return 1
			}
			best = math.Max(best, sp.cosine(&b.vec))
		}
	}
	return best
}

// linkAbove is link(h, g) when that reaches t; below t, it may be less.
// A statement of h whose cosine with every member that dates g is below
// t by the bound of g's peak (mayReach) is compared with them for a kind
// of happening and the focus only: it cannot raise a link that reaches t.
// sp is scratch space.
func linkAbove(sp *spread, h, g *happening, t float64) float64 {
	best := 0.0
	for _, a := range h.items {
		reach := g.mayReach(a, t)
		if !reach && !a.focus && len(a.kinds) == 0 {
			continue // neither a kind nor the focus: it links by its words alone
		}
		if reach {
			sp.set(&a.vec)
		}
		for _, b := range g.items {
			if g.coarse[b] {
				continue
			}
			if linksAtOne(a, b) {
				return 1
			}
			if reach {
				best = math.Max(best, sp.cosine(&b.vec))
			}
		}
	}
	return best
}

// linkOne is link of a happening of the one statement it, and closest:
// both in one pass over g; sp holds it's vector spread out.
func linkOne(sp *spread, it *item, g *happening) (link, closest float64) {
	kind := false
	for _, b := range g.items {
		if g.coarse[b] {
			continue
		}
		if !kind && linksAtOne(it, b) {
			kind = true
		}
		closest = math.Max(closest, sp.cosine(&b.vec))
	}
	if kind {
		return 1, closest
	}
	return closest, closest
}

// closest is the cosine of it and the statement of g most like it, of
// those that date g itself.
func closest(it *item, g *happening) float64 {
	best := 0.0
	for _, b := range g.items {
		if !g.coarse[b] {
			best = math.Max(best, itemCosine(it, b))
		}
	}
	return best
}

// reaches reports whether closest(it, g) reaches t (above 0): whether a
// statement that dates g itself is as alike. sp holds it's vector spread
// out.
func reaches(sp *spread, g *happening, t float64) bool {
	for _, b := range g.items {
		if sp.cosine(&b.vec) >= t && !g.coarse[b] {
			return true
		}
	}
	return false
}

func dayDistance(a, b storyline.Date) float64 {
	return math.Abs(a.Time().Sub(b.Time()).Hours() / 24)
}

// mergeAcrossDates merges happenings on nearby dates that report the same
// thing from different articles, keeping the better-supported date and
// recording the other as a date conflict. hs is in date order.
//
// Candidates share a feature that at most commonTerm happenings have.
// Most of them are a few days apart or more, where only the cosine of
// their vectors can merge them (sameAcrossDates), and most are far from
// it: before the cosine, a bound rules them out (termBound).
func mergeAcrossDates(hs []*happening) []*happening {
	// Candidates share a feature; look them up through an index by
	// feature ID.
	index := newFeatureLists(hs)
	b := newTermBound(hs, index)
	dead := make([]bool, len(hs))
	seen := make([]int, len(hs))            // 1 + the happening that last looked at each
	sp, scratch := newSpread(), newSpread() // h's vector; for sameAcrossDates
	defer sp.release()
	defer scratch.release()
	var order []int // h's candidates, in the order first found
	for i, h := range hs {
		if dead[i] {
			continue
		}
		sp.set(&h.vec)
		// The candidates, in the order the features of h (sorted; refresh
		// gives h new slices, not these) and their lists give them, with
		// the dot product of their rare features and h's.
		order = order[:0]
		for x, k := range h.vec.ids {
			from, to := index.span(k)
			if to-from > commonTerm {
				continue // too common to point at one happening
			}
			after, _ := slices.BinarySearch(index.at[from:to], int32(i+1)) // lists are in increasing order
			for pos := from + after; pos < to; pos++ {
				j := int(index.at[pos])
				if dead[j] {
					continue
				}
				if hs[j].first-h.first > conflictWindow {
					break // hs is in date order: so are the rest of the list
				}
				b.add(j, pos, h.vec.w[x])
				if seen[j] != i+1 {
					seen[j] = i + 1
					order = append(order, j)
				}
			}
		}
		b.start(h)
		for _, j := range order {
			if dead[j] {
				continue
			}
			o := hs[j]
			if o.date == h.date || dayApart(o, h) > conflictWindow {
				continue
			}
			below := b.below(j, h, o, sameHappeningDate)
			if below && !mayBeNear(h, o) {
				continue // only the cosine could merge them, and it cannot reach
			}
			if below && b.dot(j) < sameHappeningNear*h.leastNorm()*o.leastNorm()*(1-1e-9) {
				// Nor can two of their statements be as alike as
				// sameAcrossDates asks a day or two apart: the dot
				// product of the happenings bounds that of any two of
				// their members (weights are positive).
				continue
			}
			cos := 0.0 // below sameHappeningDate, as the cosine is when below
			if !below {
				cos = sp.cosine(&o.vec)
			}
			if !sameAcrossDates(h, o, cos, scratch) || datesBoth(h, o) {
				continue
			}
			win, lose := h, o
			he, oe := estimatedOnly(h), estimatedOnly(o)
			if he != oe && he || he == oe && better(o, h) {
				win, lose = o, h
			}
			if he != oe {
				// An estimate of when an article was written is no
				// claim against a date a source gives: it corroborates.
				for _, it := range lose.items {
					win.markCoarse(it)
				}
			} else {
				win.dates = append(win.dates, lose.date)
				win.other = append(win.other, lose.items)
				win.dates = append(win.dates, lose.dates...)
				win.other = append(win.other, lose.other...)
			}
			win.absorb(lose)
			b.absorbed(j, lose == h)
			if lose == h {
				dead[i] = true
				hs[j] = win
				break
			}
			dead[j] = true
			sp.set(&h.vec) // h absorbed o: its sum changed
		}
		b.reset(order)
	}
	var out []*happening
	for i, h := range hs {
		if !dead[i] {
			out = append(out, h)
		}
	}
	return out
}

// mayBeNear reports whether two happenings on different dates are near
// enough for sameAcrossDates to link them statement to statement: both
// dated to the day, at most two days apart.
func mayBeNear(a, b *happening) bool {
	return dayApart(a, b) <= 2 && a.date.Precision == storyline.PrecisionDay && b.date.Precision == storyline.PrecisionDay
}

// estimatedOnly reports whether every statement that dates h itself is
// dated by an estimate of its article's date.
func estimatedOnly(h *happening) bool {
	for _, it := range h.items {
		if !h.coarse[it] && !it.estimated() {
			return false
		}
	}
	return true
}

// datesBoth reports whether an article dates both happenings in its own
// words: it tells them apart. One that dates one of them only by its
// publication day ("the plane crashed", published the day after the
// crash its other sentence dates "yesterday") does not.
func datesBoth(a, b *happening) bool {
	am := map[string]bool{}
	for _, it := range a.items {
		if it.explicit && !a.coarse[it] {
			am[it.st.ArticleID] = true
		}
	}
	for _, it := range b.items {
		if it.explicit && !b.coarse[it] && am[it.st.ArticleID] {
			return true
		}
	}
	return false
}

// sameAcrossDates reports whether two happenings on different dates are
// one that the sources date differently: their words as a whole are
// alike, or, a day or two apart, the one few outlets report links to
// the other as closely, statement to statement (the crash a page dates
// "yesterday" from the day after, and the crash seventeen outlets date
// on the day).
//
// cos is the cosine of their vectors; sp is scratch space.
func sameAcrossDates(a, b *happening, cos float64, sp *spread) bool {
	if cos >= sameHappeningDate {
		return true
	}
	if dayApart(a, b) > 2 || a.date.Precision != storyline.PrecisionDay || b.date.Precision != storyline.PrecisionDay {
		return false
	}
	small, big := a, b
	if better(a, b) {
		small, big = b, a
	}
	if so, _, _ := small.support(); so > 2 {
		return false
	}
	for _, it := range small.items {
		if small.coarse[it] {
			continue
		}
		if !big.mayReach(it, sameHappeningNear) {
			continue
		}
		sp.set(&it.vec)
		if reaches(sp, big, sameHappeningNear) {
			return true
		}
	}
	return false
}

func better(a, b *happening) bool {
	ao, aa, ap := a.support()
	bo, ba, bp := b.support()
	if ao != bo {
		return ao > bo
	}
	if aa != ba {
		return aa > ba
	}
	return ap > bp
}

// outlets counts the independent outlets among the items' articles: a
// duplicate counts as the article it copies.
func outlets(items []*item) int {
	return distinct(items, outletKey)
}

// fewDistinct is how many items distinct compares pair by pair: a set
// would cost more.
const fewDistinct = 16

// distinct counts the different keys of the items.
func distinct(items []*item, key func(*item) string) int {
	if len(items) <= fewDistinct {
		n := 0
		for i, it := range items {
			k := key(it)
			if !slices.ContainsFunc(items[:i], func(o *item) bool { return key(o) == k }) {
				n++
			}
		}
		return n
	}
	seen := distinctSets.Get().(*map[string]bool)
	for _, it := range items {
		(*seen)[key(it)] = true
	}
	n := len(*seen)
	clear(*seen)
	if n <= maxDistinctSet {
		distinctSets.Put(seen)
	}
	return n
}

// distinctSets are the sets distinct counts in, emptied for the next
// count: a happening's support (its outlets, its articles) is counted
// again each time its members change, and in a large event a set each
// time was an eighth of what grouping allocated (17.7 of 142 MB for five
// groupings of Timeline17's largest event).
var distinctSets = sync.Pool{New: func() any { return &map[string]bool{} }}

// maxDistinctSet is the largest set kept for reuse: clearing a set costs
// what it has grown to, however few keys the next count holds.
const maxDistinctSet = 4096

// outletKey names the outlet of a statement's article (outletOf), once
// for each statement.
func outletKey(it *item) string {
	if it.outlet == "" {
		it.outlet = outletOf(it)
	}
	return it.outlet
}

func outletOf(it *item) string {
	a := it.art
	if a == nil {
		return "article:" + it.st.ArticleID
	}
	if a.DuplicateOf != "" {
		if it.orig == nil {
			return "article:" + a.DuplicateOf
		}
		a = it.orig
	}
	if a.Source != "" {
		return "source:" + strings.ToLower(a.Source)
	}
	return "article:" + a.ID
}
