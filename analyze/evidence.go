package analyze

import (
	"fmt"
	"strings"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/timex"
)

// What a text says of when it was written.
//
// An article that gives no publication date (or one its text contradicts)
// still tells a good deal about when it was written: the happenings it
// reports in the past tense with their dates happened before it was
// written ("was sworn in on January 20, 2021"), those it announces with
// theirs lie ahead ("the vote will be held on March 17, 2024"), a weekday
// named with a day of the month ("on Sunday (March 21)") falls on that
// weekday only in some years (2021, 2027, ...), and the page may give its
// day without a year (a dateline "WASHINGTON, June 21"). These are the
// evidence; an estimate is what they pin down, and nothing where they pin
// nothing.

// dated is a date the text gives with its year.
type dated struct {
	date  storyline.Date // a day, a month or a year
	tense int            // -1 past, +1 future, 0 present or unknown
	text  string
	start int // where text is in the article
	// reported is true when a verb in the past tense governs the date
	// right before it: "met in Geneva on June 16, 2021".
	reported bool
	// deadline is true when the date bounds something: "by", "until",
	// "before", "ahead of", "due", "scheduled for" right before it.
	deadline bool
}

// yearless is a day of a month the text gives without a year, perhaps
// with its weekday ("Monday, March 22").
type yearless struct {
	month   time.Month
	day     int
	weekday time.Weekday
	named   bool // the weekday is named
	tense   int
	text    string
	start   int
	// reported, as for dated.
	reported bool
}

// evidence is what the text says of its own date.
type evidence struct {
	dated    []dated
	yearless []yearless
	// maxYear is the latest year the text names in a date, whatever its
	// tense (0 when it names none).
	maxYear int
	// pastWeekdays are the weekdays it names alone in the past tense
	// ("said on Wednesday"), as they point to the week it was written in.
	pastWeekdays []time.Weekday
	// today is true when it speaks of "today", "tonight", "this
	// morning": of the day it was written.
	today bool
	// pageDay is the day its page gives without a year, if any.
	pageDay *yearless
	// roles returns the first and last year the roles it names were
	// held, as the store's dated articles tell (with a year of slack);
	// zero when unknown. It is asked only when candidates need it, as it
	// reads the store; nil is none.
	roles func() [2]int
	// text and title are the article's, read for spans of years when
	// they matter (looksBackOn).
	text, title string
}

// byRoles narrows several candidate days to the one whose year the roles
// the text names were held in, as far as the store knows. The store only
// samples a tenure, so a year outside it is no evidence against a day:
// the candidates stay as they are unless exactly one falls within.
func (ev evidence) byRoles(days []storyline.Date) []storyline.Date {
	if len(days) < 2 || ev.roles == nil {
		return days
	}
	span := ev.roles()
	if span == [2]int{} {
		return days
	}
	var in []storyline.Date
	for _, d := range days {
		if d.Year >= span[0] && d.Year <= span[1] {
			in = append(in, d)
		}
	}
	if len(in) == 1 {
		return in
	}
	return days
}

// mayPlacePageDay reports whether estimate may place a day the page gives
// without its year: only after a bound of a month or a day (placePageDay),
// which comes from a date with its year in the past tense or a day of a
// month named with its weekday. Without either, the page's day is not
// read (clean.PageDay reads the top lines of the text).
func (ev evidence) mayPlacePageDay() bool {
	for _, d := range ev.dated {
		if d.tense < 0 && d.date.Precision >= storyline.PrecisionMonth {
			return true
		}
	}
	for _, y := range ev.yearless {
		if y.named && y.tense <= 0 {
			return true
		}
	}
	return false
}

