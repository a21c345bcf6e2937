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
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/swar"
)

// Rule names, as recorded in storyline.Debris.Rule.
const (
	RuleAdMarker    = "ad-marker"       // [ad_1], "Advertisement"
	RuleShare       = "share"           // "Share this article", "Subscribe to our newsletter"
	RuleReadMore    = "read-more"       // "Read More", "Source link", "READ MORE: ..." lines
	RuleCredit      = "credit"          // "Additional reporting by ...", "Editing by ..."
	RuleByline      = "byline"          // "By Jane Doe", "oleh -"
	RuleTitleRepeat = "title-repeat"    // the title repeated at the top of the body
	RuleDateLine    = "date-line"       // "Published: March 17, 2021" as a line of its own
	RuleDateline    = "dateline"        // "MOSCOW, November 2 – RIA Novosti." before the first sentence
	RuleNavigation  = "navigation"      // "Skip to content", "Back to Main page", "All news", "Related Articles"
	RuleCaption     = "caption"         // "Image: REUTERS", a caption ending in "(Ali Ihsan Ozturk/AP)"
	RuleAgency      = "agency"          // "Reuters |", "(IANS)", "Source: Reuters" as a line of its own
	RuleWatch       = "watch"           // "Watch video 01:16", "Video Player 00:00"
	RuleComments    = "comments"        // "Leave a Reply", "1075 views", forum furniture and post stamps
	RuleCookie      = "cookie"          // "We use cookies ...", "Accept cookies"
	RuleFooter      = "footer"          // "© 2024 ...", "Privacy Policy Terms", notices about the page
	RuleTags        = "tags"            // "#Russia #USA", "Tags: ..."
	RuleRepeat      = "repeat"          // a line repeating the line before it
	RuleMasthead    = "masthead"        // the site's name, a section label or kicker above the headline
	RuleHeadline    = "headline"        // the headline line at the top, moved to the title
	RuleFurniture   = "furniture-title" // a title that was page furniture, replaced by the headline
	RuleLabel       = "label"           // "- CERTIFICATION:" opening a live blog's bulleted paragraph
)

// Rules lists every rule with what it removes.
var Rules = []struct{ Name, Removes string }{
	{RuleAdMarker, "ad markers such as [ad_1] and Advertisement lines, anywhere"},
	{RuleShare, `share, follow and subscribe lines, anywhere ("X is now on WhatsApp. ..." too)`},
	{RuleReadMore, `trailing "Read More", "Source link", "No more pages to load"; "READ MORE: ..." link lines, related-story teasers ("... Read more »"), live blogs' "- MORE: See more of our coverage here." lines and "Stay here for live updates." sentences anywhere`},
	{RuleCredit, `"Additional reporting by ...", "Editing by ..." credit lines at the end`},
	{RuleByline, `"By Jane Doe", "oleh -" lines at the top (the name goes to Byline); a broadcaster's byline run into the first sentence ("By Jane Doe BBC News, Paris The ...", cut only where the gazetteer knows the place); a byline run together with the date and the counters ("May 15, 2019 10:15 AM ETThe Company (EX)By: Jane Doe, Editor38 Comments") anywhere`},
	{RuleTitleRepeat, "the title repeated at the top of the body"},
	{RuleDateLine, `a line that is only a date ("Published: March 17, 2021") at the top or end (the date may become the publication date); a broadcaster's "Page last updated at 13:13 GMT, Wednesday, 24 August 2011" or "8 November 2011 Last updated at 11:01 GMT Help" stamp run into a line or the title`},
	{RuleDateline, `the dateline before the first sentence ("MOSCOW, November 2 – RIA Novosti."): place, outlet and date are kept`},
	{RuleNavigation, `navigation and section links, anywhere: "Skip to content", "Back to Main page", "All news", "Related Articles", breadcrumbs`},
	{RuleCaption, `picture captions and credits, anywhere: "Image: REUTERS", "Anatoly AntonovImage: REUTERS", a caption ending in "(Name/AP)", "REUTERS/Name", "PHOTO | NAME | AFP" or "EPA-EFE/FILE/STR", "Scene of the crashReuters" (and the same caption without its credit above it), "In this Dec. 15, 2018, photo ..." (its first sentence and its "X via AP Name" credit when more follows), "Photo: Getty" between two sentences`},
	{RuleAgency, `a line that only names agencies, anywhere: "Reuters |", "(IANS)", "Source: Reuters", "fek/dpa/AFP"`},
	{RuleWatch, `video and audio players, anywhere: "Watch video 01:16" (and the video's title after it), "Video Player", a bare duration`},
	{RuleComments, `comment and forum furniture, anywhere: "Leave a Reply", "ReplyDelete", "1075 views", "Posts: 21", post stamps ("Postby Kent » Sun Apr 01, 2018 3:48 pm", its date read first)`},
	{RuleCookie, `cookie and consent notices, anywhere`},
	{RuleFooter, `site footers and notices about the page, anywhere: "© 2024 ...", "Privacy Policy Terms of Use", "This article has been automatically translated"; a server's "(an error occurred while processing this directive)" anywhere in a line or the title`},
	{RuleTags, `hashtag and "Tags:" lines, anywhere; a list of names alone at the end`},
	{RuleRepeat, `a line that repeats the line before it (a caption and its alt text, a standfirst repeated as the lead)`},
	{RuleMasthead, `above the headline: the site's name ("Hardwood Paroxysm" on hardwoodparoxysm.com), a section label or kicker ("US News", "Americas")`},
	{RuleHeadline, `the headline line at the top of an untitled text: it becomes the title`},
	{RuleFurniture, `a title that was page furniture ("All news", "Logo", a bare date, an agency or site name): the headline in the text replaces it (offset -1: not in the text)`},
	{RuleLabel, `a section label in capitals opening a live blog's bulleted paragraph ("- CERTIFICATION: The paper reported ..."): the paragraph stays`},
}

