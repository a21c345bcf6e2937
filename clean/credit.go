package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// A picture's credit can open a line, run together with the story's first
// sentence after it, as some newspapers' pages come out of a reader:
// "Photograph: Jim Young/Reuters BP's damages bill ...", "Photograph:
// KPA/Zuma/Rex Features The vast deposit ...", "Photograph: PA Two
// Britons ...", "Photograph: Sarah Lee for the Guardian Tony Hayward ...".

// creditLabels open such a credit.
var creditLabels = []string{"Photograph: ", "Photo: ", "Picture: "}

// creditTails end a credit's last name: "Getty Images", "Rex Features".
var creditTails = wordSet(`Images Features Pictures Photos`)

// creditAgencies are a credit by themselves: "Photograph: PA Two Britons".
var creditAgencies = wordSet(`PA AP AFP EPA Reuters Rex Getty Corbis Alamy`)

// openingCredit returns the length of a picture credit opening s, with the
// space after it, when the story's text follows it; 0 when s opens with
// none. The credit ends at its last name joined by a slash
// ("Mandel Ngan/AFP/Getty Images"), at an agency named alone, or at "for
// the Guardian"; a label followed by anything else is left alone.
func openingCredit(s string) int {
	label := ""
	for _, l := range creditLabels {
		if strings.HasPrefix(s, l) {
			label = l
			break
		}
	}
	if label == "" {
		return 0
	}
	words := strings.Fields(s[len(label):])
	end := -1 // index of the credit's last word
	for k := 0; k < len(words) && k < 6; k++ {
		if strings.Contains(words[k], "/") && namesJoined(words[k]) {
			end = k
		}
	}
	switch {
	case end >= 0:
	case len(words) > 0 && creditAgencies[words[0]]:
		end = 0
	case len(words) > 1 && words[0] == "Associated" && words[1] == "Press":
		end = 1
	default:
		for k := 1; k+2 < len(words) && k < 5; k++ {
			if words[k] == "for" && words[k+1] == "the" {
				end = k + 2 // "Sarah Lee for the Guardian"
				break
			}
		}
	}
	if end < 0 {
		return 0
	}
	// "Getty Images" (or "Getty images") ends the credit, but not the
	// word opening the story ("Ison/PA Images of the company's ...")
	if end+1 < len(words) && isCreditTail(words[end+1]) && (end+2 >= len(words) || opensSentence(words[end+2])) {
		end++
	}
	if end+1 >= len(words) {
		return 0 // nothing follows: a caption line, for the caption rules
	}
	if !opensSentence(words[end+1]) {
		return 0 // "Photo: The 9/11 memorial at dusk": a caption, not a credit
	}
	// the length up to the end of words[end] and the space after it
	n := len(label)
	rest := s[n:]
	for k := 0; k <= end; k++ {
		i := strings.Index(rest, words[k]) + len(words[k])
		n += i
		rest = rest[i:]
	}
	return n + len(rest) - len(strings.TrimLeft(rest, " "))
}

// namesJoined reports whether a word joins names by slashes, as a
// credit does ("Young/Reuters", "KPA/Zuma/Rex", "McNamee/pool/EPA",
// "coastguard/EPA"): a part opens with a capital letter and none with a
// digit ("9/11", "24/7" and "and/or" are no credit).
func namesJoined(w string) bool {
	named := false
	for part := range strings.SplitSeq(w, "/") {
		r, _ := utf8.DecodeRuneInString(part)
		if unicode.IsDigit(r) {
			return false
		}
		named = named || unicode.IsUpper(r)
	}
	return named
}

// isCreditTail reports whether a word ends a credit's last name, in
// capitals or not ("Images", "images").
func isCreditTail(w string) bool {
	return creditTails[w] || w != "" && creditTails[strings.ToUpper(w[:1])+w[1:]]
}