// readEvidence reads the evidence of a text from its time expressions,
// tagged with or without a creation time: the expressions with a year do
// not depend on it, and the others are read from their text.
func readEvidence(text string, timexes []storyline.Timex) evidence {
	ev := evidence{text: text}
	for i, tx := range timexes {
		if tx.Type != "DATE" && tx.Type != "TIME" || copyright(text, tx.Start) {
			continue
		}
		tense := 0
		switch tx.Tense {
		case "past":
			tense = -1
		case "future":
			tense = 1
		}
		switch {
		case tx.Anchor == "" && isAbsolute(tx.Value):
			d, ok := timex.DateOf(tx.Value)
			if !ok || d.Year < 1900 {
				continue
			}
			// A bare year is a weak lower bound only in the past tense;
			// named as a noun's attribute ("the 2020 election") it says
			// little, so it counts toward maxYear only.
			ev.dated = append(ev.dated, dated{date: d, tense: tense, text: tx.Text, start: tx.Start,
				reported: reportedAt(text, tx.Start), deadline: deadlineAt(text, tx.Start)})
			ev.maxYear = max(ev.maxYear, d.Year)
		case len(tx.Value) >= len("XXXX-03-21") && (strings.HasPrefix(tx.Value, "XXXX-") || tx.Anchor != "" && isAbsolute(tx.Value)) &&
			strings.ContainsAny(tx.Text, "0123456789"):
			// A day of a month without a year: left open without a
			// creation time, or given the year nearest it.
			mo, day, ok := monthDay("XXXX" + tx.Value[4:10])
			if !ok {
				continue
			}
			y := yearless{month: mo, day: day, tense: tense, text: tx.Text, start: tx.Start, reported: reportedAt(text, tx.Start)}
			if wd, ok := weekdayIn(tx.Text); ok {
				y.weekday, y.named = wd, true
			} else if wd, ok := weekdayBefore(text, timexes, i); ok {
				// "Sunday (March 21)": the weekday just before.
				y.weekday, y.named = wd, true
			}
			ev.yearless = append(ev.yearless, y)
		case tx.Tense == "past":
			if wd, ok := weekdayOf(tx.Value); ok {
				ev.pastWeekdays = append(ev.pastWeekdays, wd)
			}
		}
		if isToday(tx) {
			ev.today = true
		}
	}
	return ev
}

// reportedAt reports whether the date at start is that of a happening a
// verb in the past tense reports: "on", "in" or "at" before it, and before
// that, within four words, a verb in the past tense ("met in Geneva on",
// "arrived on", "was held in"), not one of plans ("scheduled", "expected",
// "due") nor of saying ("said on" dates the saying, which may well be
// later than the page date when the page updates its story).
func reportedAt(text string, start int) bool {
	var buf [5]string
	words := nlp.LastFields(strings.ToLower(text[max(0, start-60):start]), buf[:])
	if len(words) < 2 {
		return false
	}
	switch strings.Trim(words[len(words)-1], ",(") {
	case "on", "in", "at":
	default:
		return false
	}
	words = words[:len(words)-1]
	for i := len(words) - 1; i >= 0 && i >= len(words)-4; i-- {
		w := strings.Trim(words[i], ",.;:()\"“”'")
		switch {
		case planWords[w]:
			return false
		case pastVerbs[w], len(w) > 4 && strings.HasSuffix(w, "ed"):
			return true
		}
	}
	return false
}

// deadlineAt reports whether the date at start bounds something: "by",
// "until", "before", "ahead of", "due", "scheduled for", "no later than"
// right before it.
func deadlineAt(text string, start int) bool {
	before := strings.ToLower(text[max(0, start-24):start])
	var buf [1]string
	words := nlp.LastFields(before, buf[:])
	if len(words) == 0 {
		return false
	}
	last := strings.Trim(words[len(words)-1], ",(")
	switch last {
	case "by", "until", "till", "before", "through", "due", "deadline", "expires", "expire":
		return true
	}
	return strings.HasSuffix(before, "ahead of ") || strings.HasSuffix(before, "for ") && strings.Contains(before, "scheduled") ||
		strings.HasSuffix(before, "later than ")
}

