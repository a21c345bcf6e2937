package timex

import (
	"testing"
	"time"

	storyline "github.com/storyline/storyline"
)

// TestSpansAndForms checks expression extents (as TimeBank draws them)
// and forms of numbers: spelled-out years, fractions, approximations,
// clock times on a date.
func TestSpansAndForms(t *testing.T) {
	dct := storyline.Day(2023, time.May, 10)
	tests := []struct {
		name, text string
		want       []want
	}{
		{"spelled-out years", "The station first aired in nineteen ninety-six and moved in the year two thousand.",
			[]want{{"nineteen ninety-six", "DATE", "1996"}, {"the year two thousand", "DATE", "2000"}}},
		{"spelled-out year after a month", "The flood came in March nineteen seventy-nine.",
			[]want{{"March nineteen seventy-nine", "DATE", "1979-03"}}},
		{"number words with thousand", "The glassmakers have kept their secrets for more than two thousand years.",
			[]want{{"more than two thousand years", "DURATION", "P2000Y"}}},
		{"fractions", "The crossing took 5 1/2 hours; the repairs took 2 1/2 years and 1 1/2 days.",
			[]want{{"5 1/2 hours", "DURATION", "PT5H30M"}, {"2 1/2 years", "DURATION", "P2Y6M"}, {"1 1/2 days", "DURATION", "P1DT12H"}}},
		{"approximations inside", "The strike lasted nearly two years and ended almost three years ago, after at least 30 days of talks.",
			[]want{{"nearly two years", "DURATION", "P2Y"}, {"almost three years ago", "DATE", "2020"}, {"at least 30 days", "DURATION", "P30D"}}},
		{"than only with more or less", "Output was lower than a year ago and more than two years ago.",
			[]want{{"a year ago", "DATE", "2022"}, {"more than two years ago", "DATE", "2021"}}},
		{"the with a count", "Sales for the nine months rose.",
			[]want{{"the nine months", "DURATION", "P9M"}}},
		{"weekday without early or late", "Early Monday, the ferry sank.",
			[]want{{"Monday", "DATE", "2023-05-08"}}},
		{"clock time on a date", "The offer runs until 5 p.m. EDT, June 2.",
			[]want{{"5 p.m. EDT, June 2", "TIME", "2023-06-02T17:00"}}},
		{"month and ordinal word", "The vote is set for June second.",
			[]want{{"June second", "DATE", "2023-06-02"}}},
		{"a unit after a preposition is a duration", "The bridge will close for a week and reopen within an hour of the test.",
			[]want{{"a week", "DURATION", "P1W"}, {"an hour", "DURATION", "PT1H"}}},
		{"and a half", "The speech lasted an hour and a half, the vote a minute and a half.",
			[]want{{"an hour and a half", "DURATION", "PT1H30M"}, {"a minute and a half", "DURATION", "PT1M30S"}}},
		{"the year ended", "Profit for the year ended June 30 rose, and for the full year the bank sees growth.",
			[]want{{"the year", "DURATION", "P1Y"}, {"the full year", "DATE", "2023"}}},
		{"for years", "The mill has been idle for years.",
			[]want{{"years", "DURATION", "PXY"}}},
		{"by year-end", "The merger should close by year-end.",
			[]want{{"year-end", "DATE", "2023"}}},
		{"clock time on the day just named", "The fire broke out on April 2. It was put out at 10 p.m.",
			[]want{{"10 p.m.", "TIME", "2023-04-02T22:00"}}},
		{"seasons without a year", "Shipments slowed over the summer and the plant closed this past spring.",
			[]want{{"the summer", "DATE", "2022-SU"}, {"this past spring", "DATE", "2022-SP"}}},
		{"long and old", "A decades-long feud ended after a day-long meeting.",
			[]want{{"decades-long", "DURATION", "PXY"}, {"day-long", "DURATION", "P1D"}}},
		{"every month of the year", "The parade marches each July.",
			[]want{{"each July", "SET", "XXXX-07"}}},
		{"current", "The current board met.",
			[]want{{"current", "DATE", "PRESENT_REF"}}},
		{"then current", "The then current chairman resigned in the current fiscal year.",
			[]want{{"then current", "DATE", "PAST_REF"}, {"the current fiscal year", "DATE", "2023"}}},
		{"Independence Day", "Fireworks are banned on Independence Day.",
			[]want{{"Independence Day", "DATE", "2023-07-04"}}},
		{"the year-ago third quarter", "Profit fell from the year-ago third quarter.",
			[]want{{"the year-ago third quarter", "DATE", "2022-Q3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tag(tt.text, dct)
			for _, w := range tt.want {
				x := find(got, w.text)
				if x == nil {
					t.Errorf("%q not found; got %s", w.text, dump(got))
					continue
				}
				if x.Type != w.typ || x.Value != w.value {
					t.Errorf("%q: got %s %s, want %s %s (rule %s)", w.text, x.Type, x.Value, w.typ, w.value, x.Rule)
				}
			}
		})
	}
}

// TestNotTimes checks words that look like time expressions but are not
// here: places, first names, ages, rates, codes.
func TestNotTimes(t *testing.T) {
	dct := storyline.Day(2023, time.May, 10)
	for _, text := range []string{
		"The ministers met in Independence, Missouri.",
		"Stocks may fall if the fall of the dollar goes on.",
		"Foreign Minister Jan Kavan spoke.",
		"The pilot, 52 years old, landed safely.",
		"The plant makes 700 cars a week and pays $2 a year per share.",
		"AP-NY-05-10-23 1948",
		"Some tickets cost two thousand dollars.",
	} {
		t.Run(text, func(t *testing.T) {
			if got := Tag(text, dct); len(got) != 0 {
				t.Errorf("got %s, want nothing", dump(got))
			}
		})
	}
}
