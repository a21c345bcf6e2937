package timeline

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// Document is an article with its time expressions (offsets into its
// text, as timex.Tag returns them), as Summarize reads it.
type Document struct {
	Article *storyline.Article
	Timexes []storyline.Timex
}

// SummaryOptions shape a summary timeline.
type SummaryOptions struct {
	Title string
	// From and To bound the days that may be picked; either may be zero.
	From, To storyline.Date
	// Dates is the number of days to pick (0: every day referred to).
	Dates int
	// PerDate is the number of sentences to write for each day (default 1).
	PerDate int
	// Keywords, when set, are lowercased words or phrases of which a
	// chosen sentence must hold one.
	Keywords []string
}

// How a summary picks and fills its days.
const (
	// leadSentences of an article without a date of their own speak of
	// its publication day or the day before (news reports what happened
	// today or yesterday).
	leadSentences = 5
	pubWindow     = 2 // the publication day and the day before
	// maxSummaryWords keeps run-on sentences (captions glued to text,
	// lists) out of a summary.
	maxSummaryWords = 50
)

// Summarize builds a summary timeline as date-wise timeline summarisation
// does (Gholipour Ghalandari and Ifrim, 2020): it first picks the days,
// then writes each day's sentences.
//
// A day's importance is how many reports refer to it, and how
// confidently: each article counts once for each day that the first time
// expression of one of its sentences resolves to, weighted by the
// tagger's confidence (the highest among its references to the day). A
// day named by many reports is a day something happened, however few
// were published on it. The Dates
// most referred-to days within [From, To] are kept (a day for which no
// sentence can be written yields to the next).
//
// A day's candidate sentences are those that refer to it, and the first
// sentences (leadSentences) with no date of their own of the articles
// published on it or the day after. The candidates closest to what the
// two kinds share (the mean of their centroids over the terms both use)
// are kept, down to the knee of the similarity curve. From those,
// PerDate sentences are picked greedily so that their sum is as close as
// possible to the candidates' centroid (skipping sentences over
// maxSummaryWords words or without a keyword). Vectors are TF-IDF over
// lowercased words without stopwords, the IDF counted over every
// sentence. Each chosen sentence is an entry citing itself; entries come
// oldest first.
func Summarize(docs []Document, opt SummaryOptions) *storyline.Timeline {
	tl := &storyline.Timeline{Title: opt.Title, Entries: []storyline.Entry{}}
	perDate := max(opt.PerDate, 1)
	c := newDaybook(docs)
	days := c.rankDays(opt.From, opt.To)
	for _, d := range days {
		if opt.Dates > 0 && countDays(tl) >= opt.Dates {
			break
		}
		cands := c.candidates(d)
		for _, s := range summarise(cands, perDate, opt.Keywords) {
			a := c.docs[s.doc].Article
			it := &item{st: &storyline.Statement{ArticleID: a.ID, Sentence: s.index, Start: s.span.Start, End: s.span.End, Text: s.text}, art: a}
			it.text, it.words = fold(s.text)
			tl.Entries = append(tl.Entries, storyline.Entry{
				Date:      d,
				Text:      it.text,
				Sources:   citations([]*item{it}, it),
				Outlets:   1,
				Score:     math.Round(c.refs[d]*1000) / 1000,
				Conflicts: []storyline.Conflict{},
			})
		}
	}
	slices.SortStableFunc(tl.Entries, func(a, b storyline.Entry) int { return a.Date.Compare(b.Date) })
	return tl
}

func countDays(tl *storyline.Timeline) int {
	n := 0
	for i, e := range tl.Entries {
		if i == 0 || tl.Entries[i-1].Date != e.Date {
			n++
		}
	}
	return n
}

// sentence is one sentence of a corpus document.
type sentence struct {
	doc   int
	index int
	span  nlp.Span
	text  string
	day   storyline.Date // the day its first time expression names, if any
	vec   vector         // TF-IDF, of unit length (or empty)
}

// daybook holds the sentences of the documents to summarise, their vectors
// and the days they refer to.
type daybook struct {
	docs      []Document
	sentences []sentence
	refs      map[storyline.Date]float64 // weighted references to each day
	byDay     map[storyline.Date][]int   // sentences that refer to the day
	byPub     map[storyline.Date][]int   // undated lead sentences of articles published on it or the day after
}