// line is one line of the text being cleaned, with its byte offset in the
// text before cleaning.
type line struct {
	s   string // the line, trimmed
	off int
	// kept is the text of the line when it was found to be no furniture,
	// so that the next round of rules does not test it again unless a
	// rule changed it since (a dateline or a caption cut off).
	kept string
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
	// datelineCut is the offset of the line the dateline was cut from
	// (hasDatelineCut says whether there is one): what is left of it is
	// the story's first sentence, never a headline.
	datelineCut    int
	hasDatelineCut bool
	// probe is the line under the furniture rules' test, kept to be
	// reused from line to line.
	probe probe
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
	d.repairLines()
	d.orig = slices.Clone(d.lines)
	d.title()

	// Until no rule fires: removing one piece of debris can bare another.
	for {
		n := len(d.debris)
		d.removeEverywhere()
		for d.removeTop() || d.removeBottom() || d.cutOutletByline() {
		}
		if out.Title == "" {
			d.headline()
		}
		if out.Dateline == "" && !d.pageStamp() {
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

	if out.Language == "" {
		// Language reads the first languageSample bytes: the rest of the
		// text need not be copied. The publication date may need it: a
		// day in the URL is read in the page's language's order.
		out.Language = Language(out.Title + "\n" + out.Text[:min(len(out.Text), languageSample)])
	}
	d.publication()
	if out.Source == "" {
		out.Source = firstNonEmpty(domain(out.URL), d.outlet)
	}
	out.ID = storyline.ArticleID(out.Source, out.Text)
	return &out, nil
}

// splitLines splits text into its non-blank lines, trimmed, with offsets.
func splitLines(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")+1)
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
		if s == "" {
			i++
			continue
		}
		if prev := d.prevText(i); prev >= 0 && d.lines[prev].s == s && len(s) > 12 {
			d.remove(i, RuleRepeat)
			continue
		}
		if d.lines[i].kept == s {
			i++
			continue
		}
		if d.cutGluedCredit(i) || d.cutOpeningCredit(i) {
			s = d.lines[i].s
		}
		if next := d.nextText(i); next >= 0 && captionBefore(s, d.lines[next].s) {
			d.remove(i, RuleCaption)
			continue
		}
		p := &d.probe
		p.reset(s)
		if rule := furniture(p); rule != "" {
			if rule == RuleWatch && watchTitled(s) {
				d.removeVideoTitle(i)
			}
			d.remove(i, rule)
			continue
		}
		if strings.Contains(s, "[ad_") {
			d.inlineAd(i)
		}
		d.lines[i].kept = s
		if hasGluedCaption(p) {
			d.inlineCaption(i)
		}
		d.inlineDebris(i)
		if !strings.Contains(tail(d.lines[i].s, 60), "ull ") && !strings.Contains(tail(d.lines[i].s, 60), "ULL ") {
			i++
			continue
		}
		if m := readMoreTailRe.FindStringIndex(d.lines[i].s); m != nil && m[0] > 0 {
			l := &d.lines[i]
			d.debris = append(d.debris, storyline.Debris{Rule: RuleReadMore, Text: strings.TrimSpace(l.s[m[0]:]), Offset: l.off + m[0] + 1})
			l.s = strings.TrimSpace(l.s[:m[0]])
		}
		i++
	}
}

// furnitureRules are the rules that remove a line wherever it stands, in
// the order they are tried. Each gets the line as a probe (its text, its
// first word, the pairs of bytes it holds), which most of them look at
// before anything else.
var furnitureRules = []struct {
	rule string
	is   func(p *probe) bool
}{
	{RuleAdMarker, func(p *probe) bool { return isAdMarker(p.s) }},
	{RuleDateLine, func(p *probe) bool { _, ok := millisLine(p.s); return ok }},
	{RuleShare, func(p *probe) bool { return isShare(p.s, p.first) || isAppAppeal(p) }},
	{RuleReadMore, func(p *probe) bool { return isReadMoreLink(p.s) || isTeaser(p.s) }},
	{RuleByline, isStampByline},
	{RuleNavigation, isNavigation},
	{RuleWatch, func(p *probe) bool { return isWatch(p.s) }},
	{RuleComments, func(p *probe) bool { return isComments(p) || len(p.s) < 100 && isForumStamp(p.s) }},
	{RuleCookie, func(p *probe) bool { return isCookie(p.s, p.first) }},
	{RuleFooter, isFooter},
	{RuleTags, func(p *probe) bool { return isTags(p.s, p.first) }},
	{RuleAgency, func(p *probe) bool { return isAgency(p.s, p.first) }},
	{RuleCaption, func(p *probe) bool { return isCaption(p) || isPhotoCredit(p.s) || isCreditCaption(p) }},
}

// furniture returns the rule that removes the line wherever it stands, or "".
func furniture(p *probe) string {
	for _, r := range furnitureRules {
		if r.is(p) {
			return r.rule
		}
	}
	return ""
}

// isForumStamp reports whether a line is a forum post's header with its
// date ("Postby Kent » Sun Apr 01, 2018 3:48 pm", "Old 02-25-2023, 06:59
// AM"). Its date is read as every removed line's is (remove).
func isForumStamp(s string) bool {
	// Every form of forumStampRe opens with one of these.
	if !strings.HasPrefix(s, "by") && !strings.HasPrefix(s, "Postby") && !strings.HasPrefix(s, "Old") &&
		!strings.HasPrefix(s, "«") && !strings.HasPrefix(s, "#") {
		return false
	}
	m := forumStampRe.FindStringSubmatch(s)
	return m != nil && stampDateRe.MatchString(m[1])
}

// watchTitled reports whether a video line is the bare "Watch video
// 01:16" that the video's title follows on the next line.
func watchTitled(s string) bool { return watchBareRe.MatchString(s) }

// removeVideoTitle removes the line after a "Watch video" line if it is
// the video's title: short, no full stop.
func (d *doc) removeVideoTitle(i int) {
	j := i + 1
	if j >= len(d.lines) || d.lines[j].s == "" {
		return
	}
	if t := d.lines[j].s; len(strings.Fields(t)) <= 16 && !endsSentence(t) {
		d.remove(j, RuleWatch)
	}
}

// inlineCaption cuts a picture credit glued into a line of text, with the
// caption before it ("... in March.Anatoly AntonovImage: REUTERS The
// envoy said ..."): the caption runs from the last sentence end before
// the credit, the credit to the end of its names.
func (d *doc) inlineCaption(i int) {
	l := &d.lines[i]
	m := gluedCaptionRe.FindStringSubmatchIndex(l.s)
	if m == nil {
		return
	}
	glue := m[3] // where "Image: " starts
	start := captionStart(l.s[:glue])
	end := glue + creditLen(l.s[glue:])
	text := strings.TrimSpace(l.s[start:end])
	if len(strings.Fields(text)) > 30 {
		return
	}
	d.debris = append(d.debris, storyline.Debris{Rule: RuleCaption, Text: text, Offset: l.off + start + (len(l.s[start:end]) - len(strings.TrimLeft(l.s[start:end], " ")))})
	l.s = strings.TrimSpace(strings.TrimSpace(l.s[:start]) + " " + strings.TrimSpace(l.s[end:]))
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

// prevText returns the index of the text line before line i, or -1.
func (d *doc) prevText(i int) int {
	for j := i - 1; j >= 0; j-- {
		if d.lines[j].s != "" {
			return j
		}
	}
	return -1
}

// nextText returns the index of the text line after line i, or -1.
func (d *doc) nextText(i int) int {
	for j := i + 1; j < len(d.lines); j++ {
		if d.lines[j].s != "" {
			return j
		}
	}
	return -1
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
	case d.a.Title != "" && sameTitle(s, d.a.Title):
		d.remove(i, RuleTitleRepeat)
	case isNameList(s):
		d.remove(i, RuleTags)
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
	paras := make([]string, 0, len(d.lines))
	block := make([]string, 0, len(d.lines))
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
	return strings.Join(joinDoubleSpaced(paras), "\n\n")
}

// joinDoubleSpaced joins the paragraphs of a text hard-wrapped with a
// blank line after every line ("Boeing announced Friday it would cut\n\nthe
// production schedule of its ..."): when three breaks or more, a quarter
// of them at least, fall inside a sentence (a line of wrapping width
// without a stop at its end, the next going on in lower case), every break
// after such a line is a wrap. Other texts are left as they are.
func joinDoubleSpaced(paras []string) []string {
	if len(paras) < 4 {
		return paras
	}
	inside := 0
	for i := 0; i+1 < len(paras); i++ {
		// The next paragraph's first letter first: most open a sentence,
		// and then the width of this one (a count of its runes) is not
		// needed.
		if r, _ := utf8.DecodeRuneInString(paras[i+1]); unicode.IsLower(r) && wrapLine(paras[i]) {
			inside++
		}
	}
	if inside < 3 || 4*inside < len(paras)-1 {
		return paras
	}
	out := make([]string, 0, len(paras))
	prev := ""
	for _, p := range paras {
		// A wrap after a line of wrapping width, or after a shorter one
		// (what a dateline was cut from) where the sentence goes on in
		// lower case.
		r, _ := utf8.DecodeRuneInString(p)
		last, _ := utf8.DecodeLastRuneInString(prev)
		if prev != "" && (wrapLine(prev) || unicode.IsLower(r) && !strings.ContainsRune(".!?:;”\"'’)]…", last)) {
			out[len(out)-1] += " " + p
		} else {
			out = append(out, p)
		}
		prev = p
	}
	return out
}

// wrapLine reports whether a paragraph of one line may be a line of a
// hard-wrapped text: of wrapping width, no stop or closing quote at its
// end.
func wrapLine(s string) bool {
	if !wrapWidth(s) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?:;”\"'’)]…", last)
}

// hardWrapped reports whether a block's lines are one paragraph wrapped
// at a fixed width: every line but the last of moderate length and not the
// end of a sentence, and each break inside a sentence (the next line goes
// on in lower case) or, in three lines or more, every wrapped line of about
// the same width. A heading above a paragraph is no wrapped line: the
// paragraph after it starts a sentence.
func hardWrapped(block []string) bool {
	if len(block) < 2 {
		return false
	}
	minN, maxN := 1<<30, 0
	lowerNext := true
	for i, s := range block[:len(block)-1] {
		if !wrapWidth(s) {
			return false
		}
		n := utf8.RuneCountInString(s)
		if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?:”\"", last) {
			return false
		}
		minN, maxN = min(minN, n), max(maxN, n)
		if r, _ := utf8.DecodeRuneInString(block[i+1]); !unicode.IsLower(r) {
			lowerNext = false
		}
	}
	return lowerNext || len(block) >= 3 && maxN-minN <= maxN/8
}

