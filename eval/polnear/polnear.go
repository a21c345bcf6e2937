// Package polnear reads the PolNeAR attribution corpus (brat standoff
// annotations of political news) and scores quote extractors against it.
//
// Scoring follows issue 4: where an article has several annotators' files,
// the first in name order is gold. A predicted attribution matches a gold
// one when their content spans overlap by at least half of the shorter
// (pairs are matched one to one, largest overlap first). Precision, recall
// and F1 are reported overall and for direct quotes (content inside
// quotation marks), and speaker accuracy on the matched pairs.
package polnear

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range of character (rune) offsets into a document's
// text, as brat counts them.
type Span struct {
	Start, End int
}

func (s Span) len() int { return s.End - s.Start }

// Attribution is one gold attribution relation.
type Attribution struct {
	Source  []Span // empty for an attribution without a source
	Cue     []Span
	Content []Span
	// Direct is true when the content is a quotation: it opens with a
	// quotation mark or sits right after one.
	Direct bool
}

// Document is one article with its gold attributions.
type Document struct {
	Name         string // the text file's name without ".txt"
	Text         string
	Annotator    string // the annotation file that was used as gold
	Attributions []Attribution
}

// ReadDir reads a PolNeAR compartment: dir holds text/NAME.txt and
// attributions/NAME_ANNOTATOR.ann. Articles are returned in name order.
func ReadDir(dir string) ([]Document, error) {
	textDir := filepath.Join(dir, "text")
	annDir := filepath.Join(dir, "attributions")
	texts, err := filepath.Glob(filepath.Join(textDir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list polnear texts in %s: %w", textDir, err)
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("read polnear %s: no text/*.txt files (want a compartment such as polnear/dev)", dir)
	}
	anns, err := filepath.Glob(filepath.Join(annDir, "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("list polnear annotations in %s: %w", annDir, err)
	}
	sort.Strings(anns)
	first := map[string]string{} // article name -> first annotation file
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			return nil, fmt.Errorf("read polnear %s: annotation file name has no _ANNOTATOR suffix", a)
		}
		if _, ok := first[base[:i]]; !ok {
			first[base[:i]] = a
		}
	}
	sort.Strings(texts)
	docs := make([]Document, 0, len(texts))
	for _, t := range texts {
		name := strings.TrimSuffix(filepath.Base(t), ".txt")
		ann, ok := first[name]
		if !ok {
			return nil, fmt.Errorf("read polnear %s: no annotation file %s_*.ann in %s", t, name, annDir)
		}
		b, err := os.ReadFile(t)
		if err != nil {
			return nil, fmt.Errorf("read polnear text: %w", err)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("read polnear %s: text is not valid UTF-8", t)
		}
		f, err := os.Open(ann)
		if err != nil {
			return nil, fmt.Errorf("read polnear annotations: %w", err)
		}
		atts, err := ParseAnn(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read polnear %s: %w", ann, err)
		}
		text := string(b)
		runes := []rune(text)
		for i := range atts {
			for _, s := range append(append(atts[i].Source, atts[i].Cue...), atts[i].Content...) {
				if s.End > len(runes) {
					return nil, fmt.Errorf("read polnear %s: span %d-%d is past the end of the text (%d characters)", ann, s.Start, s.End, len(runes))
				}
			}
			atts[i].Direct = isDirect(runes, atts[i].Content)
		}
		docs = append(docs, Document{Name: name, Text: text, Annotator: filepath.Base(ann), Attributions: atts})
	}
	return docs, nil
}

// ParseAnn reads one brat .ann file and returns its attribution relations
// (events of type Attribution or Attribution-no-source) that have content,
// in file order. Other annotations (Discuss, Discard, notes) are ignored.
func ParseAnn(r io.Reader) ([]Attribution, error) {
	spans := map[string][]Span{}
	type event struct {
		line int
		args []string
	}
	var events []event
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	n := 0
	lastT := false
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 && lastT {
			continue // the covered text of a span across a line break
		}
		lastT = line[0] == 'T'
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want tab-separated fields, got %q", n, truncate(line))
		}
		id := fields[0]
		if id == "" {
			return nil, fmt.Errorf("line %d: annotation has no ID", n)
		}
		switch id[0] {
		case 'T':
			// T12	Content 728 767;784 1029	text
			typ, ranges, ok := strings.Cut(fields[1], " ")
			if !ok {
				return nil, fmt.Errorf("line %d: text-bound annotation %s has no offsets", n, id)
			}
			_ = typ
			var ss []Span
			for _, part := range strings.Split(ranges, ";") {
				a, b, ok := strings.Cut(part, " ")
				if !ok {
					return nil, fmt.Errorf("line %d: offsets %q of %s are not START END", n, part, id)
				}
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || s < 0 || e < s {
					return nil, fmt.Errorf("line %d: offsets %q of %s are not START END", n, part, id)
				}
				ss = append(ss, Span{s, e})
			}
			spans[id] = ss
		case 'E':
			events = append(events, event{n, strings.Fields(fields[1])})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []Attribution
	for _, ev := range events {
		if len(ev.args) == 0 {
			continue
		}
		typ, _, _ := strings.Cut(ev.args[0], ":")
		if typ != "Attribution" && typ != "Attribution-no-source" {
			continue
		}
		var a Attribution
		for _, arg := range ev.args[1:] {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				return nil, fmt.Errorf("line %d: event argument %q is not ROLE:ID", ev.line, arg)
			}
			ss, ok := spans[ref]
			if !ok {
				return nil, fmt.Errorf("line %d: event refers to %s, which is not defined", ev.line, ref)
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				a.Source = append(a.Source, ss...)
			case "Cue":
				a.Cue = append(a.Cue, ss...)
			case "Content":
				a.Content = append(a.Content, ss...)
			}
		}
		if len(a.Content) == 0 {
			continue
		}
		sortSpans(a.Content)
		out = append(out, a)
	}
	return out, nil
}

func sortSpans(ss []Span) {
	sort.Slice(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
}

func truncate(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

func isOpenQuote(r rune) bool {
	switch r {
	case '"', '“', '‘', '«', '„', '\'':
		return true
	}
	return false
}

// isDirect reports whether content opens with a quotation mark or comes
// right after an opening one. A straight mark opens the content only when
// the content starts right after it: one followed by a space closes the
// quotation before (`... abortion." Planned Parenthood's president said`).
func isDirect(text []rune, content []Span) bool {
	if len(content) == 0 {
		return false
	}
	s := content[0]
	for i := s.Start; i < s.End; i++ {
		if !unicode.IsSpace(text[i]) {
			if isOpenQuote(text[i]) {
				return true
			}
			break
		}
	}
	for i := s.Start - 1; i >= 0; i-- {
		if !unicode.IsSpace(text[i]) {
			return text[i] == '“' || text[i] == '«' || text[i] == '„' ||
				(text[i] == '"' && i == s.Start-1 && (i == 0 || !unicode.IsLetter(text[i-1]) && !unicode.IsDigit(text[i-1])))
		}
	}
	return false
}

func spanText(text []rune, ss []Span) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(text[s.Start:s.End]))
	}
	return b.String()
}