func newDaybook(docs []Document) *daybook {
	c := &daybook{docs: docs, refs: map[storyline.Date]float64{}, byDay: map[storyline.Date][]int{}, byPub: map[storyline.Date][]int{}}
	vocab := map[string]int32{}
	var df []int
	var terms [][]int32 // each sentence's term IDs, with repeats
	for di, d := range docs {
		a := d.Article
		docRefs := map[storyline.Date]float64{} // the article's most confident reference to each day
		tx := slices.Clone(d.Timexes)
		slices.SortFunc(tx, func(x, y storyline.Timex) int { return x.Start - y.Start })
		for si, sp := range nlp.Sentences(a.Text) {
			s := sentence{doc: di, index: si, span: sp, text: a.Text[sp.Start:sp.End]}
			conf := 0.0
			for _, t := range tx {
				if t.Start < sp.Start || t.End > sp.End || (t.Type != "DATE" && t.Type != "TIME") {
					continue
				}
				// The first expression that names a calendar date decides;
				// only a day counts as a reference to one.
				if dt, ok := dateOfValue(t.Value, a.Published); ok {
					if dt.Precision == storyline.PrecisionDay {
						s.day, conf = dt, t.Confidence
					}
					break
				}
			}
			var ids []int32
			seen := map[int32]bool{}
			for _, tok := range nlp.Tokens(s.text) {
				w := strings.ToLower(tok.Text)
				if !isTerm(w) {
					continue
				}
				id, ok := vocab[w]
				if !ok {
					id = int32(len(vocab))
					vocab[w] = id
					df = append(df, 0)
				}
				if !seen[id] {
					seen[id] = true
					df[id]++
				}
				ids = append(ids, id)
			}
			i := len(c.sentences)
			c.sentences = append(c.sentences, s)
			terms = append(terms, ids)
			switch {
			case !s.day.IsZero():
				if conf <= 0 {
					conf = 1
				}
				docRefs[s.day] = max(docRefs[s.day], conf)
				c.byDay[s.day] = append(c.byDay[s.day], i)
			case si < leadSentences && a.Published.Precision == storyline.PrecisionDay:
				for k := range pubWindow {
					p := storyline.DateOf(a.Published.Time().AddDate(0, 0, -k))
					c.byPub[p] = append(c.byPub[p], i)
				}
			}
		}
		for day, conf := range docRefs {
			c.refs[day] += conf
		}
	}
	// TF-IDF with a smoothed IDF, each sentence's vector of unit length.
	n := float64(len(c.sentences))
	idf := make([]float64, len(df))
	for id, f := range df {
		idf[id] = math.Log((1+n)/(1+float64(f))) + 1
	}
	for i, ids := range terms {
		tf := map[int32]float64{}
		for _, id := range ids {
			tf[id]++
		}
		c.sentences[i].vec = weigh(tf, idf)
	}
	return c
}

// isTerm says whether a lowercased token counts as a term: two or more
// characters, a letter or digit first, not a stopword.
func isTerm(w string) bool {
	if len(w) < 2 || nlp.IsStopword(w) {
		return false
	}
	r := w[0]
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80
}

// weigh turns term counts into a TF-IDF vector of unit length.
func weigh(tf map[int32]float64, idf []float64) vector {
	m := make(map[int32]float64, len(tf))
	for id, n := range tf {
		m[id] = n * idf[id]
	}
	return unitOf(m)
}

// rankDays orders the days referred to within [from, to] by their
// weighted references, most first, the earlier day first on a tie.
func (c *daybook) rankDays(from, to storyline.Date) []storyline.Date {
	var days []storyline.Date
	for d := range c.refs {
		if !from.IsZero() && d.Compare(from) < 0 || !to.IsZero() && d.Compare(to) > 0 {
			continue
		}
		days = append(days, d)
	}
	slices.SortFunc(days, func(a, b storyline.Date) int {
		if x := cmp.Compare(c.refs[b], c.refs[a]); x != 0 {
			return x
		}
		return a.Compare(b)
	})
	return days
}

// candidates returns the sentences that may summarise a day: those that
// refer to it and the undated leads published on it or the day after,
// kept down to the knee of their similarity to what both kinds share.
func (c *daybook) candidates(d storyline.Date) []*sentence {
	ment, pub := c.byDay[d], c.byPub[d]
	all := func(lists ...[]int) []*sentence {
		var out []*sentence
		for _, l := range lists {
			for _, i := range l {
				out = append(out, &c.sentences[i])
			}
		}
		return out
	}
	if len(ment) == 0 || len(pub) == 0 {
		return all(ment, pub)
	}
	cm, cp := c.sum(ment), c.sum(pub)
	// The day's centroid: the mean of the two centroids, on the terms
	// both kinds use.
	shared := map[int32]float64{}
	for id, w := range cm {
		if wp, ok := cp[id]; ok {
			shared[id] = w/float64(len(ment)) + wp/float64(len(pub))
		}
	}
	center := unitOf(shared)
	type scored struct {
		s   *sentence
		sim float64
	}
	var list []scored
	for _, s := range all(ment, pub) {
		list = append(list, scored{s, cosine(&s.vec, &center)})
	}
	sims := make([]float64, len(list))
	for i, x := range list {
		sims[i] = x.sim
	}
	slices.SortFunc(sims, func(a, b float64) int { return cmp.Compare(b, a) })
	thresh := sims[knee(sims)]
	var out []*sentence
	for _, x := range list {
		if x.sim > 0 && x.sim > thresh {
			out = append(out, x.s)
		}
	}
	if len(out) == 0 {
		return all(ment, pub)
	}
	return out
}