// opensSentence reports whether a word can open the story's sentence
// after a credit: a capital letter, a digit or a quotation mark first.
func opensSentence(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“‘'`, r)
}

// dayStampRe is a page's stamp of the day and time, run into a line
// between the standfirst and a picture's caption: "... the oil slick
// Wednesday 2 June 2010 17.37 BST Crosses erected this week on Grand Isle
// ...", the caption's credit opening the next line.
var dayStampRe = regexp.MustCompile(fullWeekdayRe + ` \d{1,2} ` + fullMonthRe + ` \d{4} \d{2}\.\d{2} (?:BST|GMT)\b`)

// findDayStamp returns where dayStampRe matches in s, or nil; only in a
// text that holds "BST" or "GMT" (a capital is rarer than the space
// before them, which strings.Contains would stop at again and again).
func findDayStamp(s string) []int {
	if !strings.Contains(s, "BST") && !strings.Contains(s, "GMT") {
		return nil
	}
	return dayStampRe.FindStringIndex(s)
}

// findIfHolds returns where re matches in s, or nil: only when s holds
// piece, which every match of re holds (most texts do not, and a pattern
// that opens with no fixed text is tried at every byte).
func findIfHolds(re *regexp.Regexp, s, piece string) []int {
	if !strings.Contains(s, piece) {
		return nil
	}
	return re.FindStringIndex(s)
}

// cutDayStamp cuts a day stamp run into line i, and the caption after it
// when the next line opens with the caption's credit ("Photograph: ...").
func (d *doc) cutDayStamp(i int) {
	l := &d.lines[i]
	p := &d.probe
	if (p.s != l.s || p.may("; ") && p.may("day, ")) && strings.Contains(l.s, "; ") && strings.Contains(l.s, "day, ") {
		if m := paperStampRe.FindStringIndex(l.s); m != nil && m[1] < len(l.s) {
			// "Sunday, May 16, 2010; 4:43 PM BP inserted a new tube ...":
			// the stamp alone, the story goes on
			d.debris = append(d.debris, storyline.Debris{Rule: RuleDateLine, Text: l.s[m[0]:m[1]], Offset: l.off + m[0]})
			l.s = strings.TrimSpace(strings.TrimSpace(l.s[:m[0]]) + " " + strings.TrimSpace(l.s[m[1]:]))
		}
	}
	if p.s == l.s && !p.may("BST") && !p.may("GMT") {
		return // the furniture rules' probe of the line says it holds neither
	}
	m := findDayStamp(l.s)
	if m == nil {
		return
	}
	end := m[1]
	if next := d.nextText(i); next == i+1 && isCreditLine(d.lines[next].s) {
		end = len(l.s) // the caption the credit below is for
	}
	d.debris = append(d.debris, storyline.Debris{Rule: RuleCaption, Text: strings.TrimSpace(l.s[m[0]:end]), Offset: l.off + m[0]})
	l.s = strings.TrimSpace(strings.TrimSpace(l.s[:m[0]]) + " " + strings.TrimSpace(l.s[end:]))
}

// isCreditLine reports whether a line opens with a picture's credit label.
func isCreditLine(s string) bool {
	for _, l := range creditLabels {
		if strings.HasPrefix(s, l) {
			return true
		}
	}
	return false
}

// cutOpeningCredit cuts a picture credit opening line i, run together with
// the story's sentence after it (see openingCredit), before the line is
// judged: with the credit, the line would read as a caption. It reports
// whether it cut one.
func (d *doc) cutOpeningCredit(i int) bool {
	l := &d.lines[i]
	if !strings.HasPrefix(l.s, "P") {
		return false
	}
	n := openingCredit(l.s)
	if n == 0 {
		return false
	}
	d.debris = append(d.debris, storyline.Debris{Rule: RuleCaption, Text: strings.TrimSpace(l.s[:n]), Offset: l.off})
	l.s = l.s[n:]
	if l.off >= 0 {
		l.off += n
	}
	return true
}
