package clean

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/swar"
)

// Date lines.
//
// A date line is a line of a page, or a piece of one between separators
// ("|", "·", "»", " / ", " - "), that says when the page was published or
// updated: "Oct 6, 2024 - 10:04", "19 December 2022, 12:08 am", "2024-03-11
// | 03:10", "( Wed, 30th Aug, 2023) London, UK", "Published: Feb. 4, 2023
// at 3:48 PM EST|Updated: 2 hours ago", "Old 09-01-2017, 08:12 PM". Beside
// the date it may hold a time and time zone, a label (published, updated,
// posted, created), a weekday, a byline or an outlet's name, "5 min read"
// or "2 hours ago", but no words of a sentence: "March 17, 2021 was the day
// of the recall" is no date line.

// DateKind says what the date of a date line is.
type DateKind uint8

// Date kinds, from the least to the most wanted for a publication date.
const (
	DateUpdated    DateKind = iota // "Updated", "Last modified"
	DateUnlabelled                 // a date with no label
	DatePublished                  // "Published", "Posted", "Created", a forum post's time
)

// LineDate is the date a date line gives.
type LineDate struct {
	// Date is a day; its Year is 0 when the line names none ("February
	// 26, 23:46 UTC+3").
	Date storyline.Date
	Kind DateKind
	// Start and End span the date in the line.
	Start, End int
	// Whole is true when the whole line is a date line: each of its
	// pieces is the date, a label, a time or a name, none a sentence or a
	// headline, so that the line can be taken off the text.
	Whole bool
}

