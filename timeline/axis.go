package timeline

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/storyline/storyline"
)

// Axis is a timeline laid out on a horizontal time axis, in the units of
// an SVG viewBox AxisWidth wide and Height high: a mark for each day that
// has happenings (days too close to tell apart at this range share one
// mark with the count of its happenings), a bar for each happening known
// only to a month or a year, short labels that never overlap, and ticks.
// The layout is pure geometry; Axis.SVG draws it.
type Axis struct {
	Height float64
	LineY  float64
	// From and To are the days the axis shows, both included.
	From, To time.Time
	Marks    []Mark
	Spans    []Span
	Labels   []Label
	Ticks    []Tick
	// Lines are the stretches of the axis line, [x0, x1]; between two is a
	// break, where a long quiet time is left out.
	Lines [][2]float64
	// Zoomed is true when the range was asked for (AxisOptions.From/To)
	// rather than fitted to the entries.
	Zoomed bool
}

// Mark is one point on the axis: the happenings of one day, or of a few
// days too close together to draw apart.
type Mark struct {
	X, R float64
	// Entries are indexes into the timeline's entries, most important first.
	Entries     []int
	First, Last storyline.Date // the days the mark covers
	Conflict    bool           // sources disagree on one of its entries
	// Estimated is true when every date of the mark is an estimate (no
	// report gives it; see EstimateOf): it is drawn hatched.
	Estimated bool
	Title     string // for hover: each happening, with its date
	Href      string // where a click goes: a closer range, or the entries
}

// Span is a happening whose date is a stretch of time (a month, a year):
// a bar over that stretch, below the axis line.
type Span struct {
	X0, X1, Y float64
	Entries   []int
	Date      storyline.Date
	Estimated bool // every entry's date is an estimate
	Title     string
	Href      string
}

// Label is the short headline of a Mark or Span, above the axis, with a
// leader line down to what it labels.
type Label struct {
	X, Y    float64 // the text's anchor point (its baseline)
	End     bool    // the text ends at X (it would run off the right edge)
	Text    string
	Href    string
	LeaderX float64 // the leader runs from (LeaderX, Y+3) to (LeaderX, LeaderY)
	LeaderY float64
}

// Tick marks the start of a period on the axis; its label sits in the
// middle of the period's visible part, linking to it when Href is set.
type Tick struct {
	X      float64
	LabelX float64
	Label  string // "" when the period is too narrow to name
	Href   string
}

// AxisOptions shape an axis. The zero AxisOptions fits the axis to the
// entries and links nothing.
type AxisOptions struct {
	// From and To, when set, are the range to show (a zoomed view);
	// otherwise the axis spans the entries' dates.
	From, To storyline.Date
	// Zoom returns the link that shows the range [from, to] (both days,
	// or whole periods); nil links no range.
	Zoom func(from, to storyline.Date) string
	// Entry returns the link to the entries of a date in the list beside
	// the axis (an anchor); nil links none.
	Entry func(d storyline.Date, entry int) string
}

// AxisWidth is the width of the axis viewBox.
const AxisWidth = 1000

// The geometry, in viewBox units.
const (
	axisPad       = 16.0  // blank at each end of the line
	minRadius     = 6.0   // a mark of one outlet
	maxRadius     = 14.0  // the largest mark
	markGap       = 4.0   // the least space between two marks
	labelSize     = 12.0  // font size of labels
	laneHeight    = 17.0  // one row of labels
	labelLanes    = 6     // rows of labels at most
	labelChars    = 46    // the longest label, in characters
	labelGap      = 8.0   // the least space between two labels in a row
	spanHeight    = 7.0   // a bar's thickness
	minBar        = 6.0   // the shortest bar
	minViewDays   = 7     // the narrowest range a fitted axis shows
	minZoomDays   = 3     // the narrowest range a zoomed axis shows
	breakShare    = 0.25  // a quiet stretch longer than this share of the range breaks the axis
	breakDays     = 45    // ... if it is longer than this many days
	breakWidth    = 26.0  // the gap a break leaves
	minSegment    = 90.0  // the narrowest stretch of axis between breaks
	narrowSegment = 150.0 // a stretch narrower than this is named as a whole
	maxEntries    = 8     // happenings listed in a mark's hover text
	fitMargin     = 0.035 // share of the span added at each end of a fitted axis
)