// wrapWidth reports whether a line is of the width text is wrapped at:
// 40 to 100 characters. A line of fewer than 40 bytes has fewer, one of
// more than 400 more (a character is at most 4 bytes): only the others
// are counted.
func wrapWidth(s string) bool {
	if len(s) < 40 || len(s) > 100*utf8.UTFMax {
		return false
	}
	n := utf8.RuneCountInString(s)
	return n >= 40 && n <= 100
}

// sameTitle reports whether a line repeats the title, ignoring case, space
// and trailing punctuation.
func sameTitle(s, title string) bool {
	if d := len(s) - len(title); d > 12 || d < -12 {
		return false
	}
	norm := func(x string) string {
		return strings.TrimRight(strings.ToLower(collapseSpace(x)), " .:;!?")
	}
	return norm(s) == norm(title)
}

func collapseSpace(s string) string {
	if !hasFoldableSpace(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// hasFoldableSpace reports whether s holds a tab, CR, LF, no-break space
// or two spaces in a row: what strings.ContainsAny(s, "\t\r\n\u00a0") ||
// strings.Contains(s, "  ") reports (the byte 0xC2 only ever starts a rune,
// so 0xC2 0xA0 is always U+00A0), in a few fast scans (strings.Index looks
// at many bytes at a time) rather than a pass a byte at a time: most lines
// hold none.
func hasFoldableSpace(s string) bool {
	if !mayFoldSpace(s) {
		return false
	}
	return strings.Contains(s, "  ") || strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\t') >= 0 ||
		strings.IndexByte(s, '\r') >= 0 || strings.Contains(s, "\u00a0")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// mayFoldSpace is a quick test that hasFoldableSpace may report true: s
// holds a byte below 0x20, the byte 0xC2 (which U+00A0 opens with) or two
// spaces side by side. It reads eight bytes at a time.
func mayFoldSpace(s string) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	var space uint64 // whether the byte before the block is a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load64(s, i)
		c2 := x ^ ones*0xc2
		if (x-ones*0x20)&^x&high != 0 || (c2-ones)&^c2&high != 0 {
			return true // a byte below 0x20 or a 0xC2
		}
		spaces := bytesEqual(x, ' ')
		if spaces&(spaces<<8|space) != 0 {
			return true
		}
		space = spaces >> 56
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0xc2 || c == ' ' && space != 0 {
			return true
		}
		space = 0
		if c == ' ' {
			space = 1
		}
	}
	return false
}
