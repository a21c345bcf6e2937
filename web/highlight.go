package web

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// Mark is one highlighted span of an article's text.
type Mark struct {
	Start, End int
	Class      string // "ent ent-person", "date", "quote", "cited"
	Title      string // shown on hover
}

// Segment is a run of text under the same marks. Segments never cross a
// paragraph boundary.
type Segment struct {
	Text  string
	Class string // the classes of every mark over it, "" for plain text
	Title string
	ID    string // "cited" on the first segment of the cited sentence
}

// Paragraph is one paragraph of an article, cut into segments.
type Paragraph []Segment

// Marks collects the highlights of an article: entity mentions, time
// expressions (titled with their resolved value), quotes and the cited
// span [citeStart, citeEnd) when citeEnd > citeStart.
func Marks(an *storyline.Analysis, citeStart, citeEnd int) []Mark {
	var ms []Mark
	if an != nil {
		for _, m := range an.Mentions {
			title := m.Name
			if m.Kind != "" {
				title += " (" + string(m.Kind) + ")"
			}
			if m.Role != "" {
				title += ", " + m.Role
			}
			if m.Via != "" && m.Via != "name" {
				title += " [via " + m.Via + "]"
			}
			ms = append(ms, Mark{m.Start, m.End, "ent ent-" + classWord(string(m.Kind)), title})
		}
		for _, t := range an.Timexes {
			title := t.Type + " " + t.Value
			if t.Anchor != "" {
				title += " (from " + t.Anchor + ")"
			}
			ms = append(ms, Mark{t.Start, t.End, "date", strings.TrimSpace(title)})
		}
		for _, q := range an.Quotes {
			kind := "indirect quote"
			if q.Direct {
				kind = "quote"
			}
			ms = append(ms, Mark{q.Start, q.End, "quote", fmt.Sprintf("%s: %s", kind, q.Speaker)})
			if q.SpeakerEnd > q.SpeakerStart {
				ms = append(ms, Mark{q.SpeakerStart, q.SpeakerEnd, "speaker", "speaker of a quote"})
			}
		}
	}
	if citeEnd > citeStart {
		ms = append(ms, Mark{citeStart, citeEnd, "cited", "the sentence cited"})
	}
	return ms
}

// classWord keeps a CSS class to letters.
func classWord(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, strings.ToLower(s))
}

// Highlight cuts text into paragraphs (split at blank lines) and each
// paragraph into segments under the marks. Marks out of range, empty, or
// not on character boundaries are clamped or dropped, never trusted:
// offsets come from stored analyses that may be stale.
func Highlight(text string, marks []Mark) []Paragraph {
	var ms []Mark
	for _, m := range marks {
		if m.Start < 0 {
			m.Start = 0
		}
		if m.End > len(text) {
			m.End = len(text)
		}
		for m.Start < m.End && !utf8.RuneStart(text[m.Start]) {
			m.Start++
		}
		for m.End < len(text) && m.End > m.Start && !utf8.RuneStart(text[m.End]) {
			m.End--
		}
		if m.Start >= m.End {
			continue
		}
		ms = append(ms, m)
	}
	var paras []Paragraph
	for _, p := range paragraphs(text) {
		cuts := map[int]bool{p[0]: true, p[1]: true}
		for _, m := range ms {
			if m.Start > p[0] && m.Start < p[1] {
				cuts[m.Start] = true
			}
			if m.End > p[0] && m.End < p[1] {
				cuts[m.End] = true
			}
		}
		pos := make([]int, 0, len(cuts))
		for c := range cuts {
			pos = append(pos, c)
		}
		sort.Ints(pos)
		var para Paragraph
		for i := 0; i+1 < len(pos); i++ {
			a, b := pos[i], pos[i+1]
			seg := Segment{Text: text[a:b]}
			var classes, titles []string
			for _, m := range ms {
				if m.Start <= a && b <= m.End {
					classes = appendNew(classes, strings.Fields(m.Class)...)
					titles = appendNew(titles, m.Title)
				}
			}
			seg.Class = strings.Join(classes, " ")
			seg.Title = strings.Join(titles, "; ")
			para = append(para, seg)
		}
		paras = append(paras, para)
	}
	// The first cited segment is the anchor the citation links jump to.
	for i := range paras {
		for j := range paras[i] {
			if hasClass(paras[i][j].Class, "cited") {
				paras[i][j].ID = "cited"
				return paras
			}
		}
	}
	return paras
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if it == "" {
			continue
		}
		found := false
		for _, l := range list {
			if l == it {
				found = true
				break
			}
		}
		if !found {
			list = append(list, it)
		}
	}
	return list
}

func hasClass(classes, c string) bool {
	for _, f := range strings.Fields(classes) {
		if f == c {
			return true
		}
	}
	return false
}

// paragraphs returns the [start, end) byte ranges of the paragraphs of
// text: runs of lines separated by blank lines, trimmed of surrounding
// white space.
func paragraphs(text string) [][2]int {
	var out [][2]int
	i := 0
	for i < len(text) {
		j := strings.Index(text[i:], "\n\n")
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		a, b := i, end
		for a < b && isSpace(text[a]) {
			a++
		}
		for b > a && isSpace(text[b-1]) {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
		if j < 0 {
			break
		}
		i = end + 2
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
