package timeline

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/storyline/storyline"
)

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

// ticks divides a segment of the axis into the finest periods (days,
// weeks, months, quarters, years, decades...) that leave each label room,
// each label linked to its period's zoomed view when zoom is set. A
// segment too narrow for two labels is named as a whole ("Mar 2024").
// withYear puts the year in the segment's first label.
func ticks(g segment, x func(time.Time) float64, zoom func(from, to storyline.Date) string, withYear bool) []Tick {
	lo, hi := g.t0, g.t1
	days := hi.Sub(lo).Hours() / 24
	perDay := (g.x1 - g.x0) / days
	if g.x1-g.x0 < narrowSegment {
		return []Tick{wholeTick(g, zoom)}
	}
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
			tk.X = -1 // the period starts before the segment: no tick line
		}
		label := u.label(t, first)
		if first && withYear && u.days < 365 && !strings.Contains(label, fmt.Sprint(t.Year())) {
			label += " " + fmt.Sprint(t.Year())
		}
		w := TextWidth(label, 12)
		switch {
		case u.center && x(b)-x(a) < w+6: // too little of the period shows
		case !u.center && (t.Before(lo) || tk.LabelX+w/2 > g.x1+axisPad-2):
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

// wholeTick names a narrow segment by the month or the years it shows.
func wholeTick(g segment, zoom func(from, to storyline.Date) string) Tick {
	a, b := g.t0, g.t1.Add(-time.Nanosecond)
	mid := a.Add(b.Sub(a) / 2)
	from, to := storyline.Month(mid.Year(), mid.Month()), storyline.Month(mid.Year(), mid.Month())
	label := mid.Format("Jan 2006")
	if b.Sub(a) > 45*24*time.Hour {
		from, to = storyline.Year(a.Year()), storyline.Year(b.Year())
		label = fmt.Sprint(a.Year())
		if b.Year() != a.Year() {
			label += "–" + fmt.Sprint(b.Year())
		}
	}
	tk := Tick{X: -1, LabelX: (g.x0 + g.x1) / 2, Label: label}
	if zoom != nil {
		tk.Href = zoom(from, to)
	}
	return tk
}

// segment is a stretch of time drawn on a stretch of the axis.
type segment struct {
	t0, t1 time.Time
	x0, x1 float64
}

// scale maps time to the axis. Where nothing happens for long, it breaks
// the axis (a long quiet stretch takes a narrow gap, not most of the
// width): a story of March 2021 with one happening in 2024 gives March
// its room. Within a segment time is linear; across a break it runs
// linearly through the gap.
type scale struct {
	segs []segment
}

// fitScale fits the entries' span [lo, hi) to the axis with a margin,
// breaking it at every quiet stretch between two instants longer than
// breakShare of the span (and than breakDays); each stretch gets its own
// margin.
func fitScale(lo, hi time.Time, instants []time.Time) scale {
	// A vague date beyond the span of the finest ones ("2020" in a story
	// of 2021) stands at the edge, and is set apart by a break whenever
	// it is breakDays away: it is background, not part of the story's
	// run of days.
	type instant struct {
		t    time.Time
		edge bool
	}
	ins := make([]instant, len(instants))
	for i, t := range instants {
		c := maxTime(lo, minTime(t, hi.Add(-time.Nanosecond)))
		ins[i] = instant{c, !c.Equal(t)}
	}
	slices.SortFunc(ins, func(a, b instant) int { return a.t.Compare(b.t) })
	total := hi.Sub(lo)
	var groups [][2]time.Time // first and last instant of each stretch
	var edgeOnly []bool       // the stretch holds only vague dates at an edge
	prevEdge := false
	for _, in := range ins {
		if n := len(groups); n > 0 {
			gap := in.t.Sub(groups[n-1][1])
			long := gap >= breakDays*24*time.Hour
			if !long || float64(gap) <= breakShare*float64(total) && !prevEdge && !in.edge {
				groups[n-1][1] = in.t
				prevEdge = prevEdge && in.edge
				edgeOnly[n-1] = prevEdge
				continue
			}
		}
		groups = append(groups, [2]time.Time{in.t, in.t})
		edgeOnly = append(edgeOnly, in.edge)
		prevEdge = in.edge
	}
	if len(groups) < 2 {
		pad := max(1, int(math.Round(total.Hours()/24*fitMargin)))
		lo, hi = widen(lo.AddDate(0, 0, -pad), hi.AddDate(0, 0, pad), minViewDays)
		return scale{segs: []segment{{t0: lo, t1: hi, x0: axisPad, x1: AxisWidth - axisPad}}}
	}
	groups[0][0], groups[len(groups)-1][1] = minTime(lo, groups[0][0]), maxTime(hi, groups[len(groups)-1][1])
	segs := make([]segment, len(groups))
	for i, g := range groups {
		pad := max(3*24*time.Hour, g[1].Sub(g[0])/20)
		segs[i] = segment{t0: dayOf(g[0].Add(-pad)), t1: dayOf(g[1].Add(pad)).AddDate(0, 0, 1)}
	}
	// Widths in proportion to the time shown, none narrower than
	// minSegment (an edge of background no wider).
	usable := AxisWidth - 2*axisPad - float64(len(segs)-1)*breakWidth
	width := make([]float64, len(segs))
	fixed := make([]bool, len(segs))
	for i := range segs {
		if edgeOnly[i] { // background at an edge: as narrow as a stretch gets
			width[i], fixed[i] = minSegment, true
		}
	}
	for {
		var free float64
		var rest time.Duration
		for i, g := range segs {
			if fixed[i] {
				free -= width[i]
			} else {
				rest += g.t1.Sub(g.t0)
			}
		}
		free += usable
		changed := false
		for i, g := range segs {
			if fixed[i] {
				continue
			}
			width[i] = free * float64(g.t1.Sub(g.t0)) / float64(rest)
			if width[i] < minSegment {
				width[i], fixed[i], changed = minSegment, true, true
			}
		}
		if !changed {
			break
		}
	}
	x := axisPad
	for i := range segs {
		segs[i].x0, segs[i].x1 = x, x+width[i]
		x += width[i] + breakWidth
	}
	return scale{segs: segs}
}

// x is where t stands on the axis.
func (s scale) x(t time.Time) float64 {
	for i, g := range s.segs {
		if t.Before(g.t1) || i == len(s.segs)-1 {
			if i > 0 && t.Before(g.t0) { // in the break before this segment
				p := s.segs[i-1]
				return p.x1 + (g.x0-p.x1)*t.Sub(p.t1).Seconds()/g.t0.Sub(p.t1).Seconds()
			}
			return g.x0 + (g.x1-g.x0)*t.Sub(g.t0).Seconds()/g.t1.Sub(g.t0).Seconds()
		}
	}
	return AxisWidth - axisPad
}
