package clean

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/storyline/storyline"
)

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

const monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|` +
	`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var (
	weekdayRe = `(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?`
	// Whole-string date forms, for date lines.
	isoDateRe   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	euroDateRe  = regexp.MustCompile(`^(\d{1,2})[./](\d{1,2})[./](\d{4})$`)
	mdyDateRe   = regexp.MustCompile(`(?i)^` + weekdayRe + `(` + monthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
	dmyDateRe   = regexp.MustCompile(`(?i)^` + weekdayRe + `(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `),?\s+(\d{4})$`)
	mdDateRe    = regexp.MustCompile(`(?i)^(` + monthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?$`)
	dmDateRe    = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `)$`)
	urlDayRe    = regexp.MustCompile(`/((?:19|20)\d{2})[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)`)
	urlMonthRe  = regexp.MustCompile(`/((?:19|20)\d{2})/(0[1-9]|1[0-2])/`)
	datelineRe  = regexp.MustCompile(`^([A-Z][A-Z.'’ -]{1,40}[A-Z.])(?:,\s*([^\n–—]{1,45}?))?\s*(?:\(([^()]{2,40})\)\s*)?(?:[–—]|-{1,2}(?:\s|$)|\.\s*/([^/\s][^/]{0,20})/\.?)\s*`)
	outletAfter = regexp.MustCompile(`^([A-Z][\p{L}\d&'’-]*(?: [A-Z][\p{L}\d&'’-]*){0,3})\.\s+`)
)

// parseDateText reads a string that is only a date: 2021-03-17,
// 17.03.2021, March 17, 2021, Wednesday, 17 March 2021. Dates before 1900
// or after 2100 are not believed.
func parseDateText(s string) (storyline.Date, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ",|–-"))
	var y, m, d int
	switch {
	case isoDateRe.MatchString(s):
		p := isoDateRe.FindStringSubmatch(s)
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case euroDateRe.MatchString(s):
		p := euroDateRe.FindStringSubmatch(s)
		d, m, y = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case mdyDateRe.MatchString(s):
		p := mdyDateRe.FindStringSubmatch(s)
		m, d, y = monthNum(p[1]), atoi(p[2]), atoi(p[3])
	case dmyDateRe.MatchString(s):
		p := dmyDateRe.FindStringSubmatch(s)
		d, m, y = atoi(p[1]), monthNum(p[2]), atoi(p[3])
	default:
		return storyline.Date{}, false
	}
	return validDay(y, m, d)
}

// parseMonthDay reads "November 2" or "2 November" (no year).
func parseMonthDay(s string) (time.Month, int, bool) {
	s = strings.TrimSpace(s)
	if p := mdDateRe.FindStringSubmatch(s); p != nil {
		return time.Month(monthNum(p[1])), atoi(p[2]), true
	}
	if p := dmDateRe.FindStringSubmatch(s); p != nil {
		return time.Month(monthNum(p[2])), atoi(p[1]), true
	}
	return 0, 0, false
}

func validDay(y, m, d int) (storyline.Date, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return storyline.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return storyline.Date{}, false
	}
	return storyline.Day(y, time.Month(m), d), true
}

