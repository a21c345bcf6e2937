// Package ecbplus reads the ECB+ event coreference corpus (Cybulska and
// Vossen 2014) as a document clustering benchmark, and scores clusterings
// of documents against it.
//
// Each ECB+ topic folder holds documents about two real-world events of the
// same kind: files named *ecb.xml report one, files named *ecbplus.xml the
// other. The gold cluster of a document is its topic and its half.
package ecbplus

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Doc is one ECB+ document with its text rebuilt from its tokens.
type Doc struct {
	Name  string // file name, e.g. "1_10ecb.xml"
	Topic string // topic folder, e.g. "1"
	// Gold is the gold event: the topic and "ecb" or "ecbplus".
	Gold string
	// Sentences are the document's sentences, detokenised, in order.
	Sentences []string
	// URL is the address the document was taken from, when its first
	// sentence gives one (every *ecbplus.xml document, no *ecb.xml one).
	// It is not part of the text: left in, it would mark which half of a
	// topic a document belongs to, which no real article says.
	URL string
}

// Title is the first sentence (after the address, if any): in ECB+ a
// headline or the lead sentence.
func (d *Doc) Title() string {
	if len(d.Sentences) == 0 {
		return ""
	}
	return d.Sentences[0]
}

// Text is the whole text: one sentence a line.
func (d *Doc) Text() string { return strings.Join(d.Sentences, "\n") }

type xmlToken struct {
	ID       int    `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Number   int    `xml:"number,attr"`
	Text     string `xml:",chardata"`
}

type xmlDocument struct {
	Name   string     `xml:"doc_name,attr"`
	Tokens []xmlToken `xml:"token"`
}

// Parse reads one ECB+ token XML document. name is the file name; it decides
// the gold event ("_12ecbplus.xml" or "_12ecb.xml").
func Parse(r io.Reader, topic, name string) (*Doc, error) {
	var x xmlDocument
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("parse ecb+ document %s: %w", name, err)
	}
	half := ""
	switch {
	case strings.HasSuffix(name, "ecbplus.xml"):
		half = "ecbplus"
	case strings.HasSuffix(name, "ecb.xml"):
		half = "ecb"
	default:
		return nil, fmt.Errorf("parse ecb+ document %s: name ends in neither ecb.xml nor ecbplus.xml", name)
	}
	if len(x.Tokens) == 0 {
		return nil, fmt.Errorf("parse ecb+ document %s: no tokens", name)
	}
	sort.SliceStable(x.Tokens, func(i, j int) bool {
		if x.Tokens[i].Sentence != x.Tokens[j].Sentence {
			return x.Tokens[i].Sentence < x.Tokens[j].Sentence
		}
		return x.Tokens[i].Number < x.Tokens[j].Number
	})
	d := &Doc{Name: name, Topic: topic, Gold: topic + "/" + half}
	var words []string
	cur := x.Tokens[0].Sentence
	for _, t := range x.Tokens {
		if t.Sentence != cur {
			if s := Detokenize(words); s != "" {
				d.Sentences = append(d.Sentences, s)
			}
			words, cur = words[:0], t.Sentence
		}
		words = append(words, strings.TrimSpace(t.Text))
	}
	if s := Detokenize(words); s != "" {
		d.Sentences = append(d.Sentences, s)
	}
	if len(d.Sentences) > 0 {
		if u := strings.ReplaceAll(d.Sentences[0], " ", ""); strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			d.URL, d.Sentences = u, d.Sentences[1:]
		}
	}
	if len(d.Sentences) == 0 {
		return nil, fmt.Errorf("parse ecb+ document %s: no text besides its address", name)
	}
	return d, nil
}

// Detokenize joins PTB-style tokens back into running text: no space before
// closing punctuation and clitics, none after opening brackets and quotes.
func Detokenize(tokens []string) string {
	var b strings.Builder
	noSpaceNext := true
	openQuote := false
	for _, t := range tokens {
		if t == "" {
			continue
		}
		switch t {
		case "-LRB-":
			t = "("
		case "-RRB-":
			t = ")"
		case "``", "''":
			t = `"`
		}
		attach := false
		switch {
		case t == `"`:
			attach = openQuote // a closing quote attaches to the left
		case strings.ContainsAny(t[:1], ".,;:!?)%]}") && len(t) <= 3:
			attach = true
		case t == "'s" || t == "'re" || t == "'ve" || t == "'ll" || t == "'d" || t == "'m" || t == "n't" || t == "'":
			attach = true
		}
		if !noSpaceNext && !attach {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		noSpaceNext = false
		switch {
		case t == `"`:
			if !openQuote {
				noSpaceNext = true
			}
			openQuote = !openQuote
		case t == "(" || t == "[" || t == "{" || t == "$":
			noSpaceNext = true
		}
	}
	return b.String()
}

// Load reads every topic folder under dir (folders named by number), in
// topic order then file name order. topics limits the topics read; nil reads
// them all.
func Load(dir string, topics []int) ([]*Doc, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read ecb+ folder: %w", err)
	}
	want := map[int]bool{}
	for _, t := range topics {
		want[t] = true
	}
	var nums []int
	for _, e := range entries {
		n, err := strconv.Atoi(e.Name())
		if err != nil || !e.IsDir() {
			continue
		}
		if len(want) > 0 && !want[n] {
			continue
		}
		nums = append(nums, n)
	}
	if len(nums) == 0 {
		return nil, fmt.Errorf("read ecb+ folder %s: no topic folders (want folders named 1, 2, ... holding *ecb.xml files)", dir)
	}
	sort.Ints(nums)
	var docs []*Doc
	for _, n := range nums {
		topic := strconv.Itoa(n)
		files, err := filepath.Glob(filepath.Join(dir, topic, "*.xml"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			d, err := parseFile(f, topic)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
	}
	return docs, nil
}

func parseFile(path, topic string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read ecb+ document: %w", err)
	}
	defer f.Close()
	return Parse(f, topic, filepath.Base(path))
}
