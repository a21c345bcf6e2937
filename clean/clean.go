// Package clean turns an article as a reader found it into the article
// storyline keeps: scraper debris removed and recorded, the byline,
// dateline place and outlet read, the publication date found (or left
// unknown), the source and language set, and the stable ID computed.
//
// Every removal is made by a named rule (see Rules) and recorded as a
// storyline.Debris on the article. Cleaning is idempotent: cleaning a
// cleaned article changes nothing. Rules only remove whole lines at the top
// or bottom of the text, lines that are debris wherever they stand (ad
// markers, share buttons), and the dateline prefix: never a sentence of the
// story itself.
package clean

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// Rule names, as recorded in storyline.Debris.Rule.
const (
	RuleAdMarker    = "ad-marker"    // [ad_1], "Advertisement"
	RuleShare       = "share"        // "Share this article", "Subscribe to our newsletter"
	RuleReadMore    = "read-more"    // "Read More", "Source link", "READ MORE: ..." lines
	RuleCredit      = "credit"       // "Additional reporting by ...", "Editing by ..."
	RuleByline      = "byline"       // "By Jane Doe", "oleh -"
	RuleTitleRepeat = "title-repeat" // the title repeated at the top of the body
	RuleDateLine    = "date-line"    // "Published: March 17, 2021" as a line of its own
	RuleDateline    = "dateline"     // "MOSCOW, November 2 – RIA Novosti." before the first sentence
)

// Rules lists every rule with what it removes.
var Rules = []struct{ Name, Removes string }{
	{RuleAdMarker, "ad markers such as [ad_1] and Advertisement lines, anywhere"},
	{RuleShare, "share, follow and subscribe lines, anywhere"},
	{RuleReadMore, `trailing "Read More", "Source link", "No more pages to load"; "READ MORE: ..." link lines anywhere`},
	{RuleCredit, `"Additional reporting by ...", "Editing by ..." credit lines at the end`},
	{RuleByline, `"By Jane Doe", "oleh -" lines at the top (the name goes to Byline)`},
	{RuleTitleRepeat, "the title repeated at the top of the body"},
	{RuleDateLine, `a line that is only a date ("Published: March 17, 2021") at the top or end (the date may become the publication date)`},
	{RuleDateline, `the dateline before the first sentence ("MOSCOW, November 2 – RIA Novosti."): place, outlet and date are kept`},
}

// line is one line of the text being cleaned, with its byte offset in the
// text before cleaning.
type line struct {
	s   string // the line, trimmed
	off int
}

// doc is an article while it is being cleaned.
type doc struct {
	a      *storyline.Article
	lines  []line
	debris []storyline.Debris
	outlet string // from the dateline
	// datelineDate is the date the dateline gives, without a year when
	// it has none (Year 0).
	datelineDate storyline.Date
	// bodyDate is the date the page's date lines give (see noteDate);
	// hasBodyDate says whether there is one.
	bodyDate    pageDate
	hasBodyDate bool
	// orig are the lines of the text before cleaning.
	orig []line
}

// remove takes line i off the text as debris of a rule. A date the line
// holds is noted first: the page's date often stands among its debris.
func (d *doc) remove(i int, rule string) {
	if rule != RuleDateline {
		d.noteDate(d.lines[i])
	}
	d.debris = append(d.debris, storyline.Debris{Rule: rule, Text: d.lines[i].s, Offset: d.lines[i].off})
	d.lines = slices.Delete(d.lines, i, i+1)
}

// Clean returns a cleaned copy of a; a itself is not changed. It returns
// an EINVALID error when no text is left.
func Clean(a *storyline.Article) (*storyline.Article, error) {
	out := *a
	out.Debris = slices.Clone(a.Debris)
	out.Repairs = slices.Clone(a.Repairs)
	d := &doc{a: &out, lines: splitLines(a.Text)}
	d.orig = slices.Clone(d.lines)
	out.Title = cleanTitle(a.Title)

	// Until no rule fires: removing one piece of debris can bare another.
	for {
		n := len(d.debris)
		d.removeEverywhere()
		for d.removeTop() || d.removeBottom() {
		}
		if out.Dateline == "" {
			d.dateline()
		}
		if len(d.debris) == n {
			break
		}
	}
	d.scanDates()
	out.Text = d.text()
	out.Debris = append(out.Debris, d.debris...)
	if strings.TrimSpace(out.Text) == "" {
		return nil, storyline.Errorf(storyline.EINVALID, "no article text left after cleaning")
	}

	d.publication()
	if out.Source == "" {
		out.Source = firstNonEmpty(domain(out.URL), d.outlet)
	}
	if out.Language == "" {
		out.Language = Language(out.Title + "\n" + out.Text)
	}
	out.ID = storyline.ArticleID(out.Source, out.Text)
	return &out, nil
}

