package web

import (
	"fmt"
	"math"
	"time"

	"github.com/storyline/storyline"
)

// Axis is a timeline laid out on a horizontal time axis, in the units of
// an SVG viewBox of AxisWidth by Height.
type Axis struct {
	Height int
	Dots   []Dot
	Ticks  []Tick
	LineY  int
}

// Dot is one entry on the axis: placed by date, sized by its outlets.
type Dot struct {
	X, Y, R  float64
	Entry    int // index into the timeline's entries
	Conflict bool
	Label    string // for hover: date and text
}

// Tick is a labelled year or month mark on the axis.
type Tick struct {
	X     float64
	Label string
}

// AxisWidth is the width of the axis viewBox.
const AxisWidth = 1000

const (
	axisPad   = 30.0
	laneGap   = 30.0
	axisLanes = 5
)

// Layout places the dated entries of a timeline on an axis. Entries close
// in time stack in lanes so none hides another; undated entries are left
// off the axis (they stay in the list).
func Layout(tl *storyline.Timeline) Axis {
	ax := Axis{}
	var lo, hi time.Time
	for _, e := range tl.Entries {
		if e.Date.IsZero() {
			continue
		}
		t := mid(e.Date)
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if hi.IsZero() || t.After(hi) {
			hi = t
		}
	}
	if lo.IsZero() {
		return ax
	}
	span := hi.Sub(lo).Seconds()
	x := func(t time.Time) float64 {
		if span == 0 {
			return AxisWidth / 2
		}
		return axisPad + (AxisWidth-2*axisPad)*t.Sub(lo).Seconds()/span
	}
	laneEnd := make([]float64, axisLanes) // right edge of the last dot in each lane
	for i := range laneEnd {
		laneEnd[i] = math.Inf(-1)
	}
	maxLane := 0
	for i, e := range tl.Entries {
		if e.Date.IsZero() {
			continue
		}
		r := 7 + 4*math.Sqrt(float64(max(e.Outlets, len(e.Sources), 1)-1))
		r = math.Min(r, 20)
		d := Dot{X: x(mid(e.Date)), R: r, Entry: i, Conflict: len(e.Conflicts) > 0}
		d.Label = fmt.Sprintf("%s: %s (%d outlets)", e.Date, clip(e.Text, 90), max(e.Outlets, 1))
		lane := 0
		for lane < axisLanes-1 && laneEnd[lane] > d.X-r-2 {
			lane++
		}
		laneEnd[lane] = d.X + r
		maxLane = max(maxLane, lane)
		d.Y = float64(lane)
		ax.Dots = append(ax.Dots, d)
	}
	ax.LineY = 24 + int(laneGap*float64(maxLane+1))
	for i := range ax.Dots {
		ax.Dots[i].Y = float64(ax.LineY) - 18 - ax.Dots[i].Y*laneGap
	}
	ax.Height = ax.LineY + 24
	ax.Ticks = ticks(lo, hi, x)
	return ax
}

// ticks returns year marks, or month marks for a span under two years.
func ticks(lo, hi time.Time, x func(time.Time) float64) []Tick {
	var out []Tick
	if hi.Sub(lo) < 2*365*24*time.Hour {
		t := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
		if t.Before(lo) {
			t = t.AddDate(0, 1, 0)
		}
		months := int(hi.Sub(lo).Hours()/24/30) + 1
		step := max(1, months/8)
		for ; !t.After(hi); t = t.AddDate(0, step, 0) {
			out = append(out, Tick{X: x(t), Label: t.Format("Jan 2006")})
		}
		return out
	}
	years := hi.Year() - lo.Year() + 1
	step := max(1, years/10)
	for y := lo.Year() + 1; y <= hi.Year(); y += step {
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		out = append(out, Tick{X: x(t), Label: fmt.Sprint(y)})
	}
	return out
}

// mid is the middle of a date's span: a month sits mid-month.
func mid(d storyline.Date) time.Time {
	a, b := d.Time(), d.End()
	return a.Add(b.Sub(a) / 2)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
