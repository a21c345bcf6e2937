package quote

// Content spans: where a quote's content starts and ends, the words set
// off before a source, and the phrases that set a scene rather than say
// anything.

import (
	"strings"
	"unicode"

	"github.com/storyline/storyline"
)

func (x *extractor) setContent(q *storyline.Quote, parts [][2]int) {
	var bp [][2]int
	for _, p := range parts {
		if p[1] <= p[0] {
			continue
		}
		bp = append(bp, [2]int{x.toks[p[0]].start, x.toks[p[1]-1].end})
	}
	if len(bp) == 0 {
		return
	}
	for _, p := range parts {
		if p[1] > p[0] {
			// content that opens with a quotation mark is direct
			// ("Many would consider that an embarrassment" if ..., he said)
			q.Direct = q.Direct || x.toks[p[0]].kind == open
			break
		}
	}
	q.Start, q.End = bp[0][0], bp[len(bp)-1][1]
	if len(bp) > 1 {
		q.Parts = bp
		texts := make([]string, len(bp))
		for i, p := range bp {
			texts[i] = x.text[p[0]:p[1]]
		}
		q.Text = strings.Join(texts, " ")
	} else {
		q.Text = x.text[q.Start:q.End]
	}
}

// trimEnd moves to back over closing punctuation and line breaks.
func (x *extractor) trimEnd(from, to int) int {
	for to > from {
		t := &x.toks[to-1]
		if t.kind == para || (t.kind == punct && strings.Contains(".!?;:,)—–―-", t.text)) {
			to--
			continue
		}
		break
	}
	return to
}

// trimStart moves from past opening punctuation and line breaks.
func (x *extractor) trimStart(from, to int) int {
	for from < to {
		t := &x.toks[from]
		if t.kind == para || (t.kind == punct && strings.Contains(",:;—–―-(", t.text)) {
			from++
			continue
		}
		break
	}
	return from
}

func (x *extractor) words(from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if x.toks[k].kind == word {
			n++
		}
	}
	return n
}

// addressee reports whether [from, to) is an addressee or an adverbial
// between a cue and its quotation ("told Chris Wallace of Fox News, ...",
// "said in a statement: ..."): a few words closed by a comma or colon.
func (x *extractor) addressee(from, to int) bool {
	if to-1 <= from || (x.toks[to-1].text != "," && x.toks[to-1].text != ":") {
		return false
	}
	if x.words(from, to) > 7 {
		return false
	}
	for k := from; k < to; k++ {
		if x.toks[k].lower == "that" || x.toks[k].inQuote {
			return false
		}
	}
	return true
}

func (x *extractor) quoteWords(qs []region) int {
	n := 0
	for _, r := range qs {
		n += x.words(r.open, r.close+1)
	}
	return n
}

func quoteParts(qs []region) [][2]int {
	parts := make([][2]int, len(qs))
	for i, r := range qs {
		parts[i] = [2]int{r.open, r.close + 1}
	}
	return parts
}

// leadingFrame returns the words that open the sentence before a source
// and its cue set off by commas ("The new rules, he said, “...”"),
// which belong to the quotation's content, or the empty span. i is the
// index of the quotation in the unit: only the first may take them.
func (x *extractor) leadingFrame(from int, src [2]int, c, i int) [2]int {
	if i != 0 || src[1] <= src[0] || src[0]-1 <= from || src[1] > c || x.toks[src[0]-1].text != "," {
		return [2]int{}
	}
	for k := src[1]; k < c; k++ {
		if !x.toks[k].in(cSkipBack) {
			return [2]int{} // "X rallied supporters, saying: ..."
		}
	}
	end := x.trimEnd(from, src[0])
	start := x.trimStart(from, end)
	for start < end && x.toks[start].in(cConjunction) {
		start++ // "But, he said, ...": no content of its own
	}
	if x.words(start, end) < 1 {
		return [2]int{}
	}
	if x.adverbial(start, end) {
		return [2]int{}
	}
	for k := start; k < end; k++ {
		if x.toks[k].inQuote || x.toks[k].kind == para || x.weight(k) >= minCue {
			return [2]int{}
		}
	}
	return [2]int{start, end}
}

// adverbialStarts open a phrase that sets the scene of a statement.
var adverbialStarts = map[string]bool{
	"in": true, "at": true, "on": true, "during": true, "after": true, "before": true,
	"for": true, "with": true, "without": true, "from": true, "to": true, "by": true,
	"under": true, "over": true, "speaking": true, "asked": true, "last": true, "this": true,
	"next": true, "earlier": true, "later": true, "yesterday": true, "today": true,
	"tonight": true, "meanwhile": true, "separately": true, "elsewhere": true, "there": true,
	"here": true, "again": true, "afterward": true, "afterwards": true, "finally": true,
	"previously": true, "since": true, "throughout": true, "following": true, "among": true,
	"inside": true, "outside": true, "backstage": true, "onstage": true, "privately": true,
	"publicly": true, "recently": true, "once": true, "addressing": true, "according": true,
	"while": true, "back": true,
}

// lastToken returns the index of the last token of u that is not a line
// break.
func (x *extractor) lastToken(u unit) int {
	e := u.to - 1
	for e > u.from && x.toks[e].kind == para {
		e--
	}
	return e
}

// frameBefore returns the words that open the sentence before its first
// quotation, set off by a comma, when the quotation's cue comes after it
// ("If the bill passes, “...,” Lee said"), or the empty span.
func (x *extractor) frameBefore(from, open, c, i int) [2]int {
	if i != 0 || c < open || open-1 <= from || x.toks[open-1].text != "," {
		return [2]int{}
	}
	end := x.trimEnd(from, open)
	start := x.trimStart(from, end)
	for start < end && x.toks[start].in(cConjunction) {
		start++
	}
	if x.words(start, end) < 1 {
		return [2]int{}
	}
	for k := start; k < end; k++ {
		if x.toks[k].inQuote || x.toks[k].kind == para || x.weight(k) >= 0.5 {
			return [2]int{}
		}
	}
	return [2]int{start, end}
}

// adverbial reports whether [start, end) is a phrase that sets the scene
// of a statement rather than saying anything: "In a statement", "Holding
// a book", "Hours later", "Additionally".
func (x *extractor) adverbial(start, end int) bool {
	if start >= end {
		return false
	}
	first, last := x.toks[start], x.toks[end-1]
	return first.kind != word || adverbialStarts[first.lower] || first.in(cWeekday) || first.in(cMonth) ||
		(len(first.lower) > 4 && (strings.HasSuffix(first.lower, "ing") || strings.HasSuffix(first.lower, "ed"))) ||
		last.lower == "later" || last.lower == "earlier" || last.lower == "ago" || last.in(cWeekday) || last.in(cMonth) ||
		last.kind == word && unicode.IsDigit([]rune(last.text)[0]) && !x.hasCap([2]int{start, end}) ||
		strings.HasSuffix(first.lower, "ly") && len(first.lower) > 4 ||
		end-start <= 3 && strings.HasSuffix(last.text, "ly") && len(last.text) > 4 || // "More recently, ..."
		end-start == 1 && first.in(cNotName) // "Likewise, ...", "Meanwhile, ..."
}
