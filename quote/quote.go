// Package quote finds attributions in news text: direct quotes in any
// quotation marks (across paragraph breaks, split around "he said") and
// indirect ones ("X said (that) ...", "according to X", "X told ABC ...",
// "X believes ...", "a poll shows ..."), each with its cue, content and
// speaker, the speaker resolved to a full name where the article gives one.
//
// Extract is a pure function of the text and, optionally, the entity
// mentions found in it; it uses rules and a cue lexicon of word forms
// counted on annotated news (see lexicon.go), no trained model.
//
// Where the rules live:
//
//	quote.go     Extract, the extractor, units (sentences) and emitting quotes
//	scan.go      tokens, quotation regions and sentence ends
//	cues.go      which words are cues and how strong (lexicon.go, speech.go hold the forms)
//	sources.go   the source phrase of a cue, the subject of a clause
//	speakers.go  the name a source stands for: mentions, surnames, pronouns
//	content.go   where a quote's content starts and ends
//	direct.go    quotations in marks and the cue of each
//	indirect.go  reported clauses: one attribution a clause
//	nesting.go   clause boundaries and which of several cues governs
//	words.go     word classes the rules share
//	date.go      the date of each quote
package quote

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// Said returns the quotes of qs that report something someone said, in
// order. Extract finds attributions as PolNeAR annotates them, and some
// are no quote of anyone: a negated or questioned cue ("Antonov did not
// say whether ...", "asked if he thought ..."), an agentless passive ("The
// decision was disclosed after ..."), an attribution whose source was not
// found or is a pronoun left unresolved, and one whose content says what
// was spoken about or to whom rather than what was said ("talks on ...",
// "asked the diplomat a number of questions", "recalled its ambassador"),
// and one that reports no saying at all ("seems to", "backed", "wants";
// see saying).
func Said(qs []storyline.Quote) []storyline.Quote {
	out := qs[:0:0]
	if len(qs) > 0 {
		out = make([]storyline.Quote, 0, len(qs))
	}
	for _, q := range qs {
		if !q.Negated && !q.Passive && q.Speaker != "" && !isPronoun(q.Speaker) && statement(q) {
			out = append(out, q)
		}
	}
	return out
}

// statement reports whether the content of q can be something said: not
// a phrase that opens with a preposition or an object pronoun, and for
// "recall" not an envoy called home.
func statement(q storyline.Quote) bool {
	if q.Direct {
		return true
	}
	var buf [2]string
	f := firstWords(q.Text, &buf)
	if len(f) == 0 {
		return false
	}
	c := strings.ToLower(q.Cue)
	if !saying(c, f, q.Text) {
		return false
	}
	switch f[0] {
	case "for":
		return strings.HasPrefix(c, "call") || strings.HasPrefix(c, "appeal") || strings.HasPrefix(c, "press") // "called for calm"
	case "about", "on", "over", "of", "with", "against", "into", "at", "from", "by", "in", "as",
		"during", "amid", "following", "within", "via", "him", "her", "them", "me", "us":
		return false
	case "to":
		if len(f) > 1 && determiners[f[1]] {
			return false // "agree to a conversation"
		}
	case "its", "his", "their", "ambassador", "envoy", "ambassadors", "envoys", "diplomats":
		if strings.HasPrefix(c, "recall") {
			return false // "Russia recalled its ambassador"
		}
	}
	switch c {
	case "asked", "ask", "asks", "asking":
		// "asked the diplomat a number of questions": whom, not what
		return questionWords[f[0]] || f[0] == "to" || f[0] == "that"
	}
	return true
}

// firstWords returns the first two of strings.Fields(strings.ToLower(s)),
// reading no further, in buf.
func firstWords(s string, buf *[2]string) []string {
	f := buf[:0]
	for w := range strings.FieldsSeq(s) {
		if f = append(f, strings.ToLower(w)); len(f) == 2 {
			break
		}
	}
	return f
}

// isPronoun reports whether pronouns[strings.ToLower(s)], without
// lowering a name: an ASCII word longer than every pronoun is none.
func isPronoun(s string) bool {
	if len(s) > maxPronoun {
		ascii := true
		for i := 0; i < len(s) && ascii; i++ {
			ascii = s[i] < utf8.RuneSelf
		}
		if ascii {
			return false // strings.ToLower keeps its length
		}
	}
	return pronouns[strings.ToLower(s)]
}

// maxPronoun is the length of the longest word of pronouns.
var maxPronoun = func() int {
	n := 0
	for w := range pronouns {
		n = max(n, len(w))
	}
	return n
}()

// questionWords open a reported question ("asked whether ...").
var questionWords = map[string]bool{
	"if": true, "whether": true, "what": true, "why": true, "how": true, "who": true, "when": true,
	"where": true, "which": true,
}

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
	return extract(nlp.Lower(text), mentions, slices.Clone[[]storyline.Quote])
}

// ExtractSaid is Said(Extract(text, mentions)), copying only the quotes
// Said keeps.
func ExtractSaid(text string, mentions []storyline.Mention) []storyline.Quote {
	return extract(nlp.Lower(text), mentions, Said)
}

// ExtractSaidLowered is ExtractSaid of lt's text, given lowered already
// (for the other extractors reading the same text).
func ExtractSaidLowered(lt nlp.Lowered, mentions []storyline.Mention) []storyline.Quote {
	return extract(lt, mentions, Said)
}