// pastVerbs are common irregular verbs in the past tense that report a
// happening; planWords are the past forms that speak of plans or sayings.
var (
	pastVerbs = set(`was were met held took came went left began won lost fell rose struck hit died shot
		sent made gave got flew drove ran sat stood spoke broke brought bought caught fought led met paid set sold
		told thought wrote chose froze grew knew saw swore threw understood withdrew`)
	planWords = set(`scheduled expected planned slated due proposed set said announced reported noted added stated
		warned claimed denied confirmed called urged asked agreed decided`)
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// copyright reports whether the expression at start is a copyright's
// year ("© 2024, Privacy Policy"), the year of the page's template, not of
// the article.
func copyright(text string, start int) bool {
	before := strings.ToLower(text[max(0, start-16):start])
	return strings.Contains(before, "©") || strings.Contains(before, "(c)") || strings.Contains(before, "copyright")
}

// isAbsolute reports whether a TIMEX3 value is a calendar date with its
// year: 2021, 2021-03, 2021-03-17, perhaps with a time of day.
func isAbsolute(v string) bool {
	if len(v) < 4 {
		return false
	}
	for _, c := range v[:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	switch {
	case len(v) == 4:
		return true
	case len(v) == 7, len(v) == 10:
		return v[4] == '-'
	case len(v) > 10:
		return v[4] == '-' && v[10] == 'T'
	}
	return false
}

// monthDay reads XXXX-MM-DD.
func monthDay(v string) (time.Month, int, bool) {
	var mo, d int
	if _, err := fmt.Sscanf(v, "XXXX-%02d-%02d", &mo, &d); err != nil || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return 0, 0, false
	}
	return time.Month(mo), d, true
}

var weekdayNames = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

// weekdayIn finds a weekday named in an expression ("Monday, March 22").
func weekdayIn(s string) (time.Weekday, bool) {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if wd, ok := weekdayNames[w]; ok {
			return wd, true
		}
	}
	return 0, false
}

// weekdayBefore finds a weekday expression right before expression i,
// with at most brackets and punctuation between: "Sunday (March 21)".
func weekdayBefore(text string, timexes []storyline.Timex, i int) (time.Weekday, bool) {
	if i == 0 {
		return 0, false
	}
	prev, cur := timexes[i-1], timexes[i]
	if prev.End > cur.Start || cur.Start-prev.End > 3 || strings.TrimLeft(text[prev.End:cur.Start], " ,(") != "" {
		return 0, false
	}
	return weekdayIn(prev.Text)
}

// isToday reports whether an expression names the day of writing:
// "today", "tonight", "this morning".
func isToday(tx storyline.Timex) bool {
	low := strings.ToLower(tx.Text)
	for _, w := range []string{"today", "tonight", "this morning", "this afternoon", "this evening"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// pastBound is the latest date the text reports in the past tense, the
// day it was written on or after; zero when there is none.
func (ev evidence) pastBound() dated {
	var best dated
	for _, d := range ev.dated {
		if d.tense < 0 && (best.date.IsZero() || d.date.Time().After(best.date.Time())) {
			best = d
		}
	}
	return best
}

// futureBound is the earliest day or month the text announces with its
// year, which it was written before (or in, for a month); zero when there
// is none.
func (ev evidence) futureBound() dated {
	var best dated
	for _, d := range ev.dated {
		if d.tense > 0 && d.date.Precision >= storyline.PrecisionMonth && (best.date.IsZero() || d.date.End().Before(best.date.End())) {
			best = d
		}
	}
	return best
}

// years returns the years in which a day of a month falls on the weekday
// named with it, from first to last.
func (y yearless) years(first, last int) []int {
	var out []int
	for yr := first; yr <= last; yr++ {
		t := time.Date(yr, y.month, y.day, 0, 0, 0, 0, time.UTC)
		if t.Day() != y.day {
			continue // February 29 of a common year
		}
		if !y.named || t.Weekday() == y.weekday {
			out = append(out, yr)
		}
	}
	return out
}

// recentDays is how far back news reports a day without its year.
const recentDays = 92

// near reports whether the day of a month falls between from and to in
// some year.
func (y yearless) near(from, to time.Time) bool {
	for yr := from.Year(); yr <= to.Year(); yr++ {
		if d, ok := y.in(yr); ok && !d.Time().Before(from) && !d.Time().After(to) {
			return true
		}
	}
	return false
}

// in returns the day of a month in a year, or false when it does not exist.
func (y yearless) in(year int) (storyline.Date, bool) {
	t := time.Date(year, y.month, y.day, 0, 0, 0, 0, time.UTC)
	if t.Day() != y.day {
		return storyline.Date{}, false
	}
	return storyline.DateOf(t), true
}
