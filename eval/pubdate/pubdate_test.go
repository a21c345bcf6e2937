package pubdate

import (
	"testing"

	"github.com/storyline/storyline"
)

func TestJudge(t *testing.T) {
	day, month, year := storyline.Day, storyline.Month, storyline.Year
	cases := []struct {
		shown, gold storyline.Date
		want        Verdict
	}{
		{day(2024, 10, 6), day(2024, 10, 6), Exact},
		{day(2024, 10, 5), day(2024, 10, 6), Close},
		{day(2024, 10, 8), day(2024, 10, 6), Wrong},
		{day(2023, 10, 6), day(2024, 10, 6), Wrong},
		{month(2024, 10), day(2024, 10, 6), Close},
		{month(2024, 9), day(2024, 10, 1), Wrong},
		{year(2024), day(2024, 10, 6), Close},
		{day(2024, 10, 20), month(2024, 10), Close},
		{day(2024, 11, 1), month(2024, 10), Wrong},
		{storyline.Date{}, day(2024, 10, 6), None},
		{day(2024, 10, 6), storyline.Date{}, Unknown},
	}
	for _, c := range cases {
		if got := Judge(c.shown, c.gold); got != c.want {
			t.Errorf("Judge(%v, %v) = %s, want %s", c.shown, c.gold, got, c.want)
		}
	}
}

func TestScore(t *testing.T) {
	gold := []Gold{
		{URL: "a", Published: storyline.Day(2021, 3, 17)},
		{URL: "b", Published: storyline.Day(2021, 6, 16)},
		{URL: "c", Published: storyline.Month(2024, 10)},
		{URL: "d", Published: storyline.Day(2017, 8, 21)},
		{URL: "e"},
	}
	answers := map[string]Answer{
		"a": {Published: storyline.Day(2021, 3, 17)},
		// A disputed page date is not shown; its estimate is.
		"b": {Published: storyline.Day(2017, 7, 11), Disputed: true, Estimated: storyline.Day(2021, 6, 16)},
		"c": {Estimated: storyline.Day(2024, 9, 28)},
		"e": {Estimated: storyline.Year(2020)},
	}
	r := Score(gold, answers)
	if r.Pages != 5 || r.Known != 3 || r.Exact != 2 || r.None != 1 || r.Wrong != 0 || r.Coarse != 1 || r.CoarseWrong != 1 ||
		r.Estimated != 3 || r.Disputed != 1 {
		t.Errorf("Score = %+v", r)
	}
	if r.Items[0].URL != "c" || r.Items[0].Verdict != Wrong {
		t.Errorf("the wrong page is not listed first: %+v", r.Items[0])
	}
}
