package clean

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// maxTop is how many lines above the first paragraph of prose the
// headline is looked for in.
const maxTop = 10

// headline gives an untitled text its title: the headline line at the top,
// past the page furniture above it (the site's name, a section label, a
// kicker), which is removed as masthead. The headline line leaves the text
// for the title. It reports whether it took one.
//
// With a URL whose path spells the headline in a segment (a slug such as
// /russia-recalls-its-ambassador/), the top line that matches the slug
// best is the headline; else the first line shaped like one.
func (d *doc) headline() bool {
	top := d.headlineArea()
	if len(top) == 0 {
		return false
	}
	pick := -1
	dom := d.domain()
	slug := slugWords(d.a.URL)
	if len(slug) >= 3 {
		best := 0.0
		for k, i := range top {
			if s := slugMatch(d.lines[i].s, slug); s > best && isHeadlineLike(headlineText(d.lines[i].s, dom)) && !isCaptionLike(d.lines[i].s) {
				pick, best = k, s
			}
		}
		if best < 0.6 {
			pick = -1
		}
		// Lines above a headline found by its slug are furniture only if
		// none of them reads as text.
		for k := 0; k < pick; k++ {
			if s := d.lines[top[k]].s; !isShortLabel(s) && !isSiteTitle(s, dom) {
				pick = -1
				break
			}
		}
	}
	if pick < 0 {
		script := d.proseScript()
		for k, i := range top {
			s := d.lines[i].s
			if isSiteName(s, dom) || isSiteTitle(s, dom) || k+1 < len(top) && isKicker(s, d.lines[top[k+1]].s) ||
				script != 0 && lineScript(s) != script {
				continue
			}
			if isCaptionLike(s) && !endsSentence(s) {
				// A picture's caption atop the story, no sentence of it.
				d.remove(i, RuleCaption)
				return false
			}
			if !isHeadlineLike(headlineText(s, dom)) || unlikeSlug(s, slug) {
				return false
			}
			pick = k
			break
		}
	}
	if pick < 0 {
		return false
	}
	// The first words of the story are no headline: what the dateline was
	// cut from ("NEW YORK, April 6 (AFP) – Boeing announced Friday it
	// would cut"), a line whose sentence goes on in lower case on the next.
	if h := top[pick]; d.lines[h].off == d.datelineCut && d.hasDatelineCut || d.continuesBelow(h) {
		return false
	}
	// A forum's thread title comes with its icon's word first ("Angry A
	// Surreal Evening ..."), the title alone on the next line.
	if pick+1 < len(top) {
		if next := d.lines[top[pick+1]].s; strings.HasSuffix(d.lines[top[pick]].s, " "+next) && isHeadlineLike(next) {
			pick++
		}
	}
	// Remove from the bottom up so that the indices stay valid.
	h := top[pick]
	title := headlineText(d.lines[h].s, d.domain())
	d.remove(h, RuleHeadline)
	for k := pick - 1; k >= 0; k-- {
		d.remove(top[k], RuleMasthead)
	}
	d.a.Title = title
	return true
}

// continuesBelow reports whether the sentence of line i goes on in the
// next line of text, as a hard-wrapped paragraph's does: that line is a
// run of words starting with a plain lower-case one ("the production
// schedule of its aircraft line ..."), not a byline or an icon's name
// glued to a word ("text_fieldsWashington: ...").
func (d *doc) continuesBelow(i int) bool {
	for _, l := range d.lines[i+1:] {
		if l.s == "" {
			continue
		}
		words := strings.Fields(l.s)
		if len(words) < 4 || isByline(l.s) {
			return false
		}
		for _, r := range words[0] {
			if !unicode.IsLower(r) {
				return false
			}
		}
		return true
	}
	return false
}

// proseScript is the script of the first line of prose: 'L' for Latin
// letters, 'O' for others, 0 when there is none.
func (d *doc) proseScript() rune {
	for _, l := range d.lines {
		if l.s != "" && isProse(l.s) {
			return lineScript(l.s)
		}
	}
	return 0
}