// sum adds the vectors of sentences.
func (c *daybook) sum(idx []int) map[int32]float64 {
	out := map[int32]float64{}
	for _, i := range idx {
		v := &c.sentences[i].vec
		for k, id := range v.ids {
			out[id] += v.w[k]
		}
	}
	return out
}

// unitOf turns a map vector into a vector of unit length (empty when
// the map is).
func unitOf(m map[int32]float64) vector {
	v := vector{ids: make([]int32, 0, len(m))}
	for id := range m {
		v.ids = append(v.ids, id)
	}
	slices.Sort(v.ids)
	v.w = make([]float64, len(v.ids))
	var sq float64
	for i, id := range v.ids {
		v.w[i] = m[id]
		sq += v.w[i] * v.w[i]
	}
	if sq > 0 {
		n := math.Sqrt(sq)
		for i := range v.w {
			v.w[i] /= n
		}
		v.norm = 1
	}
	return v
}

// knee returns the index of the knee of a decreasing curve: the point
// farthest from the straight line between its first and last points.
func knee(ys []float64) int {
	n := len(ys)
	if n < 3 {
		return n - 1
	}
	x0, y0 := 0.0, ys[0]
	dx, dy := float64(n-1), ys[n-1]-ys[0]
	norm := math.Hypot(dx, dy)
	best, bestD := 0, -1.0
	for i, y := range ys {
		// Distance from (i, y) to the line through (x0, y0) along (dx, dy).
		d := math.Abs(dy*(float64(i)-x0)-dx*(y-y0)) / norm
		if d > bestD {
			best, bestD = i, d
		}
	}
	return best
}

// summarise picks k sentences whose sum is closest to the centroid of
// all of them, greedily, skipping sentences that are too long, lack a
// keyword, or repeat one already chosen.
func summarise(cands []*sentence, k int, keywords []string) []*sentence {
	if len(cands) == 0 {
		return nil
	}
	center := map[int32]float64{}
	for _, s := range cands {
		for i, id := range s.vec.ids {
			center[id] += s.vec.w[i]
		}
	}
	cv := unitOf(center)
	ok := make([]bool, len(cands))
	for i, s := range cands {
		ok[i] = len(s.vec.ids) > 0 && wordCount(s.text) <= maxSummaryWords && hasKeyword(s.text, keywords)
	}
	// The score of a candidate x is the cosine of sum+x with the centroid:
	// (sum·c + x·c) / |sum+x|, where |sum+x|² = |sum|² + 2 sum·x + |x|².
	var chosen []*sentence
	sum := map[int32]float64{}
	sumDot, sumSq := 0.0, 0.0
	used := make([]bool, len(cands))
	for len(chosen) < k {
		best, bestScore := -1, math.Inf(-1)
		for i, s := range cands {
			if used[i] || !ok[i] {
				continue
			}
			cross := 0.0
			for j, id := range s.vec.ids {
				cross += sum[id] * s.vec.w[j]
			}
			sq := sumSq + 2*cross + 1 // the candidate is of unit length
			score := (sumDot + cosine(&s.vec, &cv)) / math.Sqrt(sq)
			if score > bestScore || score == bestScore && less(s, cands[best]) {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		s := cands[best]
		if slices.ContainsFunc(chosen, func(o *sentence) bool { return o.text == s.text }) {
			continue
		}
		chosen = append(chosen, s)
		for j, id := range s.vec.ids {
			sumSq += 2*sum[id]*s.vec.w[j] + s.vec.w[j]*s.vec.w[j]
			sum[id] += s.vec.w[j]
		}
		sumDot += cosine(&s.vec, &cv)
	}
	return chosen
}

// less orders sentences for ties: by document, then position.
func less(a, b *sentence) bool {
	if a.doc != b.doc {
		return a.doc < b.doc
	}
	return a.index < b.index
}

func hasKeyword(s string, keywords []string) bool {
	if len(keywords) == 0 {
		return true
	}
	low := strings.ToLower(s)
	for _, k := range keywords {
		if strings.Contains(low, k) {
			return true
		}
	}
	return false
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