// splitLines splits text into its non-blank lines, trimmed, with offsets.
func splitLines(text string) []line {
	var out []line
	off := 0
	for raw := range strings.SplitSeq(text, "\n") {
		start := off
		off += len(raw) + 1
		s := strings.TrimRight(raw, " \t\r\u00a0")
		trimmed := strings.TrimLeft(s, " \t\u00a0\ufeff")
		if trimmed == "" {
			out = append(out, line{off: start}) // a paragraph break
			continue
		}
		out = append(out, line{s: trimmed, off: start + len(s) - len(trimmed)})
	}
	return out
}

// removeEverywhere drops the lines that are debris wherever they stand.
func (d *doc) removeEverywhere() {
	for i := 0; i < len(d.lines); {
		s := d.lines[i].s
		switch {
		case s == "":
		case isAdMarker(s):
			d.remove(i, RuleAdMarker)
			continue
		case isShare(s):
			d.remove(i, RuleShare)
			continue
		case isReadMoreLink(s):
			d.remove(i, RuleReadMore)
			continue
		default:
			if j := strings.Index(s, "[ad_"); j >= 0 {
				d.inlineAd(i)
			}
		}
		i++
	}
}

// inlineAd removes ad markers inside a line of text.
func (d *doc) inlineAd(i int) {
	l := &d.lines[i]
	for {
		m := adInlineRe.FindStringIndex(l.s)
		if m == nil {
			return
		}
		d.debris = append(d.debris, storyline.Debris{Rule: RuleAdMarker, Text: l.s[m[0]:m[1]], Offset: l.off + m[0]})
		l.s = strings.TrimSpace(l.s[:m[0]] + " " + l.s[m[1]:])
	}
}

// firstText and lastText return the index of the first and last line with
// text, or -1.
func (d *doc) firstText() int {
	for i, l := range d.lines {
		if l.s != "" {
			return i
		}
	}
	return -1
}

func (d *doc) lastText() int {
	for i := len(d.lines) - 1; i >= 0; i-- {
		if d.lines[i].s != "" {
			return i
		}
	}
	return -1
}

// removeTop removes one line of debris at the top of the text, if the
// first line is one, and reports whether it did.
func (d *doc) removeTop() bool {
	i := d.firstText()
	if i < 0 {
		return false
	}
	s := d.lines[i].s
	switch {
	case d.a.Title != "" && sameTitle(s, d.a.Title):
		d.remove(i, RuleTitleRepeat)
	case isByline(s):
		if name := bylineName(s); name != "" && d.a.Byline == "" {
			d.a.Byline = name
		}
		d.remove(i, RuleByline)
	case isDateLine(s):
		d.remove(i, RuleDateLine)
	default:
		return false
	}
	return true
}

// removeBottom removes one line of debris at the end of the text.
func (d *doc) removeBottom() bool {
	i := d.lastText()
	if i < 0 {
		return false
	}
	s := d.lines[i].s
	switch {
	case isReadMore(s):
		d.remove(i, RuleReadMore)
	case isCredit(s):
		d.remove(i, RuleCredit)
	case isDateLine(s):
		d.remove(i, RuleDateLine)
	default:
		return false
	}
	return true
}

// text joins the remaining lines into paragraphs separated by blank
// lines. A block of hard-wrapped lines becomes one paragraph; otherwise
// every line is a paragraph of its own.
func (d *doc) text() string {
	var paras []string
	var block []string
	flush := func() {
		if len(block) == 0 {
			return
		}
		if hardWrapped(block) {
			paras = append(paras, collapseSpace(strings.Join(block, " ")))
		} else {
			for _, s := range block {
				paras = append(paras, collapseSpace(s))
			}
		}
		block = block[:0]
	}
	for _, l := range d.lines {
		if l.s == "" {
			flush()
			continue
		}
		block = append(block, l.s)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// hardWrapped reports whether a block's lines are one paragraph wrapped
// at a fixed width: every line but the last of similar, moderate length
// and not the end of a sentence.
func hardWrapped(block []string) bool {
	if len(block) < 2 {
		return false
	}
	for _, s := range block[:len(block)-1] {
		n := utf8.RuneCountInString(s)
		if n < 40 || n > 100 {
			return false
		}
		if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?:”\"", last) {
			return false
		}
	}
	return true
}

// cleanTitle collapses the white space of a title.
func cleanTitle(t string) string { return collapseSpace(t) }

// sameTitle reports whether a line repeats the title, ignoring case, space
// and trailing punctuation.
func sameTitle(s, title string) bool {
	norm := func(x string) string {
		return strings.TrimRight(strings.ToLower(collapseSpace(x)), " .:;!?")
	}
	return norm(s) == norm(title)
}

func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\r\n\u00a0") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