// point is an entry placed as a point, or a mark in the making.
type point struct {
	x           float64
	entries     []int
	first, last storyline.Date
	weight      float64 // outlets, summed
	score       float64 // the best entry's score
}

// Layout places the dated entries of a timeline on an axis; undated
// entries are left off it (they stay in the list).
func Layout(tl *storyline.Timeline, opt AxisOptions) Axis {
	ax := Axis{}
	lo, hi, ok := viewRange(tl, opt)
	if !ok {
		return ax
	}
	ax.Zoomed = !opt.From.IsZero() || !opt.To.IsZero()
	// A range asked for is shown whole and linear; a fitted axis gets
	// margins and breaks where nothing happens for long.
	sc := scale{segs: []segment{{t0: lo, t1: hi, x0: axisPad, x1: AxisWidth - axisPad}}}
	if !ax.Zoomed {
		var instants []time.Time
		for _, e := range tl.Entries {
			if !e.Date.IsZero() {
				instants = append(instants, mid(e.Date))
			}
		}
		sc = fitScale(lo, hi, instants)
	}
	lo, hi = sc.segs[0].t0, sc.segs[len(sc.segs)-1].t1
	ax.From, ax.To = lo, hi.AddDate(0, 0, -1)
	x := sc.x
	for _, g := range sc.segs {
		ax.Lines = append(ax.Lines, [2]float64{g.x0, g.x1})
	}

	// Days are points; a month or a year narrower than a mark is a point
	// too (its middle), wider ones are bars.
	byDay := map[string]*point{}
	var points []*point
	type bar struct {
		x0, x1  float64
		date    storyline.Date
		entries []int
		score   float64
	}
	bars := map[string]*bar{}
	var barList []*bar
	for i, e := range tl.Entries {
		if e.Date.IsZero() {
			continue
		}
		a, b := e.Date.Time(), e.Date.End()
		if !b.After(lo) || !a.Before(hi) {
			continue
		}
		// A date that is an estimate is a hatched bar, never a point: an
		// estimate is a stretch of time, not a day a report gives.
		estimated := EstimateOf(e) != ""
		if estimated || e.Date.Precision != storyline.PrecisionDay && x(minTime(b, hi))-x(maxTime(a, lo)) > 2*minRadius {
			k := e.Date.String()
			if estimated {
				k = "estimated " + k
			}
			br := bars[k]
			if br == nil {
				br = &bar{x0: x(maxTime(a, lo)), x1: x(minTime(b, hi)), date: e.Date}
				bars[k] = br
				barList = append(barList, br)
			}
			br.entries = append(br.entries, i)
			br.score = max(br.score, e.Score)
			continue
		}
		k := e.Date.String()
		p := byDay[k]
		if p == nil {
			p = &point{x: x(mid(e.Date)), first: e.Date, last: e.Date}
			byDay[k] = p
			points = append(points, p)
		}
		p.entries = append(p.entries, i)
		p.weight += float64(max(e.Outlets, 1))
		p.score = max(p.score, e.Score)
	}
	slices.SortFunc(points, func(a, b *point) int { return cmp.Compare(a.x, b.x) })
	points = mergeClose(points)

	for _, p := range points {
		byImportance(tl, p.entries)
		m := Mark{X: p.x, R: radius(p.weight), Entries: p.entries, First: p.first, Last: p.last}
		for _, i := range p.entries {
			m.Conflict = m.Conflict || len(tl.Entries[i].Conflicts) > 0
		}
		m.Estimated = allEstimated(tl, p.entries)
		m.Title = hoverText(tl, p.entries)
		switch {
		case opt.Zoom != nil && p.first != p.last:
			m.Href = opt.Zoom(p.first, p.last)
		case opt.Entry != nil:
			m.Href = opt.Entry(p.first, p.entries[0])
		}
		ax.Marks = append(ax.Marks, m)
	}

	// Bars, widest first, each in the first row it fits.
	slices.SortStableFunc(barList, func(a, b *bar) int { return cmp.Compare(b.x1-b.x0, a.x1-a.x0) })
	var rows [][][2]float64
	for _, br := range barList {
		byImportance(tl, br.entries)
		br.x1 = max(br.x1, br.x0+minBar)
		lane := len(rows)
		for l := range rows {
			if !overlapsAny(rows[l], br.x0, br.x1, 2) {
				lane = l
				break
			}
		}
		if lane == len(rows) {
			rows = append(rows, nil)
		}
		rows[lane] = append(rows[lane], [2]float64{br.x0, br.x1})
		s := Span{X0: br.x0, X1: br.x1, Y: float64(lane), Entries: br.entries, Date: br.date,
			Estimated: allEstimated(tl, br.entries), Title: hoverText(tl, br.entries)}
		switch {
		case opt.Zoom != nil && br.date.Precision != storyline.PrecisionDay && (br.x1-br.x0) < 0.8*(AxisWidth-2*axisPad):
			s.Href = opt.Zoom(br.date, br.date)
		case opt.Entry != nil:
			s.Href = opt.Entry(br.date, br.entries[0])
		}
		ax.Spans = append(ax.Spans, s)
	}
	spanRows := len(rows)

	lanes := ax.placeLabels(tl, hi.Sub(lo) > 330*24*time.Hour)
	ax.LineY = 8 + float64(lanes)*laneHeight + maxRadius + 6
	for i := range ax.Labels {
		l := &ax.Labels[i]
		l.Y = ax.LineY - maxRadius - 10 - l.Y*laneHeight
	}
	for i := range ax.Spans {
		s := &ax.Spans[i]
		s.Y = ax.LineY + 6 + s.Y*(spanHeight+3)
	}
	for i := range ax.Labels {
		l := &ax.Labels[i]
		if l.LeaderY < 0 { // a span's label: the leader goes down to its bar
			l.LeaderY = ax.LineY + 6 + (-l.LeaderY-1)*(spanHeight+3)
		} else {
			l.LeaderY = ax.LineY - l.LeaderY
		}
	}
	tickY := ax.LineY + 8 + float64(spanRows)*(spanHeight+3)
	withYear := hi.Sub(lo) > 330*24*time.Hour
	for _, g := range sc.segs {
		ax.Ticks = append(ax.Ticks, ticks(g, x, opt.Zoom, withYear && len(sc.segs) > 1)...)
	}
	ax.Height = tickY + 18
	return ax
}

