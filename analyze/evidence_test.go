package analyze

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// A page's day without its year changes no estimate of evidence that
// mayPlacePageDay says cannot place it: analyse does not read it then.
func TestPageDayOnlyWhenPlaceable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	date := func() storyline.Date {
		y := 2015 + rng.IntN(10)
		switch rng.IntN(3) {
		case 0:
			return storyline.Year(y)
		case 1:
			return storyline.Month(y, time.Month(1+rng.IntN(12)))
		}
		return storyline.Day(y, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	skipped := 0
	for range 20000 {
		var ev evidence
		for range rng.IntN(4) {
			d := date()
			ev.dated = append(ev.dated, dated{date: d, tense: rng.IntN(3) - 1, text: d.String()})
			ev.maxYear = max(ev.maxYear, d.Year)
		}
		for range rng.IntN(3) {
			ev.yearless = append(ev.yearless, yearless{month: time.Month(1 + rng.IntN(12)), day: 1 + rng.IntN(28),
				weekday: time.Weekday(rng.IntN(7)), named: rng.IntN(2) == 0, tense: rng.IntN(3) - 1, text: "Monday, May 3"})
		}
		if rng.IntN(2) == 0 {
			ev.pastWeekdays = append(ev.pastWeekdays, time.Weekday(rng.IntN(7)))
		}
		ev.today = rng.IntN(4) == 0
		if ev.mayPlacePageDay() {
			continue
		}
		skipped++
		without, okWithout := ev.estimate(now)
		ev.pageDay = &yearless{month: time.Month(1 + rng.IntN(12)), day: 1 + rng.IntN(28), text: "WASHINGTON, May 5"}
		with, okWith := ev.estimate(now)
		if with != without || okWith != okWithout {
			t.Fatalf("%+v: estimate with the page's day %+v %v, without %+v %v", ev, with, okWith, without, okWithout)
		}
	}
	if skipped < 1000 {
		t.Fatalf("only %d cases without a placeable bound", skipped)
	}
}
