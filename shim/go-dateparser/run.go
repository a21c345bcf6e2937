package dateparser

import "time"

// run is a stretch of text made only of date tokens.
type run []token

// date reads one run as a date: its first numeric date, or else its first
// month name with the day next to it and the run's first four-digit year.
func (run run) date(cfg *Configuration) (time.Time, bool) {
	for _, t := range run {
		if t.kind == numericDate {
			if d, ok := t.numeric(); ok {
				return d, true
			}
		}
	}
	for i, t := range run {
		if t.kind != month {
			continue
		}
		d := dayNextTo(run, i)
		y := 0
		for _, u := range run {
			if u.kind == number && u.width == 4 {
				y = u.value
				break
			}
		}
		if (d == 0 || y == 0) && cfg.StrictParsing {
			continue
		}
		if d == 0 {
			d = 1
		}
		if y == 0 {
			y = yearFor(time.Month(t.value), d, cfg)
		}
		if tm, ok := valid(y, time.Month(t.value), d); ok {
			return tm, true
		}
	}
	return time.Time{}, false
}

// dayNextTo returns the day written just after the month at run[i]
// ("March 3", "March the 3rd") or just before it ("3 March", "3rd of
// March"), or 0.
func dayNextTo(run run, i int) int {
	for j := i + 1; j < len(run); j++ {
		if run[j].kind == filler {
			continue
		}
		if isDay(run[j]) {
			return run[j].value
		}
		break
	}
	for j := i - 1; j >= 0; j-- {
		if run[j].kind == filler {
			continue
		}
		if isDay(run[j]) {
			return run[j].value
		}
		break
	}
	return 0
}

func isDay(t token) bool {
	return t.kind == number && t.width <= 2 && 1 <= t.value && t.value <= 31
}

// numeric reads a date written in digits: year first (2021-03-03), or year
// last with the day and month in the order the numbers allow (a number
// above 12 is the day), and where both orders are possible day first after
// dots (3.4.2021, European usage) and month first after slashes or dashes
// (4/3/2021, American usage).
func (t token) numeric() (time.Time, bool) {
	a, b, c := t.parts[0], t.parts[1], t.parts[2]
	switch {
	case t.width == 4:
		return valid(a, time.Month(b), c)
	case t.last == 4:
		dayFirst := t.sep == '.'
		switch {
		case a > 12:
			dayFirst = true
		case b > 12:
			dayFirst = false
		}
		if dayFirst {
			return valid(c, time.Month(b), a)
		}
		return valid(c, time.Month(a), b)
	}
	return time.Time{}, false
}

// yearFor picks the year of a date written without one.
func yearFor(m time.Month, d int, cfg *Configuration) int {
	now := cfg.CurrentTime
	if now.IsZero() {
		now = time.Now()
	}
	now = now.UTC()
	y := now.Year()
	this := day(y, m, d)
	today := day(y, now.Month(), now.Day())
	switch {
	case cfg.PreferredDateSource == Past && this.After(today):
		return y - 1
	case cfg.PreferredDateSource == Future && this.Before(today):
		return y + 1
	}
	return y
}

// valid returns the day y-m-d if it exists (no 31 April) and the year is
// one a news page could mean.
func valid(y int, m time.Month, d int) (time.Time, bool) {
	if y < 1000 || y > 2999 || m < time.January || m > time.December || d < 1 {
		return time.Time{}, false
	}
	tm := day(y, m, d)
	if tm.Day() != d {
		return time.Time{}, false
	}
	return tm, true
}
