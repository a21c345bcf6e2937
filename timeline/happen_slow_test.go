package timeline

// The grouping as it was before the day index, the candidate reports and
// the hoisted tests (commit 75177c9): every pair of reports of a date,
// every pair of happenings. TestGroupLikeSlow checks that group gives the
// same happenings, to the bit.

import (
	"cmp"
	"math"
	"slices"

	"github.com/storyline/storyline"
)

// groupSlow turns items into happenings: by date, then across dates.
func groupSlow(items []*item, sameEvent func(a, b string) bool) []*happening {
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
		hs = append(hs, groupDaySlow(d, byDate[d], sameEvent)...)
	}
	hs = corroborateSlow(hs)
	hs = reportedLaterSlow(hs)
	return mergeAcrossDatesSlow(hs)
}

// groupDaySlow groups the statements of one date by happening. Two reports
// are one happening when they are similar enough (single link: reports
// of different articles at sameHappening, or sameDayNamed when both name
// the day, of one article at sameArticle), and always the leads of two
// reports of one event, two statements of one article about the focus,
// and two statements of one kind of happening with one identifying actor.
// Every other statement then joins the happening of the report it is most
// similar to by the same tests, or is dropped: it corroborates, and a
// background sentence that bridges two happenings does not merge them.
func groupDaySlow(d storyline.Date, items []*item, sameEvent func(a, b string) bool) []*happening {
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
	for i := 1; i < reports; i++ {
		for j := 0; j < i; j++ {
			if find(i) != find(j) && sameHappeningAs(items[i], items[j], sameEvent) > 0 {
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
	var hs []*happening
	home := make([]int, reports)
	index := map[int]int{} // component root -> happening
	for i := range reports {
		r := find(i)
		k, ok := index[r]
		if !ok {
			k = len(hs)
			index[r] = k
			hs = append(hs, &happening{date: d})
		}
		hs[k].items = append(hs[k].items, items[i])
		home[i] = k
	}
	// The others join the happening of the report they match best.
	for _, it := range items[reports:] {
		best, bestScore := -1, 0.0
		for j, o := range items[:reports] {
			if s := sameHappeningAs(it, o, sameEvent); s > bestScore {
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

// corroborateSlow moves each statement of a happening dated to a month or a
// year into a happening on one of its days that it matches (a later
// report that the ambassador "was recalled in March" corroborates the
// recall of 17 March): it is cited there, without a date conflict. Each
// statement goes where it matches itself, not where the best of its
// happening does: the statements of one month are grouped more loosely
// than those of one day ("the jet that crashed in March", "a hearing in
// March"), and a month's crash does not corroborate its hearing.
func corroborateSlow(hs []*happening) []*happening {
	return moveItemsIntoSlow(hs, corroborates,
		func(h *happening) bool {
			return h.date.Precision != storyline.PrecisionDay && h.date.Precision != storyline.PrecisionNone
		},
		func(h, g *happening) bool {
			return g.date.Precision == storyline.PrecisionDay && g.date.Time().Before(h.date.End()) && !g.date.Time().Before(h.date.Time())
		})
}

// reportedLaterSlow moves a happening that no statement dates in its own
// words (its day is the publication day of its reports, or an estimate
// of it) into a happening a day or two before it that a statement dates
// explicitly and that it matches: news reports what happened yesterday
// as well as today, so the publication day is no claim about the day it
// happened. Its statements are cited there, without a date conflict.
func reportedLaterSlow(hs []*happening) []*happening {
	explicit := func(h *happening) bool {
		return slices.ContainsFunc(h.items, func(it *item) bool { return it.explicit && !h.coarse[it] })
	}
	before := func(h, g *happening) bool {
		return g != h && g.date.Precision == storyline.PrecisionDay && g.date.Time().Before(h.date.Time()) &&
			dayDistance(g.date, h.date) <= 2 && explicit(g)
	}
	hs = moveIntoSlow(hs, reportedBefore,
		func(h *happening) bool { return h.date.Precision == storyline.PrecisionDay && !explicit(h) }, before)
	// In a happening that a statement does date, a statement dated by its
	// publication day alone that matches a happening of a day or two
	// before better than the rest of its own reports that one: the
	// reports of the interview of Tuesday published on Wednesday, joined
	// with Wednesday's grounding by their shared words ("the crash"), go
	// to Tuesday's interview.
	var out []*happening
	for _, h := range hs {
		if h.date.Precision != storyline.PrecisionDay || len(h.items) < 2 {
			out = append(out, h)
			continue
		}
		var kept []*item
		for _, it := range h.items {
			if it.explicit || h.coarse[it] {
				kept = append(kept, it)
				continue
			}
			own := 0.0
			for _, o := range h.items {
				if o != it && !h.coarse[o] {
					own = math.Max(own, itemCosine(it, o))
				}
			}
			var best *happening
			bestCos := own
			for _, g := range hs {
				if !before(h, g) || link(&happening{items: []*item{it}}, g) < reportedBefore {
					continue
				}
				if c := closest(it, g); c > bestCos {
					best, bestCos = g, c
				}
			}
			if best == nil {
				kept = append(kept, it)
				continue
			}
			best.markCoarse(it)
			best.items = append(best.items, it)
			best.vec = add(&best.vec, &it.vec)
			best.sup = [2]int{}
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

// moveIntoSlow moves each happening that movable accepts into the happening
// it links to best (link, at threshold at least) among those into
// accepts for it; its statements are marked as corroborating there.
func moveIntoSlow(hs []*happening, threshold float64, movable func(h *happening) bool, into func(h, g *happening) bool) []*happening {
	var out []*happening
	for _, h := range hs {
		if !movable(h) {
			out = append(out, h)
			continue
		}
		var best *happening
		bestScore := threshold
		for _, g := range hs {
			if !into(h, g) {
				continue
			}
			if s := link(h, g); s >= bestScore {
				best, bestScore = g, s
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

// moveItemsIntoSlow is moveInto for each statement of a movable happening on
// its own: each moves into the happening it links to best; the happening
// keeps those that link to none, and is dropped if none is left.
func moveItemsIntoSlow(hs []*happening, threshold float64, movable func(h *happening) bool, into func(h, g *happening) bool) []*happening {
	var out []*happening
	for _, h := range hs {
		if !movable(h) {
			out = append(out, h)
			continue
		}
		var kept []*item
		for _, it := range h.items {
			one := &happening{date: h.date, items: []*item{it}}
			var best *happening
			bestScore, bestCos := threshold, 0.0
			for _, g := range hs {
				if g == h || !into(h, g) {
					continue
				}
				// Of the happenings it links to as well, the one whose
				// words it shares most.
				if s := link(one, g); s > bestScore || s == bestScore && (best == nil || closest(it, g) > bestCos) {
					best, bestScore, bestCos = g, s, closest(it, g)
				}
			}
			if best == nil {
				kept = append(kept, it)
				continue
			}
			best.markCoarse(it)
			best.items = append(best.items, it)
			best.vec = add(&best.vec, &it.vec)
			best.sup = [2]int{}
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
// mergeAcrossDatesSlow merges happenings on nearby dates that report the same
// thing from different articles, keeping the better-supported date and
// recording the other as a date conflict.
func mergeAcrossDatesSlow(hs []*happening) []*happening {
	// Candidates share a feature; look them up through an index.
	index := map[int32][]int{}
	for i, h := range hs {
		for _, k := range h.vec.ids {
			index[k] = append(index[k], i)
		}
	}
	dead := make([]bool, len(hs))
	for i, h := range hs {
		if dead[i] {
			continue
		}
		seen := map[int]bool{}
		terms := h.vec.ids // sorted; refresh gives h new slices, not these
		for _, k := range terms {
			list := index[k]
			if len(list) > 200 {
				continue // too common to point at one happening
			}
			for _, j := range list {
				if j <= i || dead[j] || seen[j] {
					continue
				}
				seen[j] = true
				o := hs[j]
				if o.date == h.date || dayDistance(o.date, h.date) > conflictWindow {
					continue
				}
				if datesBoth(h, o) || !sameAcrossDatesSlow(h, o) {
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
				if lose == h {
					dead[i] = true
					hs[j] = win
					break
				}
				dead[j] = true
			}
			if dead[i] {
				break
			}
		}
	}
	var out []*happening
	for i, h := range hs {
		if !dead[i] {
			out = append(out, h)
		}
	}
	return out
}

// estimatedOnly reports whether every statement that dates h itself is
// alike, or, a day or two apart, the one few outlets report links to
// the other as closely, statement to statement (the crash a page dates
// "yesterday" from the day after, and the crash seventeen outlets date
// on the day).
func sameAcrossDatesSlow(a, b *happening) bool {
	if cosine(&a.vec, &b.vec) >= sameHappeningDate {
		return true
	}
	if dayDistance(a.date, b.date) > 2 || a.date.Precision != storyline.PrecisionDay || b.date.Precision != storyline.PrecisionDay {
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
		if closest(it, big) >= sameHappeningNear {
			return true
		}
	}
	return false
}
