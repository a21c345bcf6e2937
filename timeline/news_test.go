package timeline

import (
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// isNewsByTime is isNews as the times of the dates tell it: what isNews
// works out in days.
func isNewsByTime(art *storyline.Article, d storyline.Date) bool {
	if art == nil {
		return d.Precision == storyline.PrecisionDay
	}
	pub, _ := art.ShownDate()
	if pub.IsZero() {
		return d.Precision == storyline.PrecisionDay
	}
	if d.Precision != storyline.PrecisionDay {
		return pub.Precision <= d.Precision && !pub.Time().Before(d.Time()) && pub.Time().Before(d.End())
	}
	return d.Time().Before(pub.End().Add(24*time.Hour)) && d.End().After(pub.Time().Add(-7*24*time.Hour))
}

// isNews, in days, tells news from background as the times do: for
// articles published, estimated, disputed or undated, to the day, the
// month or the year, and happenings of every precision around them,
// across month and year ends and before 1970.
func TestIsNewsInDaysIsByTime(t *testing.T) {
	var dates []storyline.Date
	for _, y := range []int{1969, 2020, 2021} {
		dates = append(dates, storyline.Year(y))
		for _, m := range []time.Month{1, 2, 3, 12} {
			dates = append(dates, storyline.Month(y, m))
			for _, d := range []int{1, 2, 6, 7, 8, 9, 22, 28, 29, 30, 31} {
				dates = append(dates, storyline.Day(y, m, d))
			}
		}
	}
	arts := []*storyline.Article{nil, {}}
	for _, d := range dates {
		disputed := "the text says otherwise"
		arts = append(arts, &storyline.Article{Published: d}, &storyline.Article{Dating: storyline.Dating{Estimated: d}},
			&storyline.Article{Published: d, Dating: storyline.Dating{Disputed: disputed}},
			&storyline.Article{Published: d, Dating: storyline.Dating{Disputed: disputed, Estimated: d.Truncate(storyline.PrecisionMonth)}})
	}
	news := 0
	for _, art := range arts {
		it := &item{art: art, shown: shownOf(art)}
		for _, d := range dates {
			want := isNewsByTime(art, d)
			if got := isNews(it, d); got != want {
				t.Fatalf("isNews of %v in an article shown %+v = %v, want %v", d, it.shown.date, got, want)
			}
			if want {
				news++
			}
		}
	}
	if news == 0 || news == len(arts)*len(dates) {
		t.Fatalf("%d of %d pairs are news: the dates test little", news, len(arts)*len(dates))
	}
}