// lineScript is 'L' when most letters of s are Latin, else 'O' ('L' for a
// line without letters).
func lineScript(s string) rune {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case r < 0x80:
			if unicode.IsLetter(r) {
				latin++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	if other > latin {
		return 'O'
	}
	return 'L'
}

// isSiteTitle reports whether a line is the title of the site rather
// than of a story: its name with a motto after a dash or a bar ("Al
// Example-News- Official Travel Portal News At Middle East" on
// alexample.travel), or a home page's title that ends in the site's name
// ("Local News: Weather, Traffic, Sports and more | Portland, Oregon |
// KXX.com").
func isSiteTitle(s, dom string) bool {
	if dom == "" {
		return false
	}
	if strings.Contains(s, " | ") {
		parts := strings.Split(s, " | ")
		return isSiteName(strings.TrimSpace(parts[len(parts)-1]), dom) && len(parts) >= 3
	}
	label := domainLabel(dom)
	if len(label) < 5 {
		return false
	}
	i := strings.IndexAny(s, "-|:–—")
	return i > 0 && lettersOnly(s[:i]) == label
}

// isCaptionLike reports whether a line at the top reads as a picture's
// caption rather than a headline: a long line of clauses set off by
// commas ("Workers collect clothes and other materials, under the
// instruction of investigators, at the scene where the jet crashed last
// week"), as headlines, terse, are not.
func isCaptionLike(s string) bool {
	return len(strings.Fields(s)) > 20 && strings.Count(s, ", ") >= 2 && !titleCased(s)
}

// unlikeSlug reports whether a line of a few capitalised words, a name,
// shares too little with the URL's headline slug to be the headline:
// "Jane Doe" above the story /ministry-says-crew-followed-procedure-doe/
// is a caption's name.
func unlikeSlug(s string, slug []string) bool {
	return len(slug) >= 4 && len(strings.Fields(s)) <= 3 && looksLikeName(s) && slugMatch(s, slug) < 0.3
}

// headlineArea returns the indices of the text lines above the first line of
// prose, at most maxTop of them; none when no prose follows (a text of
// short lines has no headline to tell apart).
func (d *doc) headlineArea() []int {
	var top []int
	for i, l := range d.lines {
		if l.s == "" {
			continue
		}
		if crawlHeaderRe.MatchString(l.s) {
			return nil // the crawler's header is the date reader's to take off first
		}
		if isProse(l.s) {
			return top
		}
		if len(top) == maxTop {
			return nil
		}
		top = append(top, i)
	}
	return nil
}

func (d *doc) domain() string { return domain(d.a.URL) }

// isProse reports whether a line reads as running text rather than a
// heading: many words, or a sentence ending in a full stop (or a quote
// closed after one).
func isProse(s string) bool {
	n := len(strings.Fields(s))
	if n >= 28 {
		return true
	}
	last, size := utf8.DecodeLastRuneInString(s)
	if last == '”' || last == '"' {
		// A quote that ends a sentence ("... he said.”), not a quoted
		// phrase ending a headline ("... had “flight control problems”").
		before, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
		if !strings.ContainsRune(".!?,", before) {
			return false
		}
	}
	return n >= 8 && (last == '.' && !endsInAbbreviation(s) || last == '!' || last == '?' || last == '”' || last == '"') && !titleCased(s)
}

// endsInAbbreviation reports whether a line's final stop belongs to an
// abbreviation with inner stops ("... from the U.S."), not a sentence end.
func endsInAbbreviation(s string) bool {
	i := strings.LastIndexAny(s, " \t")
	return strings.Contains(strings.TrimSuffix(s[i+1:], "."), ".")
}

// isHeadlineLike reports whether a line is shaped like a headline: two to
// twenty-five words, no sentence-ending full stop (unless its words are
// capitalised as headlines are), not starting in lower case, not a
// dateline, a date or a byline.
func isHeadlineLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 25 || len(s) > 220 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(first) || !(unicode.IsLetter(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“'‘«¿¡", first)) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case ',', ';', ':', '-', '–', '—', '|', '/', '(':
		return false
	case '.':
		if !endsInAbbreviation(s) && (!titleCased(s) || strings.Contains(s, ". ")) {
			return false
		}
	}
	if isDateLine(s) || isByline(s) {
		return false
	}
	if _, _, _, n := Dateline(s); n > 0 {
		return false
	}
	return true
}

// titleCased reports whether most words of a line of five words or more
// start with a capital, as headlines in title case do.
func titleCased(s string) bool {
	words := strings.Fields(s)
	if len(words) < 4 {
		return false
	}
	caps, small := 0, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case unicode.IsLower(r) && !titleSmallWords[strings.ToLower(w)]:
			small++
		}
	}
	return small == 0 && caps*4 >= len(words)*3
}

// titleSmallWords stay lower case in a title-cased headline.
var titleSmallWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "by": true, "with": true, "from": true, "as": true, "vs": true, "vs.": true}