func monthNum(s string) int {
	return int(months[strings.TrimSuffix(strings.ToLower(s), ".")])
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// URLDate finds a publication date in a URL's path: /20211102/,
// /2021/06/21/, /2021-06-21-title, or a month alone as /2021/06/.
func URLDate(u string) (storyline.Date, bool) {
	pu, err := url.Parse(u)
	if err != nil {
		return storyline.Date{}, false
	}
	p := pu.Path
	if m := urlDayRe.FindStringSubmatch(p); m != nil {
		if d, ok := validDay(atoi(m[1]), atoi(m[2]), atoi(m[3])); ok {
			return d, true
		}
	}
	if m := urlMonthRe.FindStringSubmatch(p); m != nil {
		return storyline.Month(atoi(m[1]), time.Month(atoi(m[2]))), true
	}
	return storyline.Date{}, false
}

// Dateline reads a dateline at the start of a paragraph: "MOSCOW,
// November 2 – RIA Novosti.", "RUSIA, Radar Ampera –", "WASHINGTON
// (Reuters) -", "MOSCOW, March 17. /TASS/.". It returns the place, the
// outlet, the month and day (0 when it names none, the year too when it
// has one) and the length of the dateline in s; n is 0 when s has none.
func Dateline(s string) (place, outlet string, date storyline.Date, n int) {
	m := datelineRe.FindStringSubmatchIndex(s)
	if m == nil {
		return "", "", storyline.Date{}, 0
	}
	place = strings.TrimSpace(s[m[2]:m[3]])
	if len(strings.Fields(place)) > 4 || len([]rune(place)) < 2 {
		return "", "", storyline.Date{}, 0
	}
	var mid string
	if m[4] >= 0 {
		mid = strings.TrimSpace(strings.TrimRight(s[m[4]:m[5]], ". "))
	}
	if m[6] >= 0 {
		outlet = strings.TrimSpace(s[m[6]:m[7]])
	}
	if m[8] >= 0 {
		outlet = strings.TrimSpace(s[m[8]:m[9]])
	}
	n = m[1]
	if mid != "" {
		if d, ok := parseDateText(mid); ok {
			date = d
		} else if mo, day, ok := parseMonthDay(mid); ok {
			date = storyline.Date{Month: mo, Day: day, Precision: storyline.PrecisionDay}
		} else if outlet == "" && looksLikeOutlet(mid) {
			outlet = mid
		} else {
			return "", "", storyline.Date{}, 0
		}
	}
	// "– RIA Novosti." after the dash names the outlet.
	if outlet == "" {
		if om := outletAfter.FindStringSubmatch(s[n:]); om != nil && len(strings.Fields(om[1])) <= 3 && looksLikeOutlet(om[1]) && !date.IsZero() {
			outlet = om[1]
			n += len(om[0])
		}
	}
	if n >= len(strings.TrimSpace(s)) {
		return "", "", storyline.Date{}, 0 // a dateline leads into text
	}
	return place, outlet, date, n
}

// looksLikeOutlet reports whether s could name an outlet: one to four
// words, each capitalised or an acronym.
func looksLikeOutlet(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// dateline removes the dateline from the first paragraph and records the
// place, outlet and date it gives.
func (d *doc) dateline() {
	i := d.firstText()
	if i < 0 {
		return
	}
	l := &d.lines[i]
	place, outlet, date, n := Dateline(l.s)
	if n == 0 {
		return
	}
	d.debris = append(d.debris, storyline.Debris{Rule: RuleDateline, Text: strings.TrimSpace(l.s[:n]), Offset: l.off})
	l.s, l.off = l.s[n:], l.off+n
	d.a.Dateline, d.outlet, d.datelineDate = place, outlet, date
}

// publication sets the publication date, if the reader did not: from the
// URL, then the dateline (its year from the URL or header when it has
// none), then a date line of the body. Unknown stays unknown.
//
// A crawl date (when an archive captured the page) is a last resort: any
// date the page itself gives comes first.
func (d *doc) publication() {
	a := d.a
	var crawl storyline.Date
	if a.PublishedFrom == storyline.DateFromCrawl {
		crawl, a.Published, a.PublishedFrom = a.Published, storyline.Date{}, ""
	}
	defer func() {
		if a.Published.IsZero() && !crawl.IsZero() {
			a.Published, a.PublishedFrom = crawl, storyline.DateFromCrawl
		}
	}()
	urlDate, urlOK := URLDate(a.URL)
	if a.Published.IsZero() && urlOK {
		a.Published, a.PublishedFrom = urlDate, storyline.DateFromURL
	}
	if dd := d.datelineDate; !dd.IsZero() {
		year := dd.Year
		if year == 0 {
			switch {
			case !a.Published.IsZero():
				year = a.Published.Year
			case urlOK:
				year = urlDate.Year
			}
		}
		if a.Published.IsZero() && year != 0 {
			if day, ok := validDay(year, int(dd.Month), dd.Day); ok {
				a.Published, a.PublishedFrom = day, storyline.DateFromDateline
			}
		}
		// A more precise date in the dateline than the URL's month.
		if a.PublishedFrom == storyline.DateFromURL && a.Published.Precision < storyline.PrecisionDay && year == a.Published.Year {
			if day, ok := validDay(year, int(dd.Month), dd.Day); ok && a.Published.Contains(day) {
				a.Published, a.PublishedFrom = day, storyline.DateFromDateline
			}
		}
	}
	if a.Published.IsZero() && !d.bodyDate.IsZero() {
		a.Published, a.PublishedFrom = d.bodyDate, storyline.DateFromBody
	}
	if a.Published.IsZero() {
		a.PublishedFrom = ""
	}
}

// domain returns a URL's host without "www.", or "".
func domain(u string) string {
	if u == "" {
		return ""
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
}
