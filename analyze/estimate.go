package analyze

import (
	"fmt"
	"slices"
	"time"

	"github.com/storyline/storyline"
)

// day is 24 hours.
const day = 24 * time.Hour

// contradicts returns why the text contradicts the page's date p, or ""
// when it does not: it reports a happening in the past tense ("met on",
// "was signed in") on a day or in a month, with its year, that comes after
// p (by more than a day, for time zones), or on a weekday and a day of a
// month that fell together in none of the twelve months up to p. A date
// in passing ("must leave by January 31, 2022", "said ... on") is no
// evidence against the page's date.
func (ev evidence) contradicts(p storyline.Date) string {
	if p.IsZero() {
		return ""
	}
	limit := p.End().Add(day)
	var later []dated // dates in the past tense after p, not deadlines
	for _, d := range ev.dated {
		if d.tense >= 0 || d.date.Precision < storyline.PrecisionMonth || d.date.Time().Before(limit) {
			continue
		}
		if d.reported {
			return fmt.Sprintf("the text reports %q (%s) in the past tense, after the page's date %s", d.text, d.date, p)
		}
		if !d.deadline && !slices.ContainsFunc(later, func(x dated) bool { return x.date == d.date }) {
			later = append(later, d)
		}
	}
	if len(later) >= 2 {
		// Two dates after it in the past tense, neither a deadline: no
		// one verb reports either, but together they outweigh the page.
		return fmt.Sprintf("the text names %q (%s) and %q (%s) in the past tense, after the page's date %s",
			later[0].text, later[0].date, later[1].text, later[1].date, p)
	}
	for _, y := range ev.yearless {
		if !y.named || y.tense >= 0 || !y.reported {
			continue
		}
		fits := false
		for _, yr := range y.years(p.Year-1, p.Year) {
			d, _ := y.in(yr)
			if !d.Time().After(limit) && !d.Time().Before(p.Time().AddDate(-1, 0, 0)) {
				fits = true
			}
		}
		if !fits {
			return fmt.Sprintf("the text reports %q in the past tense, a %s in none of the twelve months up to the page's date %s",
				y.text, y.weekday, p)
		}
	}
	return ""
}

// dateEstimate is when an article was most likely written, from its
// evidence.
type dateEstimate struct {
	// date is the estimate shown: a day, a month or a year, to the
	// precision the evidence allows.
	date storyline.Date
	// earliest and latest bound the days it allows; latest is zero when
	// nothing bounds it from above.
	earliest, latest storyline.Date
	confidence       float64
	from             string // the evidence, in words
	// anchor is the day relative expressions ("on Monday", the present
	// tense) are resolved against: earliest, when the range is a week or
	// less; zero otherwise.
	anchor storyline.Date
}

// dating returns the estimate as a storyline.Dating.
func (e dateEstimate) dating() storyline.Dating {
	return storyline.Dating{Estimated: e.date, EstimatedFrom: e.from, EstimatedEarliest: e.earliest,
		EstimatedLatest: e.latest, EstimatedConfidence: e.confidence}
}

// window is how many days after the latest day an article reports it may
// be written when it names that day's weekday ("said on Sunday"): news
// names the weekday of what happened in the last week (not a history,
// which counts the years since: looksBackOn).
const window = 6

