package clean

import (
	"regexp"
	"slices"
	"strings"

	"github.com/storyline/storyline"
)

// updatedStampRe is a broadcaster's stamp of when the page was last
// updated, run into the line it tops: "Page last updated at 13:13 GMT,
// Wednesday, 24 August 2011 14:13 UK The organiser of ...", the local
// time after it or not.
var updatedStampRe = regexp.MustCompile(`Page last updated at \d{1,2}:\d\d GMT, ` + fullWeekdayRe + `, \d{1,2} ` + fullMonthRe + ` \d{4}(?: \d{1,2}:\d\d UK)?`)

// lastUpdatedRe is the same broadcaster's later stamp, the day first and
// its help link after it: "8 November 2011 Last updated at 11:01 GMT
// Help The family of ...".
var lastUpdatedRe = regexp.MustCompile(`\d{1,2} ` + fullMonthRe + ` \d{4} Last updated at \d{1,2}:\d\d(?: GMT)?(?: Help\b)?`)

// ssiError is the notice a web server writes where a page's include
// failed, left in the text as if it were part of the story.
const ssiError = "(an error occurred while processing this directive)"

// cutUpdatedStamp cuts from line i a page-updated stamp run into it and
// the server's notices of failed includes: page furniture, not the story.
func (d *doc) cutUpdatedStamp(i int) {
	l := &d.lines[i]
	if p := &d.probe; p.s == l.s && !p.may(ssiError) && !p.may("ast updated at ") {
		return // the furniture rules' probe of the line says it holds neither
	}
	l.s = d.cutStamps(l.s, l.off)
}

// cutTitleStamp is cutUpdatedStamp for the title a reader gave the page:
// taking the page's first line for its title, it took them with it.
func (d *doc) cutTitleStamp(title string) string {
	return d.cutStamps(title, -1)
}

// cutStamps returns s without a page-updated stamp and failed-include
// notices, noted as debris; off is where s stands in the text (-1: not
// in it). Every cut is found in s as given, so each debris offset is
// where its words stand in the text, and what is left between the cuts
// is joined by single spaces.
func (d *doc) cutStamps(s string, off int) string {
	if !strings.Contains(s, ssiError) && !strings.Contains(s, "ast updated at ") {
		return s
	}
	type cut struct {
		start, end int
		rule       string
	}
	var cuts []cut
	for _, re := range []*regexp.Regexp{updatedStampRe, lastUpdatedRe} {
		if m := re.FindStringIndex(s); m != nil {
			cuts = append(cuts, cut{m[0], m[1], RuleDateLine})
		}
	}
	for from := 0; ; {
		at := strings.Index(s[from:], ssiError)
		if at < 0 {
			break
		}
		from += at + len(ssiError)
		cuts = append(cuts, cut{from - len(ssiError), from, RuleFooter})
	}
	slices.SortFunc(cuts, func(a, b cut) int { return a.start - b.start })
	var kept []string
	last := 0
	for _, c := range cuts {
		if c.start < last {
			continue // inside a cut already made
		}
		at := -1
		if off >= 0 {
			at = off + c.start
		}
		d.debris = append(d.debris, storyline.Debris{Rule: c.rule, Text: s[c.start:c.end], Offset: at})
		if piece := strings.TrimSpace(s[last:c.start]); piece != "" {
			kept = append(kept, piece)
		}
		last = c.end
	}
	if piece := strings.TrimSpace(s[last:]); piece != "" {
		kept = append(kept, piece)
	}
	return strings.Join(kept, " ")
}
