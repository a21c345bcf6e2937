package polnear

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// Counts are the precision, recall and F1 of one kind of attribution.
type Counts struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Matched   int     `json:"matched"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (c *Counts) finish() {
	if c.Predicted > 0 {
		c.Precision = float64(c.Matched) / float64(c.Predicted)
	}
	if c.Gold > 0 {
		c.Recall = float64(c.Matched) / float64(c.Gold)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

// Report is the score of an extractor on a set of documents.
type Report struct {
	Documents int    `json:"documents"`
	Overall   Counts `json:"overall"`
	Direct    Counts `json:"direct"`
	Indirect  Counts `json:"indirect"`
	// F1, DirectF1 and SpeakerAccuracy repeat the headline numbers.
	F1       float64 `json:"f1"`
	DirectF1 float64 `json:"direct_f1"`
	// SpeakerAccuracy is over the matched pairs whose gold attribution has
	// a source: the predicted speaker span overlaps the gold source span,
	// or the predicted speaker's name contains the gold source's last word
	// (the same person named elsewhere).
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	SpeakerPairs    int     `json:"speaker_pairs"`
	SpeakerCorrect  int     `json:"speaker_correct"`
}

// Extractor finds the quotes in a text; offsets are byte offsets.
type Extractor func(text string) []storyline.Quote

// Score runs extract on every document and scores it against the gold.
func Score(docs []Document, extract Extractor) Report {
	var r Report
	r.Documents = len(docs)
	for _, d := range docs {
		preds := extract(d.Text)
		ScoreDocument(&r, d, preds)
	}
	r.Finish()
	return r
}

// Prediction is a predicted attribution in character offsets.
type Prediction struct {
	Content []Span
	Speaker Span
	Name    string
	Direct  bool
}

// Predictions converts quotes with byte offsets into text to character
// offsets.
func Predictions(text string, quotes []storyline.Quote) []Prediction {
	conv := runeIndex(text)
	out := make([]Prediction, 0, len(quotes))
	for _, q := range quotes {
		p := Prediction{Name: q.Speaker, Direct: q.Direct}
		if len(q.Parts) > 0 {
			for _, pt := range q.Parts {
				p.Content = append(p.Content, Span{conv(pt[0]), conv(pt[1])})
			}
		} else {
			p.Content = []Span{{conv(q.Start), conv(q.End)}}
		}
		if q.SpeakerEnd > q.SpeakerStart {
			p.Speaker = Span{conv(q.SpeakerStart), conv(q.SpeakerEnd)}
		}
		out = append(out, p)
	}
	return out
}

// runeIndex returns a function from byte offsets into text to rune offsets.
func runeIndex(text string) func(int) int {
	idx := make([]int, len(text)+1)
	n := 0
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			idx[i+k] = n
		}
		i += size
		n++
	}
	idx[len(text)] = n
	return func(b int) int {
		if b < 0 {
			return 0
		}
		if b > len(text) {
			return n
		}
		return idx[b]
	}
}

// ScoreDocument adds one document's counts to r; call r.Finish after the
// last document.
func ScoreDocument(r *Report, d Document, quotes []storyline.Quote) {
	preds := Predictions(d.Text, quotes)
	runes := []rune(d.Text)
	pairs := match(d.Attributions, preds, func(Attribution) bool { return true }, func(Prediction) bool { return true })
	add(&r.Overall, d.Attributions, preds, pairs, func(Attribution) bool { return true }, func(Prediction) bool { return true })
	isD := func(a Attribution) bool { return a.Direct }
	pD := func(p Prediction) bool { return p.Direct }
	add(&r.Direct, d.Attributions, preds, match(d.Attributions, preds, isD, pD), isD, pD)
	isI := func(a Attribution) bool { return !a.Direct }
	pI := func(p Prediction) bool { return !p.Direct }
	add(&r.Indirect, d.Attributions, preds, match(d.Attributions, preds, isI, pI), isI, pI)
	for _, pr := range pairs {
		g, p := d.Attributions[pr[0]], preds[pr[1]]
		if len(g.Source) == 0 {
			continue
		}
		r.SpeakerPairs++
		if speakerMatches(runes, g.Source, p) {
			r.SpeakerCorrect++
		}
	}
}

// Finish computes the ratios from the counts.
func (r *Report) Finish() {
	r.Overall.finish()
	r.Direct.finish()
	r.Indirect.finish()
	r.F1 = r.Overall.F1
	r.DirectF1 = r.Direct.F1
	if r.SpeakerPairs > 0 {
		r.SpeakerAccuracy = float64(r.SpeakerCorrect) / float64(r.SpeakerPairs)
	}
}

func add(c *Counts, gold []Attribution, preds []Prediction, pairs [][2]int, g func(Attribution) bool, p func(Prediction) bool) {
	for _, a := range gold {
		if g(a) {
			c.Gold++
		}
	}
	for _, x := range preds {
		if p(x) {
			c.Predicted++
		}
	}
	c.Matched += len(pairs)
}

// match pairs gold and predicted attributions one to one, largest overlap
// first, keeping pairs whose content overlaps by at least half of the
// shorter content.
func match(gold []Attribution, preds []Prediction, g func(Attribution) bool, p func(Prediction) bool) [][2]int {
	type cand struct {
		gi, pi int
		ratio  float64
	}
	var cands []cand
	for gi, a := range gold {
		if !g(a) {
			continue
		}
		gl := total(a.Content)
		for pi, x := range preds {
			if !p(x) {
				continue
			}
			pl := total(x.Content)
			short := min(gl, pl)
			if short == 0 {
				continue
			}
			ov := overlap(a.Content, x.Content)
			if 2*ov >= short && ov > 0 {
				cands = append(cands, cand{gi, pi, float64(ov) / float64(max(gl, pl))})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].ratio > cands[j].ratio })
	usedG := map[int]bool{}
	usedP := map[int]bool{}
	var out [][2]int
	for _, c := range cands {
		if usedG[c.gi] || usedP[c.pi] {
			continue
		}
		usedG[c.gi], usedP[c.pi] = true, true
		out = append(out, [2]int{c.gi, c.pi})
	}
	return out
}

func total(ss []Span) int {
	n := 0
	for _, s := range ss {
		n += s.len()
	}
	return n
}

func overlap(a, b []Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			if hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func speakerMatches(text []rune, gold []Span, p Prediction) bool {
	if p.Speaker.End > p.Speaker.Start && overlap(gold, []Span{p.Speaker}) > 0 {
		return true
	}
	if p.Name == "" {
		return false
	}
	// The same entity named elsewhere: the last capitalised word of the
	// gold source appears among the predicted name's words. A note in
	// parentheses is not the name ("Sen. Ada Morrow (D-Vt.)").
	var last string
	for _, s := range gold {
		for _, w := range strings.FieldsFunc(withoutParens(string(text[s.Start:s.End])), func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-'
		}) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !function[strings.ToLower(w)] {
				last = w
			}
		}
	}
	if last == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(p.Name, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if strings.EqualFold(w, last) {
			return true
		}
	}
	return false
}

// function words are not names, even capitalised.
var function = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "they": true, "it": true,
	"we": true, "i": true, "his": true, "her": true, "their": true, "its": true, "our": true,
	"this": true, "that": true, "these": true, "those": true, "you": true,
}

// withoutParens drops text in parentheses.
func withoutParens(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