// estimate estimates when a text was written from its own evidence, now
// being the latest day it can have been (the day it is read). ok is false
// when the evidence pins nothing: a bound alone ("it reports 2017, so it
// was written in 2017 or later") is no estimate.
//
// The day the page gives without a year is placed in the one year the
// evidence allows. Otherwise the latest day the text reports in the past
// tense, when the text names that day's weekday, places it in the week
// after that day, unless the text counts years from it to its own time
// ("ten years after", "a decade ago"). Weekdays named with a day of the month ("Sunday (March
// 21)") are placed in the one year they fit near the others the text
// names.
func (ev evidence) estimate(now time.Time) (dateEstimate, bool) {
	lo := ev.pastBound()
	// Days named with their weekday: the year they fit.
	for _, y := range ev.yearless {
		if !y.named || y.tense > 0 {
			continue
		}
		first := now.Year() - 30
		if ev.maxYear > 0 {
			first = ev.maxYear - 1
		}
		var fits []storyline.Date
		for _, yr := range y.years(first, now.Year()) {
			if d, _ := y.in(yr); !d.Time().After(now) {
				fits = append(fits, d)
			}
		}
		fits = ev.byRoles(fits)
		if len(fits) == 1 && (lo.date.IsZero() || fits[0].Time().After(lo.date.Time())) {
			lo = dated{date: fits[0], tense: -1, text: y.text, start: y.start}
		}
	}
	hi := ev.futureBound()

	if p := ev.pageDay; p != nil {
		if e, ok := ev.placePageDay(*p, lo, hi, now); ok {
			return e, true
		}
	}
	if lo.date.Precision != storyline.PrecisionDay {
		return dateEstimate{}, false
	}
	wd := lo.date.Time().Weekday()
	named := false
	for _, w := range ev.pastWeekdays {
		named = named || w == wd
	}
	for _, y := range ev.yearless {
		named = named || y.named && y.text == lo.text
	}
	if w, ok := weekdayIn(lo.text); ok && w == wd {
		named = true // "on Monday, March 22, 2021"
	}
	if !named {
		return dateEstimate{}, false
	}
	if _, ok := ev.looksBackOn(lo, now.Year()); ok {
		// "Ten years after its launch": written years after that day,
		// not in its week.
		return dateEstimate{}, false
	}
	e := dateEstimate{
		earliest:   lo.date,
		latest:     storyline.DateOf(lo.date.Time().AddDate(0, 0, window)),
		confidence: 0.6,
		anchor:     lo.date,
		from: fmt.Sprintf("written on or within %d days after %s, the latest day it reports (%q), whose weekday it names",
			window, lo.date, lo.text),
	}
	if ev.today {
		// It speaks of "today" too: that day, or the next where its
		// reader's clock is ahead.
		e.latest, e.confidence = storyline.DateOf(lo.date.Time().AddDate(0, 0, 1)), 0.7
		e.from = fmt.Sprintf("written on %s, the latest day it reports (%q), whose weekday it names, as it speaks of today (or the day after, in time zones ahead)",
			lo.date, lo.text)
	}
	if !hi.date.IsZero() && hi.date.Precision == storyline.PrecisionDay && hi.date.Time().Before(e.latest.Time()) {
		e.latest = storyline.DateOf(hi.date.Time().Add(-day))
	}
	if e.latest.Time().After(now) {
		e.latest = storyline.DateOf(now)
	}
	e.date = coarsest(e.earliest, e.latest)
	if e.date.IsZero() {
		return dateEstimate{}, false
	}
	return e, true
}

// placePageDay places the day a page gives without a year in the one year
// its evidence allows: on or after the latest day it reports, and within
// a year of it; before the earliest day it announces; not after now.
func (ev evidence) placePageDay(p yearless, lo, hi dated, now time.Time) (dateEstimate, bool) {
	if lo.date.Precision < storyline.PrecisionMonth {
		return dateEstimate{}, false // a year is too coarse to place a day in
	}
	var fits []storyline.Date
	for yr := lo.date.Year; yr <= lo.date.Year+1; yr++ {
		d, ok := p.in(yr)
		t := d.Time()
		if !ok || t.Before(lo.date.Time()) || t.After(now) || t.After(lo.date.End().AddDate(0, 0, 45)) {
			continue
		}
		if !hi.date.IsZero() && !t.Before(hi.date.End()) {
			continue
		}
		fits = append(fits, d)
	}
	if fits = ev.byRoles(fits); len(fits) != 1 {
		return dateEstimate{}, false
	}
	d := fits[0]
	return dateEstimate{
		date: d, earliest: d, latest: d, anchor: d, confidence: 0.8,
		from: fmt.Sprintf("the page's date %q in %d, the year that puts it within 45 days after the latest day it reports (%q)",
			p.text, d.Year, lo.text),
	}, true
}

// coarsest returns the most precise date that holds both days: the day
// when they are one, or the first when the second is the day after (a
// day's news read where clocks are ahead), their month, their year; zero
// when they are years apart.
func coarsest(a, b storyline.Date) storyline.Date {
	switch {
	case a == b, b.Time().Sub(a.Time()) <= day:
		return a
	case a.Year == b.Year && a.Month == b.Month:
		return storyline.Month(a.Year, a.Month)
	case a.Year == b.Year:
		return storyline.Year(a.Year)
	}
	return storyline.Date{}
}