const (
	ordinal   = `(?:st|nd|rd|th)?`
	weekdayWd = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?`
)

// The date shapes of date lines, each one regexp with named groups y, m
// (a month name or number) and d.
var lineDateRes = []*regexp.Regexp{
	// Oct 6, 2024; Oct. 24, 2011; June 20 2021; Mar 28, 2018
	regexp.MustCompile(`(?i)\b(?P<m>` + monthRe + `)\s+(?P<d>\d{1,2})` + ordinal + `,?\s+(?P<y>(?:19|20)\d{2})\b`),
	// 19 December 2022; 16th June 2021; 30th Aug, 2023; 6 of May 2021
	regexp.MustCompile(`(?i)\b(?P<d>\d{1,2})` + ordinal + `\s+(?:of\s+)?(?P<m>` + monthRe + `),?\s+(?P<y>(?:19|20)\d{2})\b`),
	// 2024-03-11, 2024/03/11, 2024.03.11, 2022-04-26T07:59
	regexp.MustCompile(`(?:^|[^\d])(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:$|[^\d])`),
	// 06.10.2024, 16/06/2021, 09-01-2017: day and month in either order
	regexp.MustCompile(`(?:^|[^\d.:/-])(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})[./-](?P<y>(?:19|20)\d{2})(?:$|[^\d])`),
	// 15 giugno 2023; 16. September 2013; 6 de Dezembro de 2006
	foreignDateRe,
	// Without a year: February 26; 16 november
	regexp.MustCompile(`(?i)\b(?P<m>` + monthRe + `)\s+(?P<d>\d{1,2})` + ordinal + `\b`),
	regexp.MustCompile(`(?i)\b(?P<d>\d{1,2})` + ordinal + `\s+(?:of\s+)?(?P<m>` + monthRe + `)`),
}

// yearlessShapes is the index in lineDateRes of the first shape without a
// year.
const yearlessShapes = 5

// shortYearRe is a weekday and a date with the year in two digits, month
// first, as a site's calendar prints the day of the visit: "Saturday
// 9/25/21". Only with the weekday is "9/25/21" read as a date.
var shortYearRe = regexp.MustCompile(`(?i)^(?:` + weekdayWd + `),?\s+(\d{1,2})/(\d{1,2})/(\d{2})$`)

// millisLine reads a line that is only a time in milliseconds since 1970,
// as some publishing systems print it under the byline ("1552270705000"):
// thirteen digits, a day from 2000 to 2035 (in UTC).
func millisLine(s string) (storyline.Date, bool) {
	if len(s) != 13 || s[0] != '1' && s[0] != '2' {
		return storyline.Date{}, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return storyline.Date{}, false
		}
	}
	ms, _ := strconv.ParseInt(s, 10, 64)
	t := time.UnixMilli(ms).UTC()
	if t.Year() < 2000 || t.Year() > 2035 {
		return storyline.Date{}, false
	}
	return storyline.DateOf(t), true
}

var (
	// lineSeps split a line into the pieces a date line may be one of.
	lineSeps = regexp.MustCompile(`\s*(?:[|·•»«]|\s/\s|\s[-–—]\s|[.!?]\s+(?:[A-Z]|$))\s*`)
	// timeRe is a clock time, with its zone.
	timeRe = regexp.MustCompile(`(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*\(?(?:` + zoneWords + `)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?|\b\d{1,2}\s*[ap]\.?m\b\.?`)
	// agoRe is a relative age: "7 minutes ago", "2h ago".
	agoRe = regexp.MustCompile(`(?i)\b(?:\d+|an?|one|two|few)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?)\s+ago\b`)
	// readRe is a reading time or a count: "2 min read", "56 Share".
	readRe = regexp.MustCompile(`(?i)\b\d+\s*(?:min(?:ute)?s?\s+read|shares?|comments?|views?|reads?)\b`)
	// zoneRe is a time zone on its own: "(UTC +04:00)", "IST".
	zoneRe = regexp.MustCompile(`(?i)\(?\b(?:` + zoneWords + `)\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?`)
	// updatedRe and publishedRe are the labels of the two kinds.
	updatedRe = regexp.MustCompile(`(?i)\b(?:(?:last\s+)?(?:updated|modified|edited)|update)\b|` + foreignUpdated)
	// otherDateRe labels a date that is not the page's: when a forum's
	// member joined, someone's birthday.
	otherDateRe = regexp.MustCompile(`(?i)\b(?:joined|join date|registered|member since|born|birthday|expires?|deadline)\b`)
	// postedByRe opens a forum post's header: the poster's name, in any
	// case, then the time it was posted.
	postedByRe  = regexp.MustCompile(`(?i)^\s*(?:postby|posted by|submitted by|written by)\b`)
	publishedRe = regexp.MustCompile(`(?i)\b(?:(?:first\s+)?published|publish(?:ed)?\s+date|publication\s+date|date\s+published|posted|created|postby|released|old)\b|` + foreignPublished)
)

// zoneWords are the time zones date lines name.
const zoneWords = `GMT|UTC|IST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|MSK|CET|CEST|EET|EEST|BST|WET|WEST|AEDT|AEST|ACST|AWST|NZST|NZDT|WIB|WITA|JST|KST|HKT|SGT|PKT|GST|SAST|WAT|EAT|UTC\+\d+`

// lineWords are the lower-case words a date line may hold beside its
// date: labels, weekdays, and the furniture around a byline.
var lineWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`published publish publication posted post postby created released updated update
		last first modified edited date dated time on at by and of the in am pm a.m. p.m. a.m p.m ago read min mins minute minutes
		comments comment share shares views view print email edit news old author editor staff reporter correspondent
		photo video source via uhr h hrs hours hour days day weeks week months month seconds second sec secs
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`) {
		m[w] = true
	}
	for w := range months {
		m[w] = true
	}
	for _, words := range [][]string{foreignWeekdays, foreignLineWords} {
		for _, w := range words {
			m[w] = true
		}
	}
	for w := range foreignMonths {
		m[w] = true
	}
	return m
}()

// ReadDateLine reads the date of a date line. A line with several dates
// gives the one the page was published on: a published one before an
// unlabelled one before an updated one, else the first. ok is false when
// s holds no date line.
func ReadDateLine(s string) (LineDate, bool) {
	if d, ok := millisLine(s); ok {
		return LineDate{Date: d, Kind: DateUnlabelled, End: len(s), Whole: true}, true
	}
	if len(s) <= 40 && shortYearRe.MatchString(s) {
		m := shortYearRe.FindStringSubmatch(s)
		if d, ok := validDay(2000+atoi(m[3]), atoi(m[1]), atoi(m[2])); ok {
			return LineDate{Date: d, Kind: DateUnlabelled, End: len(s), Whole: true}, true
		}
	}
	if len(s) > 2000 || !mayHoldDate(s) {
		return LineDate{}, false
	}
	s = maskDayDots(maskPoster(s))
	var best LineDate
	found := false
	pending := DateUnlabelled // a label in a piece before the date's
	pieceStart := 0
	pieces := lineSepIndex(s)
	// The pieces that are neither a date nor a label, weighed only once a
	// date is found (most lines with a digit hold none).
	var residueBuf [8]string
	residue := residueBuf[:0]
	for i := 0; i <= len(pieces); i++ {
		end := len(s)
		if i < len(pieces) {
			end = pieces[i][0]
		}
		piece := s[pieceStart:end]
		next := end
		if i < len(pieces) {
			next = pieces[i][1]
			// A sentence end keeps its capital letter in the next piece.
			if sep := s[pieces[i][0]:pieces[i][1]]; strings.ContainsAny(sep, ".!?") {
				if r, size := utf8.DecodeLastRuneInString(sep); unicode.IsUpper(r) {
					next -= size
				}
			}
		}
		if y, ok := bareYear(piece); ok && found && best.Date.Year == 0 {
			// "16 november / 2017": the year after a date without one.
			best.Date, ok = validDay(y, int(best.Date.Month), best.Date.Day)
			if !ok {
				return LineDate{}, false
			}
			best.End = end
		} else if ld, ok := readPiece(piece); ok {
			ld.Start += pieceStart
			ld.End += pieceStart
			if ld.Kind == DateUnlabelled && pending != DateUnlabelled {
				ld.Kind = pending
			}
			if !found || ld.Kind > best.Kind {
				best, found = ld, true
			}
			pending = DateUnlabelled
		} else if k, ok := labelOnly(piece); ok {
			pending = k
		} else {
			pending = DateUnlabelled
			residue = append(residue, piece)
		}
		pieceStart = next
	}
	if !found {
		return LineDate{}, false
	}
	whole := true
	names := 0 // pieces of names or words beside the date's
	for _, piece := range residue {
		if !goodResidue(piece, false) {
			whole = false
		} else if strings.IndexFunc(timeRe.ReplaceAllString(piece, ""), unicode.IsLetter) >= 0 {
			names++
		}
	}
	// A date without a year makes a whole line only with nothing but a
	// time beside it: "MOSCOW, November 2 – RIA Novosti. Text" opens a
	// story.
	best.Whole = whole && (best.Date.Year != 0 || names == 0)
	return best, found
}

// maskPoster writes the user name after a post's "Posted by" in capitals
// ("Posted by jbob on July 22, 2004" as "Posted by XXXX on ..."), so that
// a name in lower case is read as a name, not as a word of a sentence. The
// line keeps its length: the dates' offsets hold in s.
func maskPoster(s string) string {
	i := 0
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	if i == len(s) || lowerASCII(s[i]) != 'p' && lowerASCII(s[i]) != 's' && lowerASCII(s[i]) != 'w' {
		return s // a quick test before the expression
	}
	m := postedByRe.FindStringIndex(s)
	if m == nil {
		return s
	}
	i = m[1]
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '_' || s[j] == '.' || s[j] == '-') {
		j++
	}
	if j == i || s[i] < 'a' || s[i] > 'z' || j < len(s) && !isRESpace(s[j]) {
		return s // no name, a name in capitals already, or one with other characters
	}
	return s[:i] + strings.Repeat("X", j-i) + s[j:]
}

// lineSepIndex is lineSeps.FindAllStringIndex(s, -1), in one pass over
// the bytes (fuzz-checked against the expression). A separator is a run
// of white space (\s: tab, LF, FF, CR, space) before one of |·•»«, or a
// slash or dash between a space and a space, or a sentence end (.!?)
// with white space after it and a capital letter (which it takes) or the
// end of s; the white space after any of them goes with it.
func lineSepIndex(s string) [][]int {
	var out [][]int
	for p := 0; p < len(s); {
		// Bytes that open neither white space nor a separator are
		// stepped over at once.
		for p < len(s) && !sepOpens[s[p]] {
			p++
		}
		if p == len(s) {
			break
		}
		q := p
		for q < len(s) && isRESpace(s[q]) {
			q++
		}
		end := sepAt(s, q)
		if end < 0 && q > p {
			end = spacedSepAt(s, q-1)
		}
		if end < 0 {
			if q > p {
				p = q // every start in the run meets the same q
			} else {
				p++
			}
			continue
		}
		for end < len(s) && isRESpace(s[end]) {
			end++
		}
		out = append(out, []int{p, end})
		p = end
	}
	return out
}

// sepAt returns the end of a separator starting at q without white space
// before it (one of |·•»«, or a sentence end), or -1.
func sepAt(s string, q int) int {
	if q >= len(s) {
		return -1
	}
	switch c := s[q]; c {
	case '|':
		return q + 1
	case '.', '!', '?':
		m := q + 1
		for m < len(s) && isRESpace(s[m]) {
			m++
		}
		switch {
		case m == q+1:
			return -1
		case m == len(s):
			return m
		case 'A' <= s[m] && s[m] <= 'Z':
			return m + 1
		}
		return -1
	case 0xc2, 0xe2: // the first byte of ·, », « and of •
		for _, sep := range [...]string{"·", "•", "»", "«"} {
			if strings.HasPrefix(s[q:], sep) {
				return q + len(sep)
			}
		}
	}
	return -1
}

// sepOpens marks the bytes a separator of lineSepIndex or the white space
// before one may open with: \s, |, the sentence ends, and the first bytes
// of ·, •, » and «.
var sepOpens = [256]bool{' ': true, '\t': true, '\n': true, '\f': true, '\r': true, '|': true, '.': true, '!': true, '?': true,
	0xc2: true, 0xe2: true}

// spacedSepAt returns the end of a slash or dash between white space
// starting at q, a white space, or -1.
func spacedSepAt(s string, q int) int {
	k := q + 1
	switch {
	case k >= len(s):
		return -1
	case s[k] == '/' || s[k] == '-':
		k++
	case s[k] == 0xe2 && (strings.HasPrefix(s[k:], "–") || strings.HasPrefix(s[k:], "—")):
		k += len("–")
	default:
		return -1
	}
	if k < len(s) && isRESpace(s[k]) {
		return k + 1
	}
	return -1
}

// isRESpace reports whether c is white space as \s of Go's expressions.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// readPiece reads one piece of a line: a date and nothing a date line
// does not hold.
func readPiece(p string) (LineDate, bool) {
	if len(p) > 200 || !hasDigit(p) || !fewWords(p) {
		return LineDate{}, false
	}
	for k, re := range lineDateRes {
		if k >= yearlessShapes && len(p) > 60 {
			break // a date without a year stands nearly alone
		}
		m := re.FindStringSubmatchIndex(p)
		if m == nil {
			continue
		}
		get := func(name string) (string, int, int) {
			k := re.SubexpIndex(name)
			if k < 0 || m[2*k] < 0 {
				return "", -1, -1
			}
			return p[m[2*k]:m[2*k+1]], m[2*k], m[2*k+1]
		}
		// The span of the date proper, without the characters around it
		// the numeric shapes match.
		start, end := m[0], m[1]
		for start < end && !isDateChar(p[start]) {
			start++
		}
		for end > start && !isDateChar(p[end-1]) {
			end--
		}
		y, _, _ := get("y")
		ms, _, _ := get("m")
		ds, _, _ := get("d")
		var year, month, day int
		switch {
		case ms != "" && lineMonthNum(ms) > 0:
			month, day = lineMonthNum(ms), atoi(ds)
		case ms != "":
			month, day = atoi(ms), atoi(ds)
		default: // day and month in either order
			a, _, _ := get("a")
			b, _, _ := get("b")
			sep, _, _ := get("s")
			var ok bool
			if day, month, ok = dayMonth(atoi(a), atoi(b), sep, p); !ok {
				continue
			}
		}
		if y != "" {
			year = atoi(y)
		}
		if !goodResidue(p[:start]+" "+p[end:], year == 0) {
			continue
		}
		var d storyline.Date
		if year != 0 {
			v, ok := validDay(year, month, day)
			if !ok {
				continue
			}
			d = v
		} else {
			// Without a year the day must exist in a leap year.
			if _, ok := validDay(2000, month, day); !ok {
				continue
			}
			d = storyline.Date{Month: time.Month(month), Day: day, Precision: storyline.PrecisionDay}
		}
		kind := DateUnlabelled
		before := p[:start]
		if otherDateRe.MatchString(before) {
			return LineDate{}, false
		}
		switch {
		case updatedRe.MatchString(before):
			kind = DateUpdated
		case publishedRe.MatchString(before):
			kind = DatePublished
		}
		return LineDate{Date: d, Kind: kind, Start: start, End: end}, true
	}
	return LineDate{}, false
}

// lowerASCIIInto writes w (ASCII letters, at most len(buf) of them) in
// lower case into buf: strings.ToLower(w) without allocating.
func lowerASCIIInto(buf *[9]byte, w string) []byte {
	b := buf[:len(w)]
	for i := range len(w) {
		b[i] = lowerASCII(w[i])
	}
	return b
}

// mayHoldDate is a quick test, in one pass, that s may hold a date: a
// digit, and a year (19xx, 20xx), a month's name or two numbers joined by
// a dot, slash or dash.
func mayHoldDate(s string) bool {
	// Each way to say yes below needs a digit.
	if !hasDigit(s) {
		return false
	}
	digits, joined := 0, false
	wordStart := -1
	var lowBuf [9]byte // a word's lower case, for the months' lookup
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		isLetter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if isLetter {
			if wordStart < 0 {
				wordStart = i
			}
			continue
		}
		if wordStart >= 0 {
			if w := s[wordStart:i]; len(w) >= 3 && len(w) <= 9 && monthPrefix(w) && months[string(lowerASCIIInto(&lowBuf, w))] != 0 {
				return true // s holds a digit
			}
			wordStart = -1
		}
		if c >= '0' && c <= '9' {
			digits++
			if digits == 4 && (s[i-3] == '1' && s[i-2] == '9' || s[i-3] == '2' && s[i-2] == '0') && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') {
				return true
			}
			continue
		}
		if digits > 0 && (c == '.' || c == '/' || c == '-') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			joined = true
		}
		digits = 0
	}
	return joined
}

// hasDigit reports whether s holds an ASCII digit (strings.ContainsAny(s,
// "0123456789")), eight bytes at a time.
func hasDigit(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if bytesBetween(swar.Load64(s, i), '0', '9') != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// monthPrefix reports whether the word w (ASCII letters, three at least)
// opens, in any case, as a month's name does: the first three letters of
// every key of months.
func monthPrefix(w string) bool {
	switch uint32(lowerASCII(w[0]))<<16 | uint32(lowerASCII(w[1]))<<8 | uint32(lowerASCII(w[2])) {
	case 'j'<<16 | 'a'<<8 | 'n', 'f'<<16 | 'e'<<8 | 'b', 'm'<<16 | 'a'<<8 | 'r', 'a'<<16 | 'p'<<8 | 'r',
		'm'<<16 | 'a'<<8 | 'y', 'j'<<16 | 'u'<<8 | 'n', 'j'<<16 | 'u'<<8 | 'l', 'a'<<16 | 'u'<<8 | 'g',
		's'<<16 | 'e'<<8 | 'p', 'o'<<16 | 'c'<<8 | 't', 'n'<<16 | 'o'<<8 | 'v', 'd'<<16 | 'e'<<8 | 'c':
		return true
	}
	return false
}

// bareYear reads a piece that is only a year.
func bareYear(p string) (int, bool) {
	p = strings.TrimSpace(p)
	if len(p) != 4 || !(strings.HasPrefix(p, "19") || strings.HasPrefix(p, "20")) {
		return 0, false
	}
	for _, c := range p {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return atoi(p), true
}

func isDateChar(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.'
}

// dayMonth orders the two numbers of a numeric date: a number above 12 is
// the day; otherwise a 12-hour clock (AM/PM) beside it says month first,
// as in the United States, and a 24-hour one or dots say day first.
func dayMonth(a, b int, sep, piece string) (day, month int, ok bool) {
	switch {
	case a > 12 && b <= 12:
		return a, b, true
	case b > 12 && a <= 12:
		return b, a, true
	case a > 12 || b > 12:
		return 0, 0, false
	case a == b:
		return a, b, true
	}
	low := strings.ToLower(piece)
	switch {
	case strings.Contains(low, " am") || strings.Contains(low, " pm") || strings.Contains(low, "a.m.") || strings.Contains(low, "p.m."):
		return b, a, true // 09-01-2017, 08:12 PM
	case sep == "." || timeRe.MatchString(piece):
		return a, b, true // 06.10.2024 14:30; 03-02-2024 16:23 IST
	}
	return 0, 0, false
}

// goodResidue reports whether what is left of a piece beside its date
// may stand on a date line: times, zones, labels, weekdays, a byline or
// an outlet's name, ages and counts, but no lower-case words of a
// sentence, and not many names. Beside a date without a year (strict)
// there may be a time and at most two names ("February 26, 23:46 UTC+3
// WASHINGTON"), so that a date in passing is not read as a date line.
func goodResidue(s string, strict bool) bool {
	if !fewWords(s) {
		return false
	}
	s = timeRe.ReplaceAllString(s, " ")
	s = agoRe.ReplaceAllString(s, " ")
	s = readRe.ReplaceAllString(s, " ")
	s = zoneRe.ReplaceAllString(s, " ")
	names := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:()[]{}#@©*\"'“”‘’–—-/", r)
	}) {
		w = strings.Trim(w, ".")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case lineWords[strings.ToLower(w)]:
		case unicode.IsDigit(r):
			if len(w) > 4 {
				return false // a long number: a figure of a sentence
			}
		case unicode.IsUpper(r):
			names++
		case !unicode.IsLetter(r):
		default:
			return false
		}
	}
	if strict {
		return names <= 2
	}
	return names <= 6
}

// fewWords is a quick test that a piece holds no word of a sentence: no
// lower-case word a date line does not hold. goodResidue makes sure.
func fewWords(s string) bool {
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == ':' || r == '(' || r == ')' || r == '/' || r == '-' || r == '|'
	}) {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 'a' && r <= 'z' && !lineWords[strings.ToLower(strings.TrimRight(w, ".;!?"))] {
			return false
		}
	}
	return true
}

// labelOnly reports whether a piece is only a label (and perhaps a time),
// as in "Publish Date: 10:48 - 25 April 2022", and which.
func labelOnly(p string) (DateKind, bool) {
	if len(p) <= 60 && postedByRe.MatchString(p) && len(strings.Fields(p)) <= 6 {
		return DatePublished, true
	}
	if len(p) > 40 || !fewWords(p) {
		return 0, false
	}
	rest := timeRe.ReplaceAllString(p, " ")
	switch {
	case updatedRe.MatchString(rest):
		rest = updatedRe.ReplaceAllString(rest, " ")
		return DateUpdated, goodResidue(rest, false) && len(strings.Fields(rest)) <= 2
	case publishedRe.MatchString(rest):
		rest = publishedRe.ReplaceAllString(rest, " ")
		return DatePublished, goodResidue(rest, false) && len(strings.Fields(rest)) <= 2
	}
	return 0, false
}
