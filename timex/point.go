package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a calendar value, coarse to fine.
type gran uint8

const (
	gNone gran = iota
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gWeekend
	gDay
)

// point is a resolved calendar value: a year, half, quarter, season, month,
// ISO week or day, plus an optional time of day on a day.
type point struct {
	g       gran
	t       time.Time // the first day of the value (for a week, its Monday)
	season  string    // SP, SU, FA, WI for gSeason
	timeSfx string    // "TMO", "T17:00" after a day
}

// at returns the value of granularity g that holds t.
func at(t time.Time, g gran) point {
	y, m, d := t.Date()
	switch g {
	case gCentury:
		return point{g: g, t: date(y/100*100, 1, 1)}
	case gDecade:
		return point{g: g, t: date(y/10*10, 1, 1)}
	case gYear:
		return point{g: g, t: date(y, 1, 1)}
	case gHalf:
		return point{g: g, t: date(y, (int(m)-1)/6*6+1, 1)}
	case gQuarter:
		return point{g: g, t: date(y, (int(m)-1)/3*3+1, 1)}
	case gMonth:
		return point{g: g, t: date(y, int(m), 1)}
	case gWeek, gWeekend:
		wd := (int(t.Weekday()) + 6) % 7 // Monday 0
		return point{g: g, t: date(y, int(m), d-wd)}
	case gSeason:
		// Seasons start in March, June, September and December.
		mm := int(m)
		yy := y
		if mm < 3 {
			mm += 12
			yy--
		}
		start := (mm-3)/3*3 + 3
		return point{g: g, t: date(yy, start, 1), season: seasonOf(start)}
	}
	return point{g: gDay, t: date(y, int(m), d)}
}

func seasonOf(startMonth int) string {
	switch startMonth {
	case 3:
		return "SP"
	case 6:
		return "SU"
	case 9:
		return "FA"
	}
	return "WI"
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// shift moves p by n steps of its own granularity.
func (p point) shift(n int) point {
	q := p
	q.t = addUnits(p.t, p.g, n)
	return q
}

// shiftUnit moves p by n of unit u, keeping p's granularity when it is
// finer than u ("a year earlier" than a quarter is a quarter).
func (p point) shiftUnit(u gran, n int) point {
	q := p
	q.t = addUnits(p.t, u, n)
	if q.g == gWeek || q.g == gWeekend {
		q = at(q.t, q.g)
	}
	return q
}

// addUnits adds n units of granularity u to t. Seasons step by years:
// "last summer" is the summer of the year before.
func addUnits(t time.Time, u gran, n int) time.Time {
	switch u {
	case gCentury:
		return t.AddDate(100*n, 0, 0)
	case gDecade:
		return t.AddDate(10*n, 0, 0)
	case gYear, gSeason:
		return t.AddDate(n, 0, 0)
	case gHalf:
		return t.AddDate(0, 6*n, 0)
	case gQuarter:
		return t.AddDate(0, 3*n, 0)
	case gMonth:
		return t.AddDate(0, n, 0)
	case gWeek, gWeekend:
		return t.AddDate(0, 0, 7*n)
	}
	return t.AddDate(0, 0, n)
}

// value formats p as a TIMEX3 value.
func (p point) value() string {
	y, m, d := p.t.Date()
	var buf [32]byte
	b := buf[:0]
	switch p.g {
	case gCentury:
		b = appendPadded(b, y/100, 2)
	case gDecade:
		b = appendPadded(b, y/10, 3)
	case gYear:
		b = appendPadded(b, y, 4)
	case gHalf:
		b = append(appendPadded(b, y, 4), "-H"...)
		b = appendPadded(b, (int(m)-1)/6+1, 1)
	case gQuarter:
		b = append(appendPadded(b, y, 4), "-Q"...)
		b = appendPadded(b, (int(m)-1)/3+1, 1)
	case gSeason:
		b = append(append(appendPadded(b, y, 4), '-'), p.season...)
	case gMonth:
		b = appendPadded(append(appendPadded(b, y, 4), '-'), int(m), 2)
	case gWeek, gWeekend:
		iy, iw := p.t.ISOWeek()
		b = appendPadded(append(appendPadded(b, iy, 4), "-W"...), iw, 2)
		if p.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case gDay:
		b = appendPadded(append(appendPadded(b, y, 4), '-'), int(m), 2)
		b = append(appendPadded(append(b, '-'), d, 2), p.timeSfx...)
	default:
		return ""
	}
	return string(b)
}

// appendPadded appends n in decimal to b, padded with zeros to width
// digits and sign, as fmt's %0<width>d writes it.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		width--
		n = -n // a year: far from the smallest int
	}
	var digits [20]byte
	ds := strconv.AppendInt(digits[:0], int64(n), 10)
	for k := len(ds); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, ds...)
}

// unitGran maps a unit code to a granularity.
func unitGran(u string) gran {
	switch u {
	case "CE":
		return gCentury
	case "DE":
		return gDecade
	case "Y":
		return gYear
	case "H":
		return gHalf
	case "Q":
		return gQuarter
	case "M":
		return gMonth
	case "W":
		return gWeek
	case "WE":
		return gWeekend
	case "D":
		return gDay
	}
	return gNone
}
