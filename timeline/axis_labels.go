package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/storyline/storyline"
)

// labelled is a mark or a bar that wants a label.
type labelled struct {
	x       float64 // where the leader stands
	leaderY float64 // >= 0: above the line by this much; < 0: -(bar row + 1)
	first   storyline.Date
	last    storyline.Date
	entries []int
	href    string
	// anchors are where the leader may stand: the mark's x, or places
	// along a bar.
	anchors   []float64
	estimated bool
}

// placeLabels gives the most important marks and bars a label each, in
// the lowest row where it overlaps no other label and crosses no leader;
// what finds no room keeps its hover text. It returns the rows used.
func (ax *Axis) placeLabels(tl *storyline.Timeline, withYear bool) int {
	var todo []labelled
	for _, m := range ax.Marks {
		todo = append(todo, labelled{x: m.X, leaderY: m.R, first: m.First, last: m.Last, entries: m.Entries, href: m.Href, anchors: []float64{m.X}, estimated: m.Estimated})
	}
	for _, s := range ax.Spans {
		mid := (s.X0 + s.X1) / 2
		todo = append(todo, labelled{x: mid, leaderY: -(s.Y + 1), first: s.Date, last: s.Date, entries: s.Entries, href: s.Href,
			anchors: []float64{mid, min(s.X0+5, mid), max(s.X1-5, mid)}, estimated: s.Estimated})
	}
	best := func(l labelled) storyline.Entry { return tl.Entries[l.entries[0]] }
	// Marks before bars (a bar is a vaguer date), then the weightiest
	// first: a mark of many happenings before a mark of one, then by the
	// best happening's score; months before years.
	weight := func(l labelled) (w float64) {
		for _, i := range l.entries {
			w += tl.Entries[i].Score + float64(max(tl.Entries[i].Outlets, 1))
		}
		return w
	}
	slices.SortStableFunc(todo, func(a, b labelled) int {
		if c := cmp.Compare(len(a.anchors), len(b.anchors)); c != 0 { // marks (one anchor) before bars
			return c
		}
		if c := cmp.Compare(weight(b), weight(a)); c != 0 {
			return c
		}
		ea, eb := best(a), best(b)
		if c := cmp.Compare(eb.Score, ea.Score); c != 0 {
			return c
		}
		return cmp.Compare(eb.Date.Precision, ea.Date.Precision)
	})
	type placed struct {
		lane   int
		x0, x1 float64
		leader float64
	}
	var done []placed
	strict := false
	fits := func(lane int, x0, x1, leader float64) bool {
		if x0 < 2 || x1 > AxisWidth-2 {
			return false
		}
		if lane == 0 || strict {
			// The row next to the line covers no other mark: each keeps
			// a way up for its own leader (a bar's leader can move). A
			// strict label covers none in any row.
			for _, m := range ax.Marks {
				if m.X != leader && m.X >= x0-3 && m.X <= x1+3 {
					return false
				}
			}
		}
		for _, p := range done {
			switch {
			case p.lane == lane && x0 < p.x1+labelGap && p.x0 < x1+labelGap:
				return false
			case p.lane < lane && leader >= p.x0-3 && leader <= p.x1+3: // our leader crosses its text
				return false
			case p.lane > lane && p.leader >= x0-3 && p.leader <= x1+3: // its leader crosses our text
				return false
			}
		}
		return true
	}
	used := 0
	// place puts a label in the lowest row where it fits, starting at its
	// leader and running right, else ending at it.
	place := func(l labelled, text string, w float64) bool {
		for lane := range labelLanes {
			for _, x := range l.anchors {
				lb := Label{X: x - 3, Y: float64(lane), Text: text, Href: l.href, LeaderX: x, LeaderY: l.leaderY}
				if !fits(lane, x-3, x-3+w, x) {
					lb.X, lb.End = x+3, true
					if !fits(lane, x+3-w, x+3, x) {
						continue
					}
				}
				ax.Labels = append(ax.Labels, lb)
				x0 := lb.X
				if lb.End {
					x0 -= w
				}
				done = append(done, placed{lane, x0, x0 + w, x})
				used = max(used, lane+1)
				return true
			}
		}
		return false
	}
	// A label that covers no other mark, as long as it reads well; else
	// one that covers marks (not in the first row), however short.
	tries := []struct {
		strict bool
		chars  int
	}{
		{true, labelChars}, {true, labelChars - 8}, {true, labelChars - 16}, {true, labelChars - 24},
		{false, labelChars}, {false, labelChars - 16}, {false, labelChars / 3}, {false, 0},
	}
	for _, l := range todo {
		e := best(l)
		prefix := shortRange(l.first, l.last, withYear)
		if l.estimated {
			prefix = "about " + prefix
		}
		more := ""
		if n := len(l.entries); n > 1 {
			more = fmt.Sprintf(" +%d", n-1)
		}
		for _, try := range tries {
			text := prefix + more
			if try.chars > 0 {
				text = prefix + " · " + Clip(Headline(e.Text), try.chars) + more
			}
			strict = try.strict
			if place(l, text, TextWidth(text, labelSize)) {
				break
			}
		}
	}
	return max(used, 1)
}

// TextWidth estimates the width of text in a sans-serif font of size
// points, from the widths of narrow, wide, capital and other letters.
func TextWidth(text string, size float64) float64 {
	w := 0.0
	for _, r := range text {
		switch {
		case strings.ContainsRune("iljtfrI.,;:'|!() ", r):
			w += 0.34
		case strings.ContainsRune("mwMW@", r):
			w += 0.92
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			w += 0.68
		case r < 0x80:
			w += 0.58
		default:
			w += 0.64
		}
	}
	return w * size
}
