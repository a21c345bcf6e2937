package cluster

import (
	"time"

	"github.com/storyline/storyline"
)

// dayGap is the distance in days from d to the span [first, last]; false
// when either is unknown. Days (the dates of articles and of event
// centres, mostly) are counted apart by their numbers; other dates by
// their instants.
func dayGap(d, first, last storyline.Date) (float64, bool) {
	if d.IsZero() || first.IsZero() {
		return 0, false
	}
	if dn, ok := dayNumber(d); ok {
		if fn, ok := dayNumber(first); ok {
			ln, ok := fn, true // a span of one day: an event's centre
			if last != first {
				ln, ok = dayNumber(last)
			}
			if ok && near(dn, fn) && near(dn, ln) {
				// as gapByInstants counts them: days' instants are whole days apart
				switch {
				case dn < fn:
					return float64(fn - dn), true
				case dn > ln:
					return float64(dn - ln), true
				}
				return 0, true
			}
		}
	}
	return gapByInstants(d, first, last)
}

// gapByInstants is dayGap measured on the dates' instants alone: how any
// date is counted, and what a day's number must give.
func gapByInstants(d, first, last storyline.Date) (float64, bool) {
	if d.IsZero() || first.IsZero() {
		return 0, false
	}
	t := d.Time()
	switch {
	case t.Before(first.Time()):
		return first.Time().Sub(t).Hours() / 24, true
	case t.After(last.Time()):
		// a month or a year is a span of its own: measure from its end
		end := last.End().Add(-24 * time.Hour)
		if !t.After(end) {
			return 0, true
		}
		return t.Sub(end).Hours() / 24, true
	}
	return 0, true
}

// near reports whether two days are close enough that the time.Duration
// between their instants does not saturate (292 years).
func near(a, b int64) bool {
	return a-b < 100000 && b-a < 100000
}

// dayNumber is the number of the day d since 1 March of year 0 in the
// proleptic Gregorian calendar, when d is a day of a year from 1 to 9999
// (an overflowing day of the month, as time.Date reads it, running on
// into the next month); false for any other date.
func dayNumber(d storyline.Date) (int64, bool) {
	if d.Precision != storyline.PrecisionDay || d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return 0, false
	}
	// days from civil, counting years from March so that February ends one
	y, m := int64(d.Year), int64(d.Month)
	if m <= 2 {
		y--
		m += 12
	}
	return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + int64(d.Day) - 1, true
}
