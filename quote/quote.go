// Package quote finds attributions in news text: direct quotes in any
// quotation marks (across paragraph breaks, split around "he said") and
// indirect ones ("X said (that) ...", "according to X", "X told ABC ...",
// "X believes ...", "a poll shows ..."), each with its cue, content and
// speaker, the speaker resolved to a full name where the article gives one.
//
// Extract is a pure function of the text and, optionally, the entity
// mentions found in it; it uses rules and a cue lexicon of word forms
// counted on annotated news (see lexicon.go), no trained model.
package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// minQuoteWords is the fewest words a quotation needs to be a quote of its
// own; shorter ones ("so-called 'reset'") are scare quotes inside the text.
const minQuoteWords = 4

// minCue is the lowest cue weight that makes an indirect attribution.
var minCue = minCueDefault

const minCueDefault = 0.2

// Extract returns the attributions found in text, in text order. Offsets
// are byte offsets into text. mentions (from entity.Extract, may be nil)
// resolve speakers: the speaker is the Name of the mention that covers the
// source span, and a pronoun is the nearest person mentioned before it.
// Without mentions the speaker is read from the text itself: a surname is
// expanded to the full name used earlier, a pronoun to the last named
// speaker. Unnamed sources ("a senior official") are kept, with Unnamed
// set. The quotes' IDs, ArticleID and Date are left for the caller.
func Extract(text string, mentions []storyline.Mention) []storyline.Quote {
	x := &extractor{text: text, mentions: mentions}
	x.toks = scan(text)
	x.regions = quotations(x.toks)
	x.run()
	return x.out
}

type extractor struct {
	text     string
	mentions []storyline.Mention
	toks     []token
	regions  []region
	out      []storyline.Quote

	names      map[string]string // surname -> full name seen earlier
	lastPerson string            // last named speaker, for pronouns
	lastName   string            // last full name read, for pronouns before any speaker
	curPara    int               // paragraph of the unit being read
	emitSent   int               // sentence of the last quote emitted
	emitPara   int               // paragraph of the last quote emitted
	lastDirect int               // index in out of the last direct quote, -1 if none
	directSent int               // sentence where that quote was last emitted or extended
	pend       *pending          // a source and cue waiting for their quotation
}

// unit is a sentence, or several when a quotation spans them: token
// indexes [from, to).
type unit struct {
	from, to int
	sentence int
	para     int
}

func (x *extractor) run() {
	x.names = map[string]string{}
	x.lastDirect = -1
	ends := sentenceEnds(x.toks)
	var units []unit
	from, pn, sent := 0, 0, 0
	for i := range x.toks {
		if ends[i] {
			if i+1 > from {
				units = append(units, unit{from, i + 1, sent, pn})
				sent++
			}
			if x.toks[i].kind == para {
				pn++
			}
			from = i + 1
		}
	}
	if from < len(x.toks) {
		units = append(units, unit{from, len(x.toks), sent, pn})
	}
	long := make([]int, len(x.toks)) // region index+1 of long quotations
	for ri, r := range x.regions {
		if r.words >= minQuoteWords || x.wholeSentence(r, ends) {
			for k := r.open; k <= r.close; k++ {
				long[k] = ri + 1
			}
		}
	}
	for _, u := range units {
		if u.from == 0 || x.toks[u.from-1].kind == para {
			u.from = x.datelineEnd(u.from, u.to) // "BUENA PARK, Calif. - ..."
		}
		x.curPara = u.para
		x.learnNames(u)
		var qs []region
		seen := map[int]bool{}
		for k := u.from; k < u.to; k++ {
			if long[k] > 0 && !seen[long[k]] {
				seen[long[k]] = true
				qs = append(qs, x.regions[long[k]-1])
			}
		}
		if len(qs) > 0 {
			x.direct(u, qs, long)
		} else {
			x.indirect(u)
		}
	}
}

// wholeSentence reports whether a short quotation stands as a sentence or
// clause of its own: it opens a sentence (or follows a colon) and closes
// with punctuation inside its marks ("Probably," he said).
func (x *extractor) wholeSentence(r region, ends []bool) bool {
	if r.words == 0 || r.close-1 <= r.open {
		return false
	}
	if r.open > 0 && !ends[r.open-1] && x.toks[r.open-1].text != ":" && x.toks[r.open-1].text != "," {
		return false
	}
	p := x.toks[r.close-1]
	return p.kind == punct && strings.Contains(",.?!", p.text)
}

// learnNames remembers runs of two or more capitalised words so that a
// later surname can be expanded to the full name.
func (x *extractor) learnNames(u unit) {
	for k := u.from; k < u.to; {
		if !x.isCap(k) || x.toks[k].inQuote {
			k++
			continue
		}
		j := k
		for j < u.to && x.isCap(j) && !x.toks[j].inQuote {
			j++
		}
		var parts []string
		for m := k; m < j; m++ {
			if titles[x.toks[m].lower] || titles[strings.TrimSuffix(x.toks[m].lower, ".")] {
				parts = parts[:0]
				continue
			}
			parts = append(parts, x.toks[m].text)
		}
		// "Ambassador to Washington Anatoly Antonov": a name after a
		// preposition starts after the place
		if len(parts) >= 3 && k > 0 && (x.toks[k-1].lower == "to" || x.toks[k-1].lower == "in" || x.toks[k-1].lower == "from" || x.toks[k-1].lower == "of") {
			parts = parts[1:]
		}
		if len(parts) >= 2 && len(parts) <= 4 {
			full := strings.Join(parts, " ")
			last := strings.TrimSuffix(strings.TrimSuffix(parts[len(parts)-1], "’s"), "'s")
			if _, ok := x.names[last]; !ok {
				x.names[last] = full
			}
			x.lastName = x.names[last]
		}
		k = j
	}
}

