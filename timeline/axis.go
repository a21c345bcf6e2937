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
	axisPad     = 16.0  // blank at each end of the line
	minRadius   = 6.0   // a mark of one outlet
	maxRadius   = 14.0  // the largest mark
	markGap     = 4.0   // the least space between two marks
	labelSize   = 12.0  // font size of labels
	laneHeight  = 17.0  // one row of labels
	labelLanes  = 6     // rows of labels at most
	labelChars  = 46    // the longest label, in characters
	labelGap    = 8.0   // the least space between two labels in a row
	spanHeight  = 7.0   // a bar's thickness
	minBar      = 6.0   // the shortest bar
	minViewDays = 7     // the narrowest range a fitted axis shows
	minZoomDays = 3     // the narrowest range a zoomed axis shows
	maxEntries  = 8     // happenings listed in a mark's hover text
	fitMargin   = 0.035 // share of the span added at each end of a fitted axis
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
	ax.From, ax.To = lo, hi.AddDate(0, 0, -1)
	ax.Zoomed = !opt.From.IsZero() || !opt.To.IsZero()
	span := hi.Sub(lo).Seconds()
	x := func(t time.Time) float64 {
		return axisPad + (AxisWidth-2*axisPad)*t.Sub(lo).Seconds()/span
	}
	perDay := (AxisWidth - 2*axisPad) / (span / 86400)

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
		if estimated || e.Date.Precision != storyline.PrecisionDay && float64(b.Sub(a).Hours()/24)*perDay > 2*minRadius {
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
			p = &point{x: x(a.Add(b.Sub(a) / 2)), first: e.Date, last: e.Date}
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
	ax.Ticks = ticks(lo, hi, x, opt.Zoom)
	ax.Height = tickY + 18
	return ax
}

// viewRange is the range the axis shows: the one asked for, else the
// entries' dates with a margin, at least minViewDays wide. hi is the
// instant after the last day shown.
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
	if opt.From.IsZero() && opt.To.IsZero() {
		days := hi.Sub(lo).Hours() / 24
		pad := max(1, int(math.Round(days*fitMargin)))
		lo, hi = lo.AddDate(0, 0, -pad), hi.AddDate(0, 0, pad)
	}
	least := float64(minViewDays)
	if !opt.From.IsZero() && !opt.To.IsZero() {
		least = minZoomDays // a range asked for is shown as asked, unless it is a day or two
	}
	if d := hi.Sub(lo).Hours() / 24; d < least {
		extra := int(math.Ceil((least - d) / 2))
		lo, hi = lo.AddDate(0, 0, -extra), hi.AddDate(0, 0, extra)
	}
	return lo, hi, true
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

// tickUnit is a kind of period the axis can be divided into.
type tickUnit struct {
	days   float64 // about how long one is
	room   float64 // the least width its label needs
	start  func(t time.Time) time.Time
	next   func(t time.Time) time.Time
	label  func(t time.Time, first bool) string
	center bool // the label names the period, in its middle (else the tick)
	// period is the range a click on the label shows; nil for none.
	period func(t time.Time) (storyline.Date, storyline.Date)
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func monthOf(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }

var tickUnits = []tickUnit{
	{days: 1, room: 48, start: dayOf, next: func(t time.Time) time.Time { return t.AddDate(0, 0, 1) },
		label: func(t time.Time, _ bool) string { return t.Format("2 Jan") }, center: true},
	{days: 7, room: 48, start: func(t time.Time) time.Time { // Mondays
		t = dayOf(t)
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	}, next: func(t time.Time) time.Time { return t.AddDate(0, 0, 7) },
		label: func(t time.Time, _ bool) string { return t.Format("2 Jan") },
		period: func(t time.Time) (storyline.Date, storyline.Date) {
			return storyline.DateOf(t), storyline.DateOf(t.AddDate(0, 0, 6))
		}},
	{days: 30.44, room: 58, start: monthOf, next: func(t time.Time) time.Time { return t.AddDate(0, 1, 0) },
		label: func(t time.Time, first bool) string {
			if first || t.Month() == time.January {
				return t.Format("Jan 2006")
			}
			return t.Format("Jan")
		}, center: true,
		period: func(t time.Time) (storyline.Date, storyline.Date) {
			m := storyline.Month(t.Year(), t.Month())
			return m, m
		}},
	{days: 91.3, room: 96, start: func(t time.Time) time.Time {
		return time.Date(t.Year(), (t.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
	}, next: func(t time.Time) time.Time { return t.AddDate(0, 3, 0) },
		label: func(t time.Time, _ bool) string {
			return t.Format("Jan") + "–" + t.AddDate(0, 2, 0).Format("Jan 2006")
		}, center: true,
		period: func(t time.Time) (storyline.Date, storyline.Date) {
			return storyline.Month(t.Year(), t.Month()), storyline.Month(t.Year(), t.Month()+2)
		}},
}

// yearUnit is a tick every step years.
func yearUnit(step int) tickUnit {
	return tickUnit{days: 365.25 * float64(step), room: 44,
		start: func(t time.Time) time.Time { return time.Date(t.Year()-t.Year()%step, 1, 1, 0, 0, 0, 0, time.UTC) },
		next:  func(t time.Time) time.Time { return t.AddDate(step, 0, 0) },
		label: func(t time.Time, _ bool) string { return fmt.Sprint(t.Year()) }, center: step == 1,
		period: func(t time.Time) (storyline.Date, storyline.Date) {
			return storyline.Year(t.Year()), storyline.Year(t.Year() + step - 1)
		}}
}

// ticks divides the range into the finest periods (days, weeks, months,
// quarters, years, decades...) that leave each label room, each label
// linked to its period's zoomed view when zoom is set.
func ticks(lo, hi time.Time, x func(time.Time) float64, zoom func(from, to storyline.Date) string) []Tick {
	days := hi.Sub(lo).Hours() / 24
	perDay := (AxisWidth - 2*axisPad) / days
	var u tickUnit
	for _, c := range tickUnits {
		if c.days*perDay >= c.room {
			u = c
			break
		}
	}
	if u.next == nil {
		u = yearUnit(1000)
		for _, step := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500} {
			if c := yearUnit(step); c.days*perDay >= c.room {
				u = c
				break
			}
		}
	}
	var out []Tick
	first := true
	for t := u.start(lo); t.Before(hi); t = u.next(t) {
		a, b := maxTime(t, lo), minTime(u.next(t), hi)
		tk := Tick{X: x(t), LabelX: x(t)}
		if u.center {
			tk.LabelX = (x(a) + x(b)) / 2
		}
		if t.Before(lo) {
			tk.X = -1 // the period starts before the axis: no tick line
		}
		label := u.label(t, first)
		w := TextWidth(label, 12)
		switch {
		case u.center && x(b)-x(a) < w+6: // too little of the period shows
		case !u.center && (t.Before(lo) || tk.LabelX+w/2 > AxisWidth-2):
		default:
			tk.Label = label
			first = false
			if zoom != nil && u.period != nil {
				tk.Href = zoom(u.period(t))
			}
		}
		out = append(out, tk)
	}
	return out
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