// extract runs the extractor over lt's text and returns keep of the
// quotes it found (nil when none), keep returning a slice of its own.
func extract(lt nlp.Lowered, mentions []storyline.Mention, keep func([]storyline.Quote) []storyline.Quote) []storyline.Quote {
	sc, _ := scratches.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	x := &extractor{text: lt.Text(), mentions: mentions, sc: sc}
	x.toks = scanInto(sc.toks, lt)
	x.regions = quotations(sc.regions, x.toks)
	x.weights = resized(sc.weights, len(x.toks))
	for k := range x.weights {
		x.weights[k] = x.readWeight(k)
	}
	x.out = sc.out[:0]
	x.run()
	var out []storyline.Quote
	if len(x.out) > 0 {
		out = keep(x.out)
	}
	// Nothing of the scratch outlives the call: the quotes hold strings
	// of the text and their own fields.
	clear(x.out)
	sc.toks, sc.weights, sc.out, sc.regions = x.toks[:0], x.weights[:0], x.out[:0], x.regions[:0]
	scratches.Put(sc)
	return out
}

// scratch holds the slices one Extract call reads the text into, reused
// by the next call (through scratches): the tokens and what is known of
// each.
type scratch struct {
	toks    []token
	weights []float64 // each token's cue weight (weight)
	ends    []bool    // where sentences end (sentenceEnds)
	long    []int     // region index+1 of the long quotation a token is in
	units   []unit
	regions []region
	out     []storyline.Quote // the quotes found, copied out at the end
}

// scratches holds scratch structs for Extract to reuse (*scratch).
var scratches sync.Pool

// resized returns s with length n, reusing its array when it has room;
// its elements are not cleared.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

type extractor struct {
	sc       *scratch // the slices below are the scratch's, for the call
	text     string
	mentions []storyline.Mention
	longest  int  // the longest mention's length in bytes (inOrder)
	measured bool // whether longest is read
	toks     []token
	regions  []region
	weights  []float64 // each token's cue weight (weight)
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
	curSent    int               // sentence of the unit being read
	curEnd     int               // token index where the unit being read ends
	curWho     who               // the speaker of the quote being built
	prev       previous          // the last attribution emitted
	described  []who             // unnamed sources so far, for "the spokesperson"
	named      int               // named speakers so far
}

// previous is the last attribution emitted: its speaker, its sentence and
// where the unit that holds it ends.
type previous struct {
	who      who
	sentence int
	tok      int
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
	ends := sentenceEnds(x.sc.ends, x.toks)
	units := x.sc.units[:0]
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
	long := resized(x.sc.long, len(x.toks)) // region index+1 of long quotations
	clear(long)
	x.sc.ends, x.sc.long, x.sc.units = ends, long, units
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
		x.curPara, x.curSent, x.curEnd = u.para, u.sentence, u.to
		x.learnNames(u)
		var qs []region
		last := 0 // a region's tokens are contiguous, and regions do not overlap
		for k := u.from; k < u.to; k++ {
			if long[k] > 0 && long[k] != last {
				last = long[k]
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

// newQuote fills the common fields of a quote.
func (x *extractor) newQuote(u unit, cue [2]int, src [2]int) storyline.Quote {
	q := storyline.Quote{Sentence: u.sentence}
	if cue[1] > cue[0] {
		q.CueStart, q.CueEnd = x.toks[cue[0]].start, x.toks[cue[1]-1].end
		q.Cue = x.text[q.CueStart:q.CueEnd]
		q.Negated = x.negated(cue[0]) || x.toks[cue[0]].in(cRefusal) && cue[0]+1 < len(x.toks) && x.toks[cue[0]+1].lower == "to"
		q.Passive = cue[1]-cue[0] == 1 && x.agentless(cue[0], u.from) >= 0
	}
	if src[1] > src[0] {
		if p := src[0] - 1; p >= 0 && (x.toks[p].lower == "if" || x.toks[p].lower == "whether") {
			q.Negated = true // "asked if he thought ...", "whether he would agree": a question, or a condition
		}
		if x.noOne(src) {
			q.Negated = true // "no officials have called ...": no one said it
		}
		for src[1]-src[0] > 1 && leadingConjunctions[x.toks[src[0]].lower] {
			src[0]++ // "But Obama acknowledged ...": the speaker is Obama
		}
		q.SpeakerStart, q.SpeakerEnd = x.toks[src[0]].start, x.toks[src[1]-1].end
		w := x.resolve(src)
		q.Speaker, q.SpeakerRef, q.Principal, q.Unnamed = w.name, w.ref, w.principal, w.unnamed
		x.curWho = w
	} else {
		x.curWho = who{}
	}
	return q
}

func (x *extractor) emit(q storyline.Quote) {
	if q.End <= q.Start {
		return
	}
	x.out = append(x.out, q)
	x.emitSent, x.emitPara = q.Sentence, x.curPara
	x.prev = previous{who: x.curWho, sentence: q.Sentence, tok: x.curEnd}
	if w, ok := x.askedOne(q); ok {
		x.prev.who = w // "asked a former spokesman if he would fly, and he said ...": the one asked answers
	}
	if q.Direct {
		x.lastDirect, x.directSent = len(x.out)-1, q.Sentence
	}
}

// datelineEnd returns where the text after a dateline opening a paragraph
// starts ("ORLANDO, Fla. (Reuters) - ", "WASHINGTON — "), or from.
func (x *extractor) datelineEnd(from, to int) int {
	if from >= to || x.toks[from].kind != word || len(x.toks[from].text) < 3 || !isUpper(x.toks[from].text) {
		return from
	}
	for k := from + 1; k < to && k <= from+12; k++ {
		t := &x.toks[k]
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