func (x *extractor) isCap(k int) bool {
	t := x.toks[k]
	if t.kind != word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r) && !notNames[t.lower]
}

// notNames are capitalised words that do not start a name.
var notNames = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "they": true, "it": true,
	"we": true, "i": true, "in": true, "on": true, "at": true, "but": true, "and": true,
	"this": true, "that": true, "if": true, "when": true, "as": true, "his": true, "her": true,
	"their": true, "our": true, "for": true, "to": true, "of": true, "after": true, "while": true,
	"there": true, "so": true, "yet": true, "what": true, "who": true, "why": true, "how": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "you": true, "its": true, "by": true, "with": true,
	// adverbs that open sentences
	"later": true, "earlier": true, "meanwhile": true, "still": true, "now": true, "also": true,
	"however": true, "instead": true, "indeed": true, "then": true, "yesterday": true,
	"today": true, "tonight": true, "afterward": true, "afterwards": true, "finally": true,
	"separately": true, "recently": true, "likewise": true, "similarly": true, "even": true,
	"just": true, "besides": true, "absent": true, "moreover": true, "nonetheless": true,
	"nevertheless": true, "having": true,
}

// titles precede a name and are not part of it.
var titles = map[string]bool{
	"president": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"gov": true, "senator": true, "governor": true, "secretary": true, "minister": true,
	"ambassador": true, "spokeswoman": true, "spokesman": true, "spokesperson": true,
	"chairman": true, "chairwoman": true, "gen": true, "general": true, "judge": true,
	"justice": true, "mayor": true, "former": true, "vice": true, "speaker": true,
	"leader": true, "representative": true, "congressman": true, "congresswoman": true,
	"prime": true, "chancellor": true, "press": true, "state": true, "deputy": true,
	"foreign": true, "director": true, "chief": true, "attorney": true, "candidate": true,
	"nominee": true, "democrat": true, "republican": true, "democratic": true, "gop": true,
	"house": true, "white": true, "russian": true, "american": true, "u.s.": true, "us": true,
}

// newQuote fills the common fields of a quote.
func (x *extractor) newQuote(u unit, cue [2]int, src [2]int) storyline.Quote {
	q := storyline.Quote{Sentence: u.sentence}
	if cue[1] > cue[0] {
		q.CueStart, q.CueEnd = x.toks[cue[0]].start, x.toks[cue[1]-1].end
		q.Cue = x.text[q.CueStart:q.CueEnd]
	}
	if src[1] > src[0] {
		q.SpeakerStart, q.SpeakerEnd = x.toks[src[0]].start, x.toks[src[1]-1].end
		q.Speaker, q.Unnamed = x.resolve(src)
	}
	return q
}

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

func (x *extractor) emit(q storyline.Quote) {
	if q.End <= q.Start {
		return
	}
	x.out = append(x.out, q)
	x.emitSent, x.emitPara = q.Sentence, x.curPara
	if q.Direct {
		x.lastDirect, x.directSent = len(x.out)-1, q.Sentence
	}
}

// extend adds the parts to the last quote emitted ("A," he said. "B."),
// or to the last direct one when it was emitted in the same sentence: in
// "A," he said, referring to the plan. "B." the participle's content is
// the last, but B continues A.
func (x *extractor) extend(u unit, parts [][2]int) {
	k := len(x.out) - 1
	if x.lastDirect >= 0 && x.lastDirect < k && x.directSent == x.emitSent {
		k = x.lastDirect
	}
	q := &x.out[k]
	bp := q.Parts
	if len(bp) == 0 {
		bp = [][2]int{{q.Start, q.End}}
	}
	for _, p := range parts {
		bp = append(bp, [2]int{x.toks[p[0]].start, x.toks[p[1]-1].end})
	}
	q.Parts = bp
	q.End = bp[len(bp)-1][1]
	texts := make([]string, len(bp))
	for i, p := range bp {
		texts[i] = x.text[p[0]:p[1]]
	}
	q.Text = strings.Join(texts, " ")
	x.emitSent = u.sentence
	if q.Direct {
		x.lastDirect, x.directSent = k, u.sentence
	}
}

// datelineEnd returns where the text after a dateline opening a paragraph
// starts ("ORLANDO, Fla. (Reuters) - ", "WASHINGTON — "), or from.
func (x *extractor) datelineEnd(from, to int) int {
	if from >= to || x.toks[from].kind != word || len(x.toks[from].text) < 3 || strings.ToUpper(x.toks[from].text) != x.toks[from].text {
		return from
	}
	for k := from + 1; k < to && k <= from+12; k++ {
		t := x.toks[k]
		switch {
		case t.kind == word || t.text == "," || t.text == "." || t.text == "(" || t.text == ")":
		case t.text == "-" || t.text == "—" || t.text == "–":
			if k+1 < to {
				return k + 1
			}
			return from
		default:
			return from
		}
	}
	return from
}
