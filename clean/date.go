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

// urlMonthWords are the month names a URL's path may hold.
const urlMonthWords = `january|february|march|april|may|june|july|august|september|october|november|december|` +
	`jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`

const monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|` +
	`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

// fullWeekdayRe and fullMonthRe are the days of the week and the months
// written out in full, as pages' stamps print them ("Wednesday, 24
// August 2011").
const (
	fullWeekdayRe = `(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`
	fullMonthRe   = `(?:January|February|March|April|May|June|July|August|September|October|November|December)`
)

var (
	weekdayRe = `(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?`
	// Whole-string date forms, for date lines.
	isoDateRe  = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	euroDateRe = regexp.MustCompile(`^(\d{1,2})[./](\d{1,2})[./](\d{4})$`)
	mdyDateRe  = regexp.MustCompile(`(?i)^` + weekdayRe + `(` + monthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
	dmyDateRe  = regexp.MustCompile(`(?i)^` + weekdayRe + `(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `),?\s+(\d{4})$`)
	mdDateRe   = regexp.MustCompile(`(?i)^(` + monthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?$`)
	dmDateRe   = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `)$`)
	urlDayRe   = regexp.MustCompile(`/((?:19|20)\d{2})[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)`)
	// urlInnerDayRe is a day inside a path segment, its parts apart:
	// "/a-13-2005-08-09-voa33/", "/25868-2021-11-28-02-21-34.html".
	urlInnerDayRe = regexp.MustCompile(`[-_]((?:19|20)\d{2})([-_])(0[1-9]|1[0-2])[-_](0[1-9]|[12]\d|3[01])(?:[-_./]|$)`)
	// urlMillisRe is a time in milliseconds since 1970 in a path, as some
	// publishing systems write it: "/story-1.1612537871183".
	urlMillisRe = regexp.MustCompile(`[^\d](1\d{12})(?:[^\d]|$)`)
	// urlSecondsRe is a time in seconds since 1970 set off by dashes or
	// underscores in the last segment: "/quake-strikes-japan-1704115944-641".
	urlSecondsRe = regexp.MustCompile(`[-_](1[4-9]\d{8})(?:[-_.][^/]*)?$`)
	urlMonthRe   = regexp.MustCompile(`/((?:19|20)\d{2})/(0[1-9]|1[0-2])/`)
	// urlStampRe is a date and a time of day run together, perhaps with
	// seconds and more digits after them: "-201903122250/",
	// "/201903120057.html", "/20190507155411001843.html".
	urlStampRe = regexp.MustCompile(`[-_/]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d\d*(?:/|[-_.]|$)`)
	// urlSlashDayRe is a day or month of one digit between slashes:
	// "/2019/05/5/", "/2019/5/05/".
	urlSlashDayRe = regexp.MustCompile(`/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/`)
	// urlMonthNameDayRe and urlMonthNameRe are a month named in the path:
	// "/2019/mar/12/", "/2019/mar/", "-Mar2019/".
	urlMonthNameDayRe = regexp.MustCompile(`(?i)/((?:19|20)\d{2})/(` + urlMonthWords + `)/(0?[1-9]|[12]\d|3[01])/`)
	urlMonthNameRe    = regexp.MustCompile(`(?i)/((?:19|20)\d{2})/(` + urlMonthWords + `)/|[-_/](` + urlMonthWords + `)((?:19|20)\d{2})(?:/|[-_.]|$)`)
	datelineRe        = regexp.MustCompile(`^([A-Z][A-Z.'’ -]{1,40}[A-Z.])(?:,\s*([^\n–—]{1,45}?))?\s*(?:\(([^()]{2,40})\)\s*)?(?:[–—]|-{1,2}(?:\s|$)|\.\s*/([^/\s][^/]{0,20})/\.?)\s*`)
	// datelineDatedRe is a dateline whose place is not in capitals, or
	// that ends without a dash, told by the date and the agency in
	// brackets it holds: "Prague, May 5 (AP)", "Addis Ababa, June 16,
	// 2021 (FBC) –", "MOSCOW (UrduPoint News / Sputnik - 30th July, 2021)".
	datelineDatedRe = regexp.MustCompile(`^([A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){0,2})(?:,\s*([^\n()–—]{3,30}?))?\s*\(([^()\n]{2,60})\)\s*(?:[–—:]\s*|-{1,2}\s+)?`)
	outletAfter     = regexp.MustCompile(`^([A-Z][\p{L}\d&'’-]*(?: [A-Z][\p{L}\d&'’-]*){0,3})\.\s+`)
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
// /2021/06/21/, /2019/05/5/, /2019/mar/12/, /2021-06-21-title, -2005-08-09-
// inside a segment, a day written first (-23022023-: see urlDayFirst), a
// date and time run together (-201903122250/,
// /201903120057.html, /20190507155411001843.html), a month alone as
// /2021/06/, /2019/mar/ or -Mar2019/, or a time since 1970: in
// milliseconds (thirteen digits, 2000 to 2035), or in seconds set off by
// dashes at the end of the path (ten digits, 2015 to 2035). The URL of an
// archive's copy gives the date of the original's (see OriginalURL), never
// the capture's.
func URLDate(u string) (storyline.Date, bool) {
	u = pageURL(u)
	if u == "" {
		return storyline.Date{}, false
	}
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
	for _, re := range []*regexp.Regexp{urlStampRe, urlSlashDayRe, urlMonthNameDayRe} {
		if m := re.FindStringSubmatch(p); m != nil {
			mo := atoi(m[2])
			if mo == 0 {
				mo = monthNum(m[2])
			}
			if d, ok := validDay(atoi(m[1]), mo, atoi(m[3])); ok {
				return d, true
			}
		}
	}
	if m := urlInnerDayRe.FindStringSubmatch(p); m != nil {
		if d, ok := validDay(atoi(m[1]), atoi(m[3]), atoi(m[4])); ok {
			return d, true
		}
	}
	if d, ambiguous, ok := urlDayFirst(u); ok && !ambiguous {
		return d, true
	}
	if m := urlMonthRe.FindStringSubmatch(p); m != nil {
		return storyline.Month(atoi(m[1]), time.Month(atoi(m[2]))), true
	}
	if m := urlMonthNameRe.FindStringSubmatch(p); m != nil {
		y, mo := atoi(m[1]), monthNum(m[2])
		if y == 0 {
			y, mo = atoi(m[4]), monthNum(m[3])
		}
		if mo > 0 {
			return storyline.Month(y, time.Month(mo)), true
		}
	}
	if m := urlMillisRe.FindStringSubmatch(p); m != nil {
		ms, _ := strconv.ParseInt(m[1], 10, 64)
		t := time.UnixMilli(ms).UTC()
		if t.Year() >= 2000 && t.Year() <= 2035 {
			return storyline.DateOf(t), true
		}
	}
	if m := urlSecondsRe.FindStringSubmatch(p); m != nil {
		secs, _ := strconv.ParseInt(m[1], 10, 64)
		if t := time.Unix(secs, 0).UTC(); t.Year() >= 2015 && t.Year() <= 2035 {
			return storyline.DateOf(t), true
		}
	}
	return storyline.Date{}, false
}

// Dateline reads a dateline at the start of a paragraph: "MOSCOW,
// November 2 – RIA Novosti.", "RUSIA, Radar Ampera –", "WASHINGTON
// (Reuters) -", "MOSCOW, March 17. /TASS/.". It returns the place, the
// outlet, the month and day (0 when it names none, the year too when it
// has one) and the length of the dateline in s; n is 0 when s has none.
func Dateline(s string) (place, outlet string, date storyline.Date, n int) {
	var m []int
	if mayOpenDateline(s) {
		m = datelineRe.FindStringSubmatchIndex(s)
	}
	if m == nil {
		return datedDateline(s)
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
		} else if outlet != "" && looksLikeOutlet(mid) && len(strings.Fields(mid)) <= 3 {
			place += ", " + mid // "PENSACOLA BEACH, Florida (Reuters) -": the state after the town
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

// datedDateline reads a dateline that datelineRe does not: one with a
// date and an agency in brackets, whatever the case of its place.
// mayOpenDateline is a quick test that datelineRe may match s: its place
// opens with a capital and a capital, a full stop, an apostrophe, a hyphen
// or a space ("’" starts with the byte 0xE2), as "MOSCOW" does and "The"
// does not.
func mayOpenDateline(s string) bool {
	return len(s) >= 2 && 'A' <= s[0] && s[0] <= 'Z' && ('A' <= s[1] && s[1] <= 'Z' || strings.IndexByte(".'- \xe2", s[1]) >= 0)
}

func datedDateline(s string) (place, outlet string, date storyline.Date, n int) {
	if i := strings.IndexByte(s, '('); i < 0 || i > 80 || strings.IndexAny(s[:min(len(s), 140)], "0123456789") < 0 {
		return "", "", storyline.Date{}, 0 // no agency in brackets, or no date, near the start
	}
	m := datelineDatedRe.FindStringSubmatchIndex(s)
	if m == nil || m[1] >= len(strings.TrimSpace(s)) {
		return "", "", storyline.Date{}, 0
	}
	place, paren := s[m[2]:m[3]], s[m[6]:m[7]]
	var mid string
	if m[4] >= 0 {
		mid = strings.TrimSpace(strings.TrimRight(s[m[4]:m[5]], ". "))
	}
	switch {
	case mid != "":
		// "Prague, May 5 (AP)": the date before the agency.
		if d, ok := parseDateText(mid); ok {
			date = d
		} else if mo, day, ok := parseMonthDay(mid); ok {
			date = storyline.Date{Month: mo, Day: day, Precision: storyline.PrecisionDay}
		} else {
			return "", "", storyline.Date{}, 0
		}
		outlet = strings.TrimSpace(paren)
		if !looksLikeOutlet(outlet) {
			return "", "", storyline.Date{}, 0
		}
	default:
		// "MOSCOW (UrduPoint News / Sputnik - 30th July, 2021)": the
		// date inside the brackets, after the outlets.
		ld, ok := ReadDateLine(paren)
		if !ok || ld.Date.Year == 0 || !ld.Whole {
			return "", "", storyline.Date{}, 0
		}
		date = ld.Date
		for name := range strings.FieldsFuncSeq(paren[:ld.Start], func(r rune) bool { return strings.ContainsRune("/|-–—", r) }) {
			if name = strings.TrimSpace(name); name != "" {
				outlet = name
			}
		}
	}
	return place, outlet, date, m[1]
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
	d.datelineCut, d.hasDatelineCut = l.off, true
	d.a.Dateline, d.outlet, d.datelineDate = place, outlet, date
}

// publication sets the publication date, if the reader did not: from the
// URL, then the dateline (its year from the URL or header when it has
// none), then a date line of the body. Unknown stays unknown.
//
// A folder named by a day in the input's path (FolderDate), then a crawl
// date (when an archive captured the page), are last resorts: any date the
// page itself gives comes first, and a folder's day after the crawl date
// is not taken.
func (d *doc) publication() {
	a := d.a
	var crawl, updated storyline.Date
	switch a.PublishedFrom {
	case storyline.DateFromCrawl:
		crawl, a.Published, a.PublishedFrom = a.Published, storyline.Date{}, ""
	case storyline.DateFromFeedUpdated:
		updated, a.Published, a.PublishedFrom = a.Published, storyline.Date{}, ""
	}
	defer func() {
		if a.Published.IsZero() && d.hasBodyDate && d.bodyDate.Kind == DateUpdated && d.bodyDate.Date.Year != 0 {
			updated = d.bodyDate.Date // the page's own line comes first
		}
		if a.Published.IsZero() && updated.Year != 0 {
			// Only when it was last updated: not its publication date,
			// but an estimate that says what it rests on.
			a.Dating = UpdatedEstimate(updated)
			return
		}
		if a.Published.IsZero() {
			// A page cannot appear after an archive captured it: a
			// folder named by a later day (the day a collection of
			// crawls was filed, say) is no publication date.
			// Nor is a day after the article was read (IngestedAt, when
			// the caller set it): a folder named for a day to come.
			if day, ok := FolderDate(a.Origin); ok && (crawl.IsZero() || !crawl.End().Before(day.End())) &&
				(a.IngestedAt.IsZero() || !day.Time().After(a.IngestedAt)) {
				a.Published, a.PublishedFrom = day, storyline.DateFromFolder
			}
		}
		if a.Published.IsZero() && !crawl.IsZero() {
			a.Published, a.PublishedFrom = crawl, storyline.DateFromCrawl
		}
	}()
	// refinable reports whether the date so far is a month or a year the
	// URL, the crawler's header or a dateline gave, which a day within
	// it on the page makes precise.
	refinable := func() bool {
		switch a.PublishedFrom {
		case storyline.DateFromURL, storyline.DateFromDateline, storyline.DateFromHeader:
			return a.Published.Precision < storyline.PrecisionDay
		}
		return false
	}
	if (d.hasBodyDate || !d.datelineDate.IsZero()) && ListingURL(a.URL) {
		// A search, tag or archive page: its date lines are its items'.
		d.note("the page is a listing (its URL): the dates on it are its items', not its own")
		d.hasBodyDate, d.datelineDate = false, storyline.Date{}
	}
	urlDate, urlOK := URLDate(a.URL)
	if !urlOK && a.Language != "" && a.Language != "en" {
		// the URL is parsed again only where an ambiguous day may count
		if day, ambiguous, ok := urlDayFirst(a.URL); ok && ambiguous {
			urlDate, urlOK = day, true // "-03022022-" on a page in French: 3 February
		}
	}
	switch {
	case !urlOK:
	case a.Published.IsZero() || refinable() && urlDate.Precision > a.Published.Precision && a.Published.Contains(urlDate):
		a.Published, a.PublishedFrom = urlDate, storyline.DateFromURL
	case headerMonthContradicted(a, urlDate):
		d.note("the crawler's header gives " + a.Published.String() + ", which does not hold the day the URL gives, " +
			urlDate.String() + ": the URL's day is taken")
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
			default:
				year = yearFromText(d.text(), dd.Month, dd.Day)
			}
		}
		if a.Published.IsZero() && year != 0 {
			if day, ok := validDay(year, int(dd.Month), dd.Day); ok {
				a.Published, a.PublishedFrom = day, storyline.DateFromDateline
			}
		}
		// A more precise date in the dateline than the URL's month.
		if refinable() && year == a.Published.Year {
			if day, ok := validDay(year, int(dd.Month), dd.Day); ok && a.Published.Contains(day) {
				a.Published, a.PublishedFrom = day, storyline.DateFromDateline
			}
		}
	}
	// A page that gives only when it was updated does not say when it
	// was published: that date is no publication date.
	if d.hasBodyDate && d.bodyDate.Kind != DateUpdated {
		body := d.bodyDate.Date
		if body.Year == 0 {
			// A date line without a year ("February 26, 23:46"): the
			// year of the date found so far, or of the URL; a dateline
			// below the first paragraph ("Prague, May 5 (AP) The bank
			// ..."), failing those, the year of the text's dates, as
			// for one that opens the story.
			year := a.Published.Year
			if year == 0 && urlOK {
				year = urlDate.Year
			}
			if year == 0 && d.bodyDate.dateline {
				year = yearFromText(d.text(), body.Month, body.Day)
			}
			body, _ = validDay(year, int(body.Month), body.Day)
		}
		switch {
		case body.IsZero():
		case a.Published.IsZero():
			a.Published, a.PublishedFrom = body, storyline.DateFromBody
		case refinable() && a.Published.Contains(body):
			// A day on the page within the URL's or header's month.
			a.Published, a.PublishedFrom = body, storyline.DateFromBody
		}
	}
	if a.Published.IsZero() {
		a.PublishedFrom = ""
	}
}

// headerMonthContradicted reports whether the crawler's header gives only
// a month or a year (" date 2022-10") and the URL a day outside it
// (".../2020-10-08-slug"): the publisher wrote the URL's day when it
// published the page, the crawler guessed the header's month, so the
// URL's day is taken (and the disagreement noted). A header's day is the
// crawler's record of that day and beats the URL's; a URL's month does
// not overrule a header's month.
func headerMonthContradicted(a *storyline.Article, url storyline.Date) bool {
	return a.PublishedFrom == storyline.DateFromHeader && a.Published.Precision < storyline.PrecisionDay &&
		url.Precision == storyline.PrecisionDay && !a.Published.Contains(url)
}

// updatedNote opens the note of an estimate from the day a page was last
// updated (UpdatedEstimate).
const updatedNote = "the page gives no publication date, only the day it was last updated, "

// UpdatedEstimate is the estimate of a page that gives only the day it was
// last updated: published on or before it, most likely on it, shown as an
// estimate (never as its publication date) and no anchor for "on Monday"
// or the present tense, as its first day is unknown.
func UpdatedEstimate(updated storyline.Date) storyline.Dating {
	return storyline.Dating{Estimated: updated, EstimatedLatest: updated, EstimatedConfidence: 0.5,
		EstimatedFrom: updatedNote + updated.String() + ": published on or before it"}
}

// IsUpdatedEstimate reports whether an article's estimate is the day its
// page was last updated (UpdatedEstimate), which an estimate from its text
// may replace.
func IsUpdatedEstimate(d storyline.Dating) bool {
	return strings.HasPrefix(d.EstimatedFrom, updatedNote)
}

// yearFromText finds the year of a day the page names without one (a
// dateline's "May 5") from the dates the text gives with theirs: the year
// that puts the day on or after the latest of them and at most 45 days
// after it, as a report follows what it reports; 0 when there is none.
func yearFromText(text string, month time.Month, day int) int {
	var latest storyline.Date
	note := func(d storyline.Date, ok bool) {
		if ok && d.Compare(latest) > 0 {
			latest = d
		}
	}
	for _, re := range lineDateRes[:3] {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			var y, mo, dd int
			for i, name := range re.SubexpNames() {
				switch name {
				case "y":
					y = atoi(m[i])
				case "m":
					if mo = monthNum(m[i]); mo == 0 {
						mo = atoi(m[i])
					}
				case "d":
					dd = atoi(m[i])
				}
			}
			note(validDay(y, mo, dd))
		}
	}
	for _, m := range monthYearRe.FindAllStringSubmatch(text, -1) {
		if mo, y := monthNum(m[1]), atoi(m[2]); mo > 0 {
			note(storyline.Month(y, time.Month(mo)), true)
		}
	}
	if latest.IsZero() {
		return 0
	}
	for _, y := range []int{latest.Year, latest.Year + 1} {
		d, ok := validDay(y, int(month), day)
		if !ok || d.Time().Before(latest.Time()) {
			continue
		}
		if d.Time().Sub(latest.End()) <= 45*24*time.Hour {
			return y
		}
		return 0
	}
	return 0
}

// monthYearRe is a month and a year: "April 2022".
var monthYearRe = regexp.MustCompile(`(?i)\b(` + monthRe + `),?\s+((?:19|20)\d{2})\b`)

// domain returns a URL's host without "www.", or "": the original's host
// for an archive's copy.
func domain(u string) string {
	if u == "" {
		return ""
	}
	pu, err := url.Parse(pageURL(u))
	if err != nil || pu.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
}