// isKicker reports whether a short line above a longer headline is a
// kicker or section label: "Already back in Moscow" above "Russia withdraws
// ambassador from Washington", "Americas" above the headline.
func isKicker(s, next string) bool {
	n := len(strings.Fields(s))
	if n > 4 || !isHeadlineLike(next) {
		return false
	}
	return n == 1 || len(strings.Fields(next)) > n && 2*len(next) >= 3*len(s)
}

// isShortLabel reports whether a line above a headline can be furniture:
// a few words, not a sentence.
func isShortLabel(s string) bool {
	return len(strings.Fields(s)) <= 8 && !strings.Contains(s, ". ") && !isProse(s)
}

// headlineText returns the headline in a title line: without a section
// label before " | " ("World News | Inflation Forces ...") or the site's
// name and date after it ("Biden, Putin meet in Geneva | DW News - latest
// news | DW | 16.06.2021").
func headlineText(s, dom string) string {
	if !strings.Contains(s, " | ") {
		return s
	}
	for _, p := range strings.Split(s, " | ") {
		p = strings.TrimSpace(p)
		if len(strings.Fields(p)) >= 3 && !isSiteName(p, dom) && !isDateLine(p) {
			return p
		}
	}
	return s
}

// crawlHeaderRe is the crawler's " date 2021-03-17" header opening a text.
var crawlHeaderRe = regexp.MustCompile(`^date \d{4}-\d{2}`)

var (
	slugSplitRe = regexp.MustCompile(`[-_+]+`)
	slugWordRe  = regexp.MustCompile(`^\p{L}[\p{L}']*$`)
)

// slugWords returns the words of a URL's headline slug (the longest path
// segment made of words: /russia-recalls-its-ambassador-to-us/), lower
// case, without a file extension or numbers.
func slugWords(u string) []string {
	pu, err := url.Parse(pageURL(u))
	if err != nil {
		return nil
	}
	var best []string
	for _, seg := range strings.Split(pu.Path, "/") {
		seg = strings.TrimSuffix(seg, path.Ext(seg))
		if unescaped, err := url.PathUnescape(seg); err == nil {
			seg = unescaped
		}
		var words []string
		for _, w := range slugSplitRe.Split(strings.ToLower(seg), -1) {
			if slugWordRe.MatchString(w) {
				words = append(words, w)
			}
		}
		if len(words) > len(best) {
			best = words
		}
	}
	return best
}

// slugMatch is the share of the slug's words that a line holds.
func slugMatch(s string, slug []string) float64 {
	have := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		have[strings.Trim(w, "'’")] = true
	}
	n := 0
	for _, w := range slug {
		if have[w] {
			n++
		}
	}
	return float64(n) / float64(len(slug))
}

// furnitureTitle reports whether a title a reader found is page furniture
// rather than a headline: a navigation or share line, a caption or credit,
// an agency's or the site's name, or a bare date.
func furnitureTitle(t, dom string) bool {
	if t == "" {
		return false
	}
	p := newProbe(t)
	first := p.first
	switch {
	case isNavigation(p), isShare(t, first), isReadMore(t), isWatch(t), isComments(p), isCookie(t, first), isFooter(p),
		isAgency(t, first), isCaptionLabel(t), isPhotoCredit(t), isDateLine(t), isSiteName(t, dom), isSiteTitle(t, dom), isAdMarker(t):
		return true
	}
	return false
}

func isCaptionLabel(s string) bool { return captionLabelRe.MatchString(s) }

// title settles the article's title before the text is cleaned: a
// furniture title is dropped (recorded with offset -1: it is not in the
// text), so that the headline in the text can take its place; a title
// with the site's name around it keeps the headline.
func (d *doc) title() {
	t := collapseSpace(d.a.Title)
	if m := findDayStamp(t); m != nil {
		// "Shares fall as ... Wednesday 2 June 2010 17.37 BST Workers lay
		// booms ...": the page's stamp and the caption after it; a title
		// that opens with the stamp is all caption
		d.debris = append(d.debris, storyline.Debris{Rule: RuleCaption, Text: t[m[0]:], Offset: -1})
		t = strings.TrimSpace(t[:m[0]])
	}
	t = d.cutTitleStamp(t)
	if furnitureTitle(t, d.domain()) {
		d.debris = append(d.debris, storyline.Debris{Rule: RuleFurniture, Text: t, Offset: -1})
		t = ""
	}
	d.a.Title = headlineText(t, d.domain())
}
