package tilse

import (
	"strings"
)

// This file reproduces the ROUGE counts tilse asks of ROUGE-1.5.5
// (options -n 2 -m -s -f A -t 2): each summary's sentences are written
// one to a line of a SEE file, read back, joined with spaces, lowercased,
// stripped of everything but letters, digits and hyphens, split into
// words; stopwords are dropped, words longer than three letters are
// Porter-stemmed, and n-grams are counted across the whole summary.
//
// One difference remains: ROUGE first looks a word up in WordNet 2.0's
// exception lists (irregular forms such as "children" -> "child") before
// Porter-stemming it. That database is not carried here, so irregular
// forms are Porter-stemmed like any other word.

// grams is a bag of n-grams with its size.
type grams struct {
	count map[string]int
	total int
}

// rougeWords turns a summary (sentences whose tokens are separated by
// white space) into the words ROUGE counts.
func rougeWords(sents []string) []string {
	var words []string
	for _, s := range sents {
		// tilse writes each sentence as its tokens joined by one space,
		// with "^" escaped; ROUGE reads the line up to the first "<" and
		// skips a line with no text at all.
		s = strings.Join(strings.Fields(s), " ")
		s = strings.ReplaceAll(s, "^", "&circ;")
		if i := strings.IndexByte(s, '<'); i >= 0 {
			s = s[:i]
		}
		if s == "" {
			continue
		}
		for _, w := range strings.Fields(cleanROUGE(s)) {
			if _, stop := rougeStopwords[w]; stop {
				continue
			}
			c := w[0]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '$') {
				continue
			}
			if len(w) > 3 {
				w = porterStem(w)
			}
			words = append(words, w)
		}
	}
	return words
}

// cleanROUGE lowercases ASCII letters, puts spaces around hyphens and
// replaces every other byte that is not a letter or digit by a space.
func cleanROUGE(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '-':
			b.WriteString(" - ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func makeGrams(words []string, n int) grams {
	g := grams{count: map[string]int{}}
	for i := 0; i+n <= len(words); i++ {
		g.count[strings.Join(words[i:i+n], " ")]++
		g.total++
	}
	return g
}

// counts are ROUGE's raw counts for one peer against its models: hits,
// peer n-grams (counted once per model, as score mode A does) and model
// n-grams.
type counts struct {
	hit, peer, model float64
}

func (c *counts) add(o counts) {
	c.hit += o.hit
	c.peer += o.peer
	c.model += o.model
}

// rougeCounts scores a peer against models as ROUGE's computeNGramScore
// does in model-average mode: clipped hits summed over the models.
func rougeCounts(peer grams, models []grams) counts {
	var c counts
	for _, m := range models {
		for g, mc := range m.count {
			if pc, ok := peer.count[g]; ok {
				c.hit += float64(min(pc, mc))
			}
		}
		c.model += float64(m.total)
		c.peer += float64(peer.total)
	}
	return c
}

// approxROUGE1 is tilse's util.compute_rouge_approximation: a ROUGE-1 F1
// on the raw white-space tokens (no lowercasing, stemming or stopwords),
// used only to build the alignment costs.
func approxROUGE1(pred []string, refs [][]string) float64 {
	pc := map[string]int{}
	npred := 0
	for _, s := range pred {
		for _, t := range strings.Fields(s) {
			pc[t]++
			npred++
		}
	}
	match, nref := 0, 0
	for _, ref := range refs {
		rc := map[string]int{}
		for _, s := range ref {
			for _, t := range strings.Fields(s) {
				rc[t]++
				nref++
			}
		}
		for t, n := range pc {
			match += min(n, rc[t])
		}
	}
	var p, r float64
	if d := len(refs) * npred; d != 0 {
		p = float64(match) / float64(d)
	}
	if nref != 0 {
		r = float64(match) / float64(nref)
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