// viewRange is the range the axis shows: the one asked for, else the
// span of the entries' dates (the scale adds margins). hi is the instant
// after the last day shown.
func viewRange(tl *storyline.Timeline, opt AxisOptions) (lo, hi time.Time, ok bool) {
	// The span of the finest dates (days, else months, else years);
	// coarser dates outside it stretch it only to their nearest day, so
	// that a mention of "2020" in a story of March 2021 does not add a
	// year of empty axis (its bar starts at the edge).
	finest := storyline.PrecisionNone
	for _, e := range tl.Entries {
		finest = max(finest, e.Date.Precision)
	}
	for _, e := range tl.Entries {
		if e.Date.Precision == finest && finest != storyline.PrecisionNone {
			a, b := e.Date.Time(), e.Date.End()
			if !ok || a.Before(lo) {
				lo = a
			}
			if !ok || b.After(hi) {
				hi = b
			}
			ok = true
		}
	}
	for _, e := range tl.Entries {
		if e.Date.IsZero() || e.Date.Precision == finest {
			continue
		}
		a, b := e.Date.Time(), e.Date.End()
		if !b.After(lo) {
			lo = b.AddDate(0, 0, -1)
		}
		if !a.Before(hi) {
			hi = a.AddDate(0, 0, 1)
		}
	}
	if !opt.From.IsZero() {
		lo, ok = opt.From.Time(), true
	}
	if !opt.To.IsZero() {
		hi = opt.To.End()
		if !ok || !opt.From.IsZero() && hi.Before(lo) {
			lo = hi.AddDate(0, 0, -minViewDays)
		}
		ok = true
	}
	if !ok {
		return lo, hi, false
	}
	if !opt.From.IsZero() && !opt.To.IsZero() {
		// A range asked for is shown as asked, unless it is a day or two.
		lo, hi = widen(lo, hi, minZoomDays)
	}
	return lo, hi, true
}

