package cluster

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// TestDayGapAsInstants: dayGap, counting days by their numbers, gives
// what the dates' instants give, to the last bit: days of every month
// (overflowing ones too), leap years, centuries apart (where a
// time.Duration saturates), months and years, unknown dates, spans of
// one date.
func TestDayGapAsInstants(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	date := func() storyline.Date {
		y := 2000 + rng.IntN(30)
		switch rng.IntN(10) {
		case 0:
			y = 1 + rng.IntN(9999)
		case 1:
			y = 1600 + rng.IntN(800)
		}
		switch rng.IntN(12) {
		case 0:
			return storyline.Date{}
		case 1:
			return storyline.Date{Year: y, Precision: storyline.PrecisionYear}
		case 2:
			return storyline.Date{Year: y, Month: time.Month(1 + rng.IntN(12)), Precision: storyline.PrecisionMonth}
		case 3:
			return storyline.Day(y, time.February, 28+rng.IntN(4))
		}
		return storyline.Day(y, time.Month(1+rng.IntN(12)), 1+rng.IntN(31))
	}
	for n := range 200000 {
		d, first, last := date(), date(), date()
		if rng.IntN(2) == 0 && first.Compare(last) > 0 {
			first, last = last, first
		}
		if rng.IntN(4) == 0 {
			last = first // one date, as for an event's centre
		}
		got, gotOK := dayGap(d, first, last)
		want, wantOK := gapByInstants(d, first, last)
		if got != want || gotOK != wantOK {
			t.Fatalf("case %d: dayGap(%v, %v, %v) = %v %v, by instants %v %v", n, d, first, last, got, gotOK, want, wantOK)
		}
	}
}
