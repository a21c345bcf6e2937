// Package entities scores entity recognition on articles annotated inline:
// [span]{kind} or [span]{kind=Canonical Name}. The set written for
// storyline is embedded (annotated.txt); see its header for the rules.
package entities

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	storyline "github.com/storyline/storyline"
)

//go:embed annotated.txt
var annotated string

//go:embed heldout.txt
var heldout string

//go:embed fresh.txt
var fresh string

// Default returns the annotated articles written for storyline, on which
// the rules of package entity were developed.
func Default() []Article { return mustParse(annotated) }

// HeldOut returns further annotated articles, written after the rules were
// tuned on Default and scored once before the rules were tuned on them too.
func HeldOut() []Article { return mustParse(heldout) }

// Fresh returns annotated articles written after all tuning and not used
// for it: the honest measure.
func Fresh() []Article { return mustParse(fresh) }

func mustParse(s string) []Article {
	as, err := Parse(strings.NewReader(s))
	if err != nil {
		panic("eval/entities: embedded set does not parse: " + err.Error())
	}
	return as
}

// Article is one annotated article: its plain text and gold mentions.
type Article struct {
	ID       string
	Text     string
	Mentions []storyline.Mention // Kind, Name, Start, End, Text; Via "coref" for descriptions and pronouns
}

// Parse reads annotated articles: "### id" lines start one, "#" lines are
// comments. A malformed mark is an error naming the article and line.
func Parse(r io.Reader) ([]Article, error) {
	var out []Article
	var cur *Article
	var body []string
	flush := func() error {
		if cur == nil {
			return nil
		}
		text, ms, err := strip(strings.TrimSpace(strings.Join(body, "\n")))
		if err != nil {
			return fmt.Errorf("article %s: %w", cur.ID, err)
		}
		cur.Text, cur.Mentions = text, ms
		out = append(out, *cur)
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "### "):
			if err := flush(); err != nil {
				return nil, err
			}
			cur = &Article{ID: strings.TrimSpace(line[4:])}
			body = nil
		case strings.HasPrefix(line, "#"):
		case cur != nil:
			body = append(body, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read annotated articles: %w", err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// strip removes the marks from s and returns the plain text and mentions.
func strip(s string) (string, []storyline.Mention, error) {
	var b strings.Builder
	var ms []storyline.Mention
	for i := 0; i < len(s); {
		if s[i] != '[' {
			b.WriteByte(s[i])
			i++
			continue
		}
		close := strings.IndexByte(s[i:], ']')
		if close < 0 || i+close+1 >= len(s) || s[i+close+1] != '{' {
			return "", nil, fmt.Errorf("unclosed mark at byte %d: %.30q", i, s[i:])
		}
		end := strings.IndexByte(s[i+close:], '}')
		if end < 0 {
			return "", nil, fmt.Errorf("unclosed label at byte %d", i)
		}
		span := s[i+1 : i+close]
		label := s[i+close+2 : i+close+end]
		kind, name, _ := strings.Cut(label, "=")
		switch storyline.EntityKind(kind) {
		case storyline.Person, storyline.Org, storyline.Place:
		default:
			return "", nil, fmt.Errorf("mark %q: kind %q is not person, org or place", span, kind)
		}
		if name == "" {
			name = span
		}
		m := storyline.Mention{Start: b.Len(), Text: span, Kind: storyline.EntityKind(kind), Name: name}
		b.WriteString(span)
		m.End = b.Len()
		if r, _ := utf8.DecodeRuneInString(span); !unicode.IsUpper(r) || corefWords[strings.ToLower(strings.Fields(span)[0])] {
			m.Via = "coref"
		}
		ms = append(ms, m)
		i += close + end + 1
	}
	return b.String(), ms, nil
}

// corefWords start a description or are pronouns: "The ambassador", "His".
var corefWords = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true,
	"her": true, "their": true, "he": true, "she": true, "him": true, "hers": true}

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Precision, Recall and F1 of the counts (0 when undefined).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }
func (c Counts) Recall() float64    { return ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is the score of an extractor on a set of articles.
type Report struct {
	Articles int `json:"articles"`
	// Kinds scores named mentions (names, short forms, adjectives and
	// capitals acting as states) by exact span and kind, per kind and "all".
	Kinds map[string]Counts `json:"kinds"`
	// Names counts matched named mentions whose resolved Name is the gold one.
	NameCorrect int `json:"name_correct"`
	NameTotal   int `json:"name_total"`
	// Coref scores descriptions and pronouns: a predicted one is right when
	// its span overlaps a gold one that names the same person.
	Coref  Counts   `json:"coref"`
	Errors []string `json:"errors,omitempty"`
}

// Score runs extract on every article and compares it with the gold mentions.
func Score(articles []Article, extract func(string) []storyline.Mention) Report {
	rep := Report{Articles: len(articles), Kinds: map[string]Counts{}}
	bump := func(kind string, f func(*Counts)) {
		c := rep.Kinds[kind]
		f(&c)
		rep.Kinds[kind] = c
		a := rep.Kinds["all"]
		f(&a)
		rep.Kinds["all"] = a
	}
	for _, a := range articles {
		pred := extract(a.Text)
		type key struct{ s, e int }
		gold := map[key]storyline.Mention{}
		var goldCoref []storyline.Mention
		for _, m := range a.Mentions {
			if m.Via == "coref" {
				goldCoref = append(goldCoref, m)
				continue
			}
			gold[key{m.Start, m.End}] = m
		}
		seen := map[key]bool{}
		var predCoref []storyline.Mention
		for _, p := range pred {
			if p.Via == "role" || p.Via == "pronoun" {
				predCoref = append(predCoref, p)
				continue
			}
			k := key{p.Start, p.End}
			g, ok := gold[k]
			if ok && g.Kind == p.Kind && !seen[k] {
				seen[k] = true
				bump(string(p.Kind), func(c *Counts) { c.TP++ })
				rep.NameTotal++
				if strings.EqualFold(g.Name, p.Name) {
					rep.NameCorrect++
				} else {
					rep.Errors = append(rep.Errors, fmt.Sprintf("%s: name %q: got %q, want %q", a.ID, p.Text, p.Name, g.Name))
				}
				continue
			}
			bump(string(p.Kind), func(c *Counts) { c.FP++ })
			want := "nothing"
			if ok {
				want = string(g.Kind)
			}
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: spurious %s %q (gold: %s)", a.ID, p.Kind, p.Text, want))
		}
		for k, g := range gold {
			if !seen[k] {
				bump(string(g.Kind), func(c *Counts) { c.FN++ })
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: missed %s %q", a.ID, g.Kind, g.Text))
			}
		}
		used := make([]bool, len(goldCoref))
		for _, p := range predCoref {
			hit := false
			for i, g := range goldCoref {
				if !used[i] && p.Start < g.End && g.Start < p.End && strings.EqualFold(p.Name, g.Name) {
					used[i], hit = true, true
					break
				}
			}
			if hit {
				rep.Coref.TP++
			} else {
				rep.Coref.FP++
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: wrong coreference %q -> %q", a.ID, p.Text, p.Name))
			}
		}
		for i, g := range goldCoref {
			if !used[i] {
				rep.Coref.FN++
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: missed coreference %q -> %q", a.ID, g.Text, g.Name))
			}
		}
	}
	sort.Strings(rep.Errors)
	return rep
}
