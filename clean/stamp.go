package clean

import (
	"regexp"
	"strings"

	"github.com/storyline/storyline"
)

// A wire service's page stamp opens some stories before their dateline:
// the place, the day and the time of filing, then the dateline itself,
// "WASHINGTON | Tue Nov 2, 2010 5:06 pm EDT WASHINGTON (Reuters) - Toxic
// chemicals ...", or without the place before it, "Sun May 30, 2010 3:40
// pm EDT (Reuters) - With the failure ...", "Tue Apr 28, 2009 6:32 pm EDT
// WASHINGTON (Reuters) - What's in a name?". Stamp and dateline are cut as
// one dateline: the place, the agency and the day are kept.

// pageStampRe is the stamp: an optional place and a bar, the weekday, the
// month and day, the year, the time and its zone.
var pageStampRe = regexp.MustCompile(`^(?:([^|]{2,80}?) \| )?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), ((?:19|20)\d\d) \d{1,2}:\d\d [ap]m [A-Z]{2,4} `)

// stampDatelineRe is the dateline after the stamp: its place (perhaps with
// the day), the agency in brackets and a dash.
var stampDatelineRe = regexp.MustCompile(`^([^()|]{0,60}?)\s*\(([A-Z][A-Za-z .]{1,30})\)\s*(?:-{1,2}|–|—)\s+`)

// pageStamp cuts a wire service's page stamp and the dateline after it
// from one of the first three lines of the text, or else from a title that
// is the story's first line, and reports whether it did.
func (d *doc) pageStamp() bool {
	for i, seen := 0, 0; i < len(d.lines) && seen < 3; i++ {
		l := &d.lines[i]
		if l.s == "" {
			continue
		}
		seen++
		by := bylineStamp(l.s)
		n, place, outlet, date := cutPageStamp(l.s[by:])
		if n == 0 {
			continue
		}
		if by > 0 {
			if name := bylineName(strings.TrimSpace(l.s[:by])); name != "" && d.a.Byline == "" {
				d.a.Byline = name
			}
			d.debris = append(d.debris, storyline.Debris{Rule: RuleByline, Text: strings.TrimSpace(l.s[:by]), Offset: l.off})
			l.s = l.s[by:]
			if l.off >= 0 {
				l.off += by
			}
		}
		d.debris = append(d.debris, storyline.Debris{Rule: RuleDateline, Text: strings.TrimSpace(l.s[:n]), Offset: l.off})
		l.s = l.s[n:]
		if l.off >= 0 { // -1: a title put back into the text (titleIntoText)
			l.off += n
		}
		d.datelineCut, d.hasDatelineCut = l.off, true
		d.a.Dateline, d.outlet, d.datelineDate = place, outlet, date
		return true
	}
	if n, place, outlet, date := cutPageStamp(d.a.Title); n > 0 {
		// The title is the story's first line: what follows the stamp is
		// its first sentence.
		d.debris = append(d.debris, storyline.Debris{Rule: RuleDateline, Text: strings.TrimSpace(d.a.Title[:n]), Offset: -1})
		d.a.Title = strings.TrimSpace(d.a.Title[n:])
		d.a.Dateline, d.outlet, d.datelineDate = place, outlet, date
		return true
	}
	return false
}

// bylineStamp returns the length, with the space after it, of a byline
// that runs into a page stamp opening s ("By Jane Roe, Health Editor
// WASHINGTON | Mon Mar 2, 2009 4:23 pm EST WASHINGTON (Reuters) - ..."):
// the stamp starts at the place its dateline names again (stampStart).
// It is 0 when s opens with no byline so.
func bylineStamp(s string) int {
	if !strings.HasPrefix(s, "By ") || !strings.Contains(s, " | ") {
		return 0
	}
	at := stampStart(s, 0)
	if at == 0 || !isByline(s[:at]) {
		return 0
	}
	return at + 1
}

// cutPageStamp returns the length of a page stamp and the dateline after
// it at the start of s, with the dateline's place, the agency and the day
// of the stamp; n is 0 when s opens with none.
func cutPageStamp(s string) (n int, place, outlet string, date storyline.Date) {
	if !strings.Contains(s, " pm ") && !strings.Contains(s, " am ") {
		return 0, "", "", date
	}
	m := pageStampRe.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, "", "", date
	}
	date, ok := validDay(atoi(s[m[8]:m[9]]), monthNum(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	if !ok {
		return 0, "", "", date
	}
	n = m[1]
	a := stampDatelineRe.FindStringSubmatchIndex(s[n:])
	if a == nil {
		return 0, "", "", date
	}
	outlet = s[n+a[4] : n+a[5]]
	place = strings.TrimSpace(s[n+a[2] : n+a[3]])
	if m[2] >= 0 && !strings.HasPrefix(place, strings.TrimSpace(s[m[2]:m[3]])) {
		return 0, "", "", date // not the same place again: no stamp of this shape
	}
	n += a[1]
	place = placeWithoutDay(place)
	if n >= len(s) {
		return 0, "", "", date // the stamp leads into no text
	}
	return n, place, outlet, date
}

// placeWithoutDay returns a dateline's place without the day written after
// it: "LONDON, June 14" and "CAIRO May 10" give the city, "July 23" gives "".
func placeWithoutDay(p string) string {
	f := strings.Fields(p)
	if len(f) >= 2 {
		if _, _, ok := parseMonthDay(f[len(f)-2] + " " + f[len(f)-1]); ok {
			f = f[:len(f)-2]
		}
	}
	return strings.TrimRight(strings.Join(f, " "), ", ")
}