// widen widens [lo, hi) evenly to at least days days.
func widen(lo, hi time.Time, days float64) (time.Time, time.Time) {
	if d := hi.Sub(lo).Hours() / 24; d < days {
		extra := int(math.Ceil((days - d) / 2))
		lo, hi = lo.AddDate(0, 0, -extra), hi.AddDate(0, 0, extra)
	}
	return lo, hi
}

// mergeClose merges neighbouring points whose marks would touch, the
// closest pair first, until every two marks stand apart.
func mergeClose(points []*point) []*point {
	for len(points) > 1 {
		best, bestGap := -1, 0.0
		for i := 0; i+1 < len(points); i++ {
			a, b := points[i], points[i+1]
			gap := b.x - a.x - radius(a.weight) - radius(b.weight)
			if gap < markGap && (best < 0 || gap < bestGap) {
				best, bestGap = i, gap
			}
		}
		if best < 0 {
			break
		}
		a, b := points[best], points[best+1]
		n := float64(len(a.entries) + len(b.entries))
		m := &point{
			x:       (a.x*float64(len(a.entries)) + b.x*float64(len(b.entries))) / n,
			entries: append(append([]int(nil), a.entries...), b.entries...),
			first:   a.first, last: b.last,
			weight: a.weight + b.weight,
			score:  max(a.score, b.score),
		}
		if b.first.Compare(m.first) < 0 {
			m.first = b.first
		}
		if a.last.Compare(m.last) > 0 {
			m.last = a.last
		}
		points = slices.Replace(points, best, best+2, m)
	}
	return points
}

// radius grows with the square root of the outlets behind a mark.
func radius(weight float64) float64 {
	return math.Min(maxRadius, minRadius+2.2*math.Sqrt(math.Max(weight-1, 0)))
}

// byImportance orders entry indexes by score, then date, then order.
func byImportance(tl *storyline.Timeline, idx []int) {
	slices.SortStableFunc(idx, func(a, b int) int {
		ea, eb := tl.Entries[a], tl.Entries[b]
		if c := cmp.Compare(eb.Score, ea.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(eb.Outlets, ea.Outlets); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

// hoverText lists a mark's happenings, most important first, each with
// its date, and the evidence of a date that is an estimate.
func hoverText(tl *storyline.Timeline, idx []int) string {
	var b strings.Builder
	for n, i := range idx {
		if n == maxEntries {
			fmt.Fprintf(&b, "\n… and %d more", len(idx)-n)
			break
		}
		e := tl.Entries[i]
		if n > 0 {
			b.WriteByte('\n')
		}
		date := LongDate(e.Date)
		if est := EstimateOf(e); est != "" {
			date = "about " + date + " (" + est + ")"
		}
		fmt.Fprintf(&b, "%s: %s (%s)", date, Clip(e.Text, 110), plural(max(e.Outlets, 1), "1 outlet", fmt.Sprintf("%d outlets", max(e.Outlets, 1))))
	}
	return b.String()
}

// EstimateOf says why an entry's date is only an estimate ("date
// estimated: written on or after ..."), or "" when a report gives it: the
// date is an estimate when every citation's is.
func EstimateOf(e storyline.Entry) string {
	if len(e.Sources) == 0 {
		return ""
	}
	for _, c := range e.Sources {
		if !c.Estimated {
			return ""
		}
	}
	return "date " + e.Sources[0].DateText
}

func allEstimated(tl *storyline.Timeline, idx []int) bool {
	for _, i := range idx {
		if EstimateOf(tl.Entries[i]) == "" {
			return false
		}
	}
	return len(idx) > 0
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func overlapsAny(rs [][2]float64, x0, x1, gap float64) bool {
	for _, r := range rs {
		if x0 < r[1]+gap && r[0] < x1+gap {
			return true
		}
	}
	return false
}

// mid is the middle of a date's span: a month stands mid-month.
func mid(d storyline.Date) time.Time {
	a, b := d.Time(), d.End()
	return a.Add(b.Sub(a) / 2)
}
