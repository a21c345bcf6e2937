package timeline

import (
	"slices"

	"github.com/storyline/storyline"
)

// days returns the first day of d and the day after its last, as days
// since 1970-01-01 (UTC): what the grouping compares dates by, computed
// once for each happening instead of with time.Date in every comparison.
func days(d storyline.Date) (first, end int64) {
	return unixDay(d.Time().Unix()), unixDay(d.End().Unix())
}

// unixDay is the day of a Unix time (floor division: days before 1970
// are negative).
func unixDay(sec int64) int64 {
	const day = 24 * 60 * 60
	if sec < 0 {
		return -((-sec + day - 1) / day)
	}
	return sec / day
}

// dayApart is the number of days between the first days of two
// happenings.
func dayApart(a, b *happening) int64 {
	if a.first > b.first {
		return a.first - b.first
	}
	return b.first - a.first
}

// dayIndex finds the happenings of a list dated to a day by their day:
// for each day, their positions in the list, in order.
type dayIndex map[int64][]int

// indexDays indexes the happenings of hs dated to a day that keep accepts.
func indexDays(hs []*happening, keep func(h *happening) bool) dayIndex {
	x := dayIndex{}
	for i, h := range hs {
		if h.date.Precision == storyline.PrecisionDay && keep(h) {
			x[h.first] = append(x[h.first], i)
		}
	}
	return x
}

// within returns the happenings of hs (the list x indexes) on the days
// [from, to), in their order in hs.
func (x dayIndex) within(hs []*happening, from, to int64) []*happening {
	var pos []int
	if to-from > int64(len(x)) {
		// A long span (a year) holds few of the indexed days: look at those.
		for d, list := range x {
			if d >= from && d < to {
				pos = append(pos, list...)
			}
		}
	} else {
		for d := from; d < to; d++ {
			pos = append(pos, x[d]...)
		}
	}
	if len(pos) == 0 {
		return nil
	}
	slices.Sort(pos)
	out := make([]*happening, len(pos))
	for i, p := range pos {
		out[i] = hs[p]
	}
	return out
}
