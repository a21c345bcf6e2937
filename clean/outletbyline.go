package clean

import (
	"regexp"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// A broadcaster's byline may run into the story's first sentence on one
// line: the name, perhaps a role, the outlet, perhaps a comma and the
// place the reporter files from, then the story ("By Jane Roe Science
// reporter, BBC News, Cardiff Ministers said ...", "By John Doe, BBC
// health correspondent The hospital ..."). Where the place ends and the
// story begins is told by the gazetteer: the longest run of words after
// the comma that names a place. A place the gazetteer does not know, or
// one the next word may continue ("Niger" before "Delta"), leaves the
// line as it is: a byline left in the text is a smaller harm than a story
// word cut from it. Without a comma the story starts after the outlet
// ("BBC News London Mayor ..." keeps "London Mayor").

// outletBylineRe is the byline up to the outlet: "By", the name with
// perhaps a role ("Business reporter", "Presenter"), and the BBC's unit,
// a programme or a role written after it ("BBC NI business reporter").
var outletBylineRe = regexp.MustCompile(`^By ([^,|]{3,60}?)(?: ?,)? BBC (?:News|World News|Panorama|Newsnight|(?:NI |Scotland |Wales )?(?:[a-z]+ ){0,3}(?:reporter|correspondent|editor))(?: ?, | )`)

// roleRe is a reporter's role written after the name, "Business
// reporter", "Environment correspondent", "Presenter".
var roleRe = regexp.MustCompile(`(?: [A-Z][a-z]+(?: [a-z]+){0,3} (?:reporter|correspondent|editor)| (?:Presenter|Reporter|Correspondent|Editor))$`)

// placeContinues are words that, after a place, may make a longer place
// name the gazetteer lacks ("Niger Delta", "Texas Gulf Coast").
var placeContinues = map[string]bool{"Delta": true, "Valley": true, "Lake": true, "River": true, "Bay": true,
	"Coast": true, "Gulf": true, "Island": true, "Islands": true, "Sea": true, "Mountains": true, "Basin": true,
	"City": true, "County": true, "State": true, "Province": true, "Region": true, "Peninsula": true, "Strait": true}

// outletByline returns the length, with the space after it, of a byline
// run into the story at the start of s, and the reporter's name; n is 0
// when s opens with no byline so, or its end is not certain.
func outletByline(s string) (n int, name string) {
	if !strings.HasPrefix(s, "By ") || !strings.Contains(s, "BBC ") {
		return 0, ""
	}
	m := outletBylineRe.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, ""
	}
	name = roleRe.ReplaceAllString(s[m[2]:m[3]], "")
	if w := len(strings.Fields(name)); w < 2 || w > 4 || !looksLikeName(name) {
		return 0, ""
	}
	n = m[1]
	if strings.HasSuffix(s[:n], ", ") {
		p := placeAt(s[n:])
		if p == 0 {
			return 0, ""
		}
		n += p
	}
	if rest := s[n:]; rest == "" || !startsUpper(rest) {
		return 0, ""
	}
	return n, name
}

// placeAt returns the length, with the space after it, of the longest run
// of one to three capitalised words opening s that the gazetteer names as
// a place, followed by a capitalised word that no place name continues
// with; 0 when there is none.
func placeAt(s string) int {
	words := strings.Fields(s)
	for k := min(3, len(words)-1); k >= 1; k-- {
		if !allCapitalised(words[:k]) || placeContinues[words[k]] || !startsUpper(words[k]) {
			continue
		}
		if entity.IsPlace(strings.Join(words[:k], " ")) {
			return len(strings.Join(words[:k], " ")) + 1
		}
	}
	return 0
}

func allCapitalised(words []string) bool {
	for _, w := range words {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// cutOutletByline cuts a byline run into the story from the first line of
// the text (outletByline) into Byline, and reports whether it did.
func (d *doc) cutOutletByline() bool {
	i := d.firstText()
	if i < 0 {
		return false
	}
	l := &d.lines[i]
	n, name := outletByline(l.s)
	if n == 0 {
		return false
	}
	if d.a.Byline == "" {
		d.a.Byline = name
	}
	d.debris = append(d.debris, storyline.Debris{Rule: RuleByline, Text: strings.TrimSpace(l.s[:n]), Offset: l.off})
	l.s = l.s[n:]
	if l.off >= 0 {
		l.off += n
	}
	return true
}
