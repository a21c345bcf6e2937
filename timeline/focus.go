package timeline

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/storyline/storyline"
)

// aboutFocus keeps the happenings that belong in the timeline of the
// focus entities: those in which one of them takes part (a statement
// names it, an alias of it, or refers to it: "the ambassador", "he"), and
// those that the articles about the focus make central: reported by two
// independent such articles, or dated to the day by one of them. An
// article is about the focus when the focus takes part in its lead or
// in at least a third of its statements (two at least). An article that
// merely names the entity in passing brings in nothing else of its own.
func aboutFocus(hs []*happening, items []*item) []*happening {
	type tally struct{ all, focus int }
	per := map[string]*tally{}
	about := map[string]bool{}
	for _, it := range items {
		t := per[it.st.ArticleID]
		if t == nil {
			t = &tally{}
			per[it.st.ArticleID] = t
		}
		t.all++
		if it.focus {
			t.focus++
			if it.st.Sentence <= 2 {
				about[it.st.ArticleID] = true
			}
		}
	}
	for id, t := range per {
		if t.focus >= 2 && 3*t.focus >= t.all {
			about[id] = true
		}
	}
	var out []*happening
	for _, h := range hs {
		takesPart, dated := false, false
		var from []*item
		for _, it := range h.items {
			if it.focus {
				takesPart = true
			}
			if about[it.st.ArticleID] {
				from = append(from, it)
				if it.explicit && it.date.Precision == storyline.PrecisionDay && !h.coarse[it] {
					dated = true
				}
			}
		}
		if takesPart || dated || outlets(from) >= 2 {
			out = append(out, h)
		}
	}
	return out
}

// score rates a happening's importance: the independent outlets that
// report it, the outlets that lead with it, the share of its statements
// about the focus, the precision of its date (an estimated date, or one
// that was only planned, counts against it) and whether a source dates it
// explicitly.
func score(h *happening) float64 {
	o, a, p := h.support()
	s := float64(o) + 0.3*math.Log1p(float64(a))
	focus, leads := 0, map[string]bool{}
	explicit, estimated, planned := false, true, true
	for _, it := range h.items {
		if !it.st.Estimated && !strings.HasPrefix(it.st.DateText, storyline.EstimatePrefix) {
			estimated = false
		}
		if !it.plan {
			planned = false
		}
		if it.focus {
			focus++
		}
		if it.lead {
			leads[outletKey(it)] = true
		}
		if it.explicit {
			explicit = true
		}
	}
	s += 0.5 * float64(len(leads))
	s += 0.5 * float64(focus) / float64(len(h.items))
	switch {
	case estimated, planned:
		// Only an estimate of when its reports were written dates it,
		// or it was only planned for that day when they were written.
		s -= 0.5
	case p == storyline.PrecisionDay:
		s += 0.3
	case p == storyline.PrecisionMonth:
		s += 0.1
	}
	if explicit {
		s += 0.2
	}
	return s
}

// cut keeps the Limit most important happenings, and the PerDate most
// important of each date, and orders them by date, then importance.
func cut(hs []*happening, opt Options) []*happening {
	ranked := slices.Clone(hs)
	slices.SortStableFunc(ranked, func(a, b *happening) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return a.date.Compare(b.date)
	})
	perDate := map[storyline.Date]int{}
	var out []*happening
	for _, h := range ranked {
		if opt.Limit > 0 && len(out) == opt.Limit {
			break
		}
		if opt.PerDate > 0 && perDate[h.date] == opt.PerDate {
			continue
		}
		perDate[h.date]++
		out = append(out, h)
	}
	slices.SortStableFunc(out, func(a, b *happening) int { return a.date.Compare(b.date) })
	return out
}
