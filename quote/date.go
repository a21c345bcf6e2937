package quote

import (
	"strings"

	"github.com/storyline/storyline"
)

// Date fills each quote's Date: the date of a DATE time expression in the
// sentence of its cue, outside the quote's content ("Biden said in an
// interview that aired Thursday"), else published, the article's date.
// timexes are the article's time expressions (timex.Tag), by position.
func Date(text string, quotes []storyline.Quote, timexes []storyline.Timex, published storyline.Date) {
	for i := range quotes {
		q := &quotes[i]
		q.Date = published
		if q.CueEnd <= q.CueStart {
			continue
		}
		from, to := sentenceAround(text, q.CueStart, q.CueEnd)
		best, dist := storyline.Date{}, -1
		for _, t := range timexes {
			if t.Type != "DATE" || t.Start < from || t.End > to || (t.Start < q.End && t.End > q.Start) {
				continue
			}
			d, ok := timexDate(t.Value)
			if !ok {
				continue
			}
			dd := t.Start - q.CueEnd
			if dd < 0 {
				dd = q.CueStart - t.End
			}
			if dist < 0 || dd < dist {
				best, dist = d, dd
			}
		}
		if dist >= 0 {
			q.Date = best
		}
	}
}

// timexDate reads the calendar part of a TIMEX3 value: 2021-03-18,
// 2021-03 or 2021 (a longer value such as 2021-03-18T10:00 is cut to the
// day); other values (PRESENT_REF, 2021-W11, XXXX-...) are not dates.
func timexDate(v string) (storyline.Date, bool) {
	if len(v) > 10 && v[10] == 'T' {
		v = v[:10]
	}
	d, err := storyline.ParseDate(v)
	return d, err == nil && !d.IsZero()
}

// sentenceAround returns the byte span of the sentence around [start,
// end): back to the previous line break or ". ", on to the next.
func sentenceAround(text string, start, end int) (int, int) {
	from := 0
	if i := strings.LastIndexAny(text[:start], "\n"); i >= 0 {
		from = i + 1
	}
	if i := strings.LastIndex(text[from:start], ". "); i >= 0 {
		from += i + 2
	}
	to := len(text)
	if i := strings.IndexAny(text[end:], "\n"); i >= 0 {
		to = end + i
	}
	if i := strings.Index(text[end:to], ". "); i >= 0 {
		to = end + i + 1
	}
	return from, to
}
