package timeline

import (
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/timex"
)

// TestRelativeDayNeedsDay: a day counted from the publication date
// ("yesterday", "on Monday") needs the day it was published; an article
// known only to the month or year leaves such a sentence undated (no
// statement, or none with a date), while "today" and dates with their
// own month keep what the anchor allows. The sentences are made up.
func TestRelativeDayNeedsDay(t *testing.T) {
	june := storyline.Month(2021, 6)
	cases := []struct {
		name      string
		text      string
		published storyline.Date
		want      storyline.Date // zero: no dated statement
	}{
		{"yesterday in a month-dated article", "The two presidents agreed at the summit yesterday that the envoys would return.", june, storyline.Date{}},
		{"a weekday in a month-dated article", "The two presidents agreed at the summit on Wednesday that the envoys would return.", june, storyline.Date{}},
		{"days ago in a year-dated article", "The two presidents agreed at the summit two days ago that the envoys would return.", storyline.Year(2021), storyline.Date{}},
		{"today in a month-dated article is that month", "The spokesman said today that the envoys would return within days.", june, june},
		{"a day with its month in a month-dated article", "The two presidents agreed at the summit on June 16 that the envoys would return.", june, storyline.Day(2021, 6, 16)},
		{"yesterday in a day-dated article", "The two presidents agreed at the summit yesterday that the envoys would return.", storyline.Day(2021, 6, 17), storyline.Day(2021, 6, 16)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &storyline.Article{ID: "r", Text: c.text, Published: c.published}
			var got storyline.Date
			for _, s := range Statements(a, timex.Tag(c.text, c.published), nil) {
				if !s.Date.IsZero() {
					got = s.Date
				}
			}
			if got != c.want {
				t.Errorf("dated %v, want %v", got, c.want)
			}
		})
	}
}
