package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// The page's date lines.
//
// A page says when it was published on a date line near its top (beside
// the headline, the byline, the outlet's name), now and then at its end.
// Cleaning notes the date of every date line it takes off the text, and
// of the date lines it leaves (a headline and a date on one line, a date at
// the end of a caption) among the first and last lines; the publication
// date is the best of them: a published date before an unlabelled one
// before an updated one, the first on the page among equals.

// topLines and bottomLines are how many lines at the top and the bottom of
// the text may hold the page's date, and maxDateLine how long a date line
// may be (a headline or a caption with the date at its end, not a
// paragraph of the story, which only a dateline may open).
const (
	topLines    = 12
	bottomLines = 3
	maxDateLine = 300
)

// pageDate is a date a date line of the page gives, with the offset of
// its line in the text before cleaning.
type pageDate struct {
	LineDate
	off int
	// dateline is true when the line opens with a dateline that gives the
	// date ("Prague, May 5 (AP) The bank ..."), not a date line.
	dateline bool
}

// noteDate notes the date of line l, if it is a date line or opens with a
// dated dateline.
func (d *doc) noteDate(l line) {
	var ld LineDate
	ok, dateline := false, false
	if len(l.s) <= maxDateLine {
		ld, ok = ReadDateLine(l.s)
	}
	if !ok {
		// "WASHINGTON, June 21. /TASS/." below the headline and lead.
		_, _, date, n := Dateline(l.s)
		if n == 0 || date.IsZero() {
			return
		}
		ld, ok, dateline = LineDate{Date: date, Kind: DateUnlabelled, End: n}, true, true
	}
	if ld.Whole && d.siteDate(l, ld) {
		return
	}
	c := pageDate{ld, l.off, dateline}
	if !d.hasBodyDate || c.Kind > d.bodyDate.Kind || c.Kind == d.bodyDate.Kind && c.off < d.bodyDate.off {
		d.bodyDate, d.hasBodyDate = c, true
	}
}

// scanDates notes the date lines left among the first and last lines of
// the cleaned text.
func (d *doc) scanDates() {
	n := 0
	for _, l := range d.lines {
		if l.s == "" {
			continue
		}
		if n++; n > topLines {
			break
		}
		d.noteDate(l)
	}
	n = 0
	for i := len(d.lines) - 1; i >= 0; i-- {
		if d.lines[i].s == "" {
			continue
		}
		if n++; n > bottomLines {
			break
		}
		d.noteDate(d.lines[i])
	}
}

// siteDate reports whether a line that is only a date gives the site's
// date rather than the article's, the day the page was visited: the first
// line of the page, over the site's name and motto ("June 20, 2021",
// "News Update", "Live News Feed", then the headline), or in the long
// form a site's calendar prints ("Friday, July 1, 2022": a weekday, month
// before day, no time of day; "Montag, 16. September 2013", "giovedì 15
// giugno 2023" in other languages) unless the URL gives the same month. A date
// without a weekday right over the headline ("May 29, 2019") is the
// story's, and so is a labelled one ("Posted", "Old" over a forum's first
// post): a calendar has no label.
func (d *doc) siteDate(l line, ld LineDate) bool {
	if ld.Kind == DatePublished {
		return false // "Old August 7th, 2003, 4:24pm #1" over a member's name and rank
	}
	first := -1
	for i, o := range d.orig {
		if o.s != "" {
			first = i
			break
		}
	}
	if first < 0 || d.orig[first].off != l.off {
		return false
	}
	// "May 29, 2019" alone over the headline is when the story was
	// published; a calendar names the weekday.
	if siteCalendarRe.MatchString(l.s) && weekdayStartRe.MatchString(l.s) || foreignCalendarRe.MatchString(l.s) {
		u, ok := URLDate(d.a.URL)
		if !ok || u.Year != ld.Date.Year || u.Precision >= storyline.PrecisionMonth && u.Month != ld.Date.Month {
			return true
		}
	}
	short := 0
	for _, o := range d.orig[first+1:] {
		if o.s == "" {
			continue
		}
		if !shortLine(o.s) {
			break
		}
		if short++; short == 2 {
			return true
		}
	}
	return false
}

// siteCalendarRe is the long date a site's calendar prints atop every
// page: "Friday, July 1, 2022", "June 20, 2021"; weekdayStartRe its
// weekday.
var (
	siteCalendarRe = regexp.MustCompile(`(?i)^(?:` + weekdayWd + `,?\s+)?` + monthRe + `\s+\d{1,2},\s+(?:19|20)\d{2}$`)
	weekdayStartRe = regexp.MustCompile(`(?i)^` + weekdayWd + `,?\s`)
)

// shortLine reports whether a line is a name or a motto, not a headline
// or a sentence: a few words with no full stop at the end and no date.
func shortLine(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return len(strings.Fields(s)) <= 5 && last != '.'
}

// PageDay returns the day the page of a cleaned article gives without a
// year, as a dateline ("WASHINGTON, June 21. /TASS/.", kept in the
// article's debris or standing below its headline) or a date line
// ("September 08, 23:10 UTC+3"): the month and day (Year 0) and the text
// that gives them. ok is false when the page gives none.
func PageDay(a *storyline.Article) (day storyline.Date, text string, ok bool) {
	for _, db := range a.Debris {
		if db.Rule != RuleDateline {
			continue
		}
		if _, _, d, n := Dateline(db.Text + " X"); n > 0 && !d.IsZero() && d.Year == 0 {
			return d, db.Text, true
		}
	}
	n := 0
	for l := range strings.SplitSeq(a.Text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if n++; n > topLines {
			break
		}
		if len(l) <= maxDateLine {
			if ld, ok := ReadDateLine(l); ok && ld.Date.Year == 0 {
				return ld.Date, l[ld.Start:ld.End], true
			}
		}
		if _, _, d, k := Dateline(l); k > 0 && !d.IsZero() && d.Year == 0 {
			return d, strings.TrimSpace(l[:k]), true
		}
	}
	return storyline.Date{}, "", false
}
