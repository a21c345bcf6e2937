package dateparser

import (
	"strings"
	"time"
)

// absolute reads the first English date in s: a month named in words with
// a day and a year around it ("March 3, 2021", "Wed 3rd of March 2021",
// "3 Mar. 2021"), or all in digits ("2021-03-03", "03/03/2021"). Date words
// must stand together: any other word between them ends the candidate, so
// "3 people died in March 2021" holds no day.
func absolute(s string, cfg *Configuration) (time.Time, bool) {
	for _, run := range runs(s) {
		if d, ok := run.date(cfg); ok {
			return d, true
		}
	}
	return time.Time{}, false
}

// token is one piece of a run of date words.
type token struct {
	kind  tokenKind
	value int    // the number, or the month
	parts [3]int // a numeric date's three numbers
	sep   byte   // a numeric date's separator
	width int    // digits in the first (or only) number
	last  int    // digits in a numeric date's last number
}

type tokenKind uint8

const (
	number tokenKind = iota
	month
	numericDate
	filler // weekday names, "of", "the": allowed inside a date, meaning nothing
)

// runs splits s into runs of date tokens. Spaces and the punctuation of
// written dates (",", ".", "-", "/") separate tokens; anything else (a word
// that is no date word, a colon, a bracket) ends the run.
func runs(s string) []run {
	var all []run
	var cur run
	end := func() {
		if len(cur) > 0 {
			all = append(all, cur)
			cur = nil
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
			t, n := digits(s[i:])
			cur = append(cur, t)
			i += n
		case isLetter(c):
			j := i
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			if t, ok := word(strings.ToLower(s[i:j])); ok {
				cur = append(cur, t)
			} else {
				end()
			}
			i = j
		case c == ' ' || c == ',' || c == '.' || c == '-' || c == '/' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			end()
			i++
		}
	}
	end()
	return all
}

// digits reads a number at the start of s, with an ordinal suffix
// ("3rd") or as the first of three numbers joined by one separator
// ("2021-03-03", "3.3.2021").
func digits(s string) (token, int) {
	var parts [3]int
	var widths [3]int
	n, k := 0, 0
	var sep byte
	for {
		v, w := 0, 0
		for n < len(s) && isDigit(s[n]) && w < 9 {
			v = v*10 + int(s[n]-'0')
			n++
			w++
		}
		parts[k], widths[k] = v, w
		k++
		if k == 3 || n+1 >= len(s) || !isDigit(s[n+1]) {
			break
		}
		if c := s[n]; (c == '-' || c == '/' || c == '.') && (sep == 0 || c == sep) {
			sep = c
			n++
			continue
		}
		break
	}
	if k == 3 {
		return token{kind: numericDate, parts: parts, sep: sep, width: widths[0], last: widths[2]}, n
	}
	if k == 2 { // "3-4" or "10.30": two numbers only, no date; read the first
		n = widths[0]
	}
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if len(s) >= n+2 && strings.EqualFold(s[n:n+2], suffix) && (len(s) == n+2 || !isLetter(s[n+2])) {
			n += 2
			break
		}
	}
	return token{kind: number, value: parts[0], width: widths[0]}, n
}

// word reads a date word: a month's name or its abbreviation, a weekday,
// or "of"/"the".
func word(w string) (token, bool) {
	if m, ok := months[w]; ok {
		return token{kind: month, value: int(m)}, true
	}
	if fillers[w] {
		return token{kind: filler}, true
	}
	return token{}, false
}

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "sept": time.September, "oct": time.October,
	"nov": time.November, "dec": time.December,
	"january": time.January, "february": time.February, "march": time.March,
	"april": time.April, "june": time.June, "july": time.July, "august": time.August,
	"september": time.September, "october": time.October, "november": time.November,
	"december": time.December,
}

var fillers = map[string]bool{
	"of": true, "the": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
