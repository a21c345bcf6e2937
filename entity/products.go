package entity

import "strings"

// Rules for what looks like a name and is not: model designations
// ("Boeing 737 MAX 8"), flight codes ("ET302"), title-case headlines
// ("Trump Responds to Jet Crash") and corporate suffixes ("Boeing Co.").

// isModelNumber reports whether token i is a model number: three digits,
// alone or run on into letters or a hyphen ("737", "737-8", "737MAX",
// "787s"), or one capital and three digits ("A320"). Four digits are a
// year ("Trump 2020"), fewer a count or a day.
func (x *extractor) isModelNumber(i int) bool {
	if i < 0 || i >= len(x.toks) || !x.toks[i].word {
		return false
	}
	s := x.toks[i].text
	if len(s) >= 4 && isASCIIUpper(s[0]) {
		s = s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n == 3 && (len(s) == 3 || s[3] < '0' || s[3] > '9')
}

// adjacent reports whether tokens i and i+1 stand on one line with only
// spaces between them.
func (x *extractor) adjacent(i int) bool {
	if i+1 >= len(x.toks) || x.toks[i+1].newline {
		return false
	}
	for k := x.toks[i].end; k < x.toks[i+1].start; k++ {
		if x.text[k] != ' ' {
			return false
		}
	}
	return true
}

// modelWords collects the lower-case words the text writes right after a
// model number ("737 MAX", "737 Max 8") or runs into one ("737MAX"): in
// this text they name a product, wherever they stand ("the MAX").
func (x *extractor) modelWords() map[string]bool {
	var ws map[string]bool
	add := func(w string) {
		if ws == nil {
			ws = map[string]bool{}
		}
		ws[w] = true
	}
	for _, i := range x.ix.numbers {
		if !x.isModelNumber(i) {
			continue
		}
		t := &x.toks[i]
		if k := len(t.text) - 1; k >= 3 && t.text[k] >= 'A' && t.text[k] <= 'Z' && t.text[3] >= 'A' && t.text[3] <= 'Z' {
			add(t.low[3:]) // "737MAX"
		}
		if !x.adjacent(i) {
			continue
		}
		n := &x.toks[i+1]
		if !n.word || !(n.cap || n.upper) || n.hyphen {
			continue
		}
		if x.named(i+1) || x.is(i+1, fOrgHead|fNotName) {
			continue // "a 737 Ethiopian Airlines flew"
		}
		add(n.low)
	}
	return ws
}

// isFlightCode reports whether token i is an airline's flight code:
// two capitals and two to four digits ("ET302", "MH17"), or two capitals
// before such a number ("ET 302").
func (x *extractor) isFlightCode(i int) bool {
	t := &x.toks[i]
	s := t.text
	if len(s) == 2 && isASCIIUpper(s[0]) && isASCIIUpper(s[1]) {
		if x.named(i) || !x.adjacent(i) {
			return false // "US 101"
		}
		n := x.toks[i+1].text
		return len(n) >= 2 && len(n) <= 3 && allDigits(n)
	}
	return len(s) >= 4 && len(s) <= 6 && isASCIIUpper(s[0]) && isASCIIUpper(s[1]) && allDigits(s[2:])
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// capital reports whether token i counts as a capitalised word of a name.
// Not: a word that starts with a digit ("737MAX"), a word of a model's
// name ("MAX" in a text that writes "737 MAX"), a flight code, a common
// word right before a model number ("Model 737", "Flight 302"), or a
// common word capitalised only in a title-case headline ("Responds"; not
// the heads of names and titles, "Airlines", "Minister").
func (x *extractor) capital(i int) bool {
	t := &x.toks[i]
	if !t.cap && !t.upper {
		return false
	}
	if t.text[0] >= '0' && t.text[0] <= '9' {
		return false
	}
	if x.models[t.low] || x.isFlightCode(i) {
		return false
	}
	if t.upper {
		return true
	}
	if x.isModelNumber(i+1) && x.adjacent(i) && x.isCommon(i) {
		return false
	}
	if x.headline[i] && x.isCommon(i) && !x.midCap[t.text] && !t.sentStart &&
		!x.is(i, fOrgHead|fTitleNoun|fTitleMod|fPlaceHead) {
		return false
	}
	return true
}

// headlines marks the tokens of title-case lines: lines of at most 25
// words whose every word but the function words is capitalised, four or
// more, two of them common English words ("Trump Responds to Ethiopian
// Jet Crash").
func (x *extractor) headlines() []bool {
	h := resized(x.headline, len(x.toks))
	for a := 0; a < len(x.toks); {
		b := a + 1
		for b < len(x.toks) && !x.toks[b].newline {
			b++
		}
		// The line fails at its 26th word or its first content word in
		// lower case: most lines are prose and fail early.
		title := true
		words, caps := 0, 0
		for k := a; k < b && title; k++ {
			t := &x.toks[k]
			if !t.word {
				continue
			}
			words++
			switch {
			case words > 25:
				title = false
			case t.text[0] >= '0' && t.text[0] <= '9' || x.is(k, fSmall|fConnector):
			case !t.cap:
				title = false
			default:
				caps++
			}
		}
		if title && caps >= 4 && x.commonCaps(a, b) >= 2 {
			for k := a; k < b; k++ {
				h[k] = true
			}
		}
		a = b
	}
	return h
}

// commonCaps counts the capitalised content words of tokens [a, b) that
// are common English words.
func (x *extractor) commonCaps(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		t := &x.toks[k]
		if t.word && t.cap && !(t.text[0] >= '0' && t.text[0] <= '9') && !x.is(k, fSmall|fConnector) && x.look(k).flags&fLexCommon != 0 {
			n++
		}
	}
	return n
}

// smallWords are the words title case leaves in lower case.
var smallWords = set("a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
	"with", "from", "as", "into", "over", "after", "vs", "via", "up", "off", "out")

// corporateSuffixes end a company's name and are no part of the name it
// is known by: "Boeing Co." is Boeing.
var corporateSuffixes = set("co", "co.", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc")

// orgName is the name of an organisation written as tokens [a, b),
// without a corporate suffix ("Boeing Co." -> "Boeing").
func (x *extractor) orgName(a, b int) string {
	e := b
	for e > a+1 && (x.is(e-1, fCorporateSuffix) || x.toks[e-1].text == "," || x.toks[e-1].text == "&") {
		e--
	}
	if e == a+1 && x.is(a, fCorporateSuffix) {
		e = b
	}
	return x.span(a, e)
}

// makerBefore reports whether the name [a, b) stands before a model
// number ("Boeing 737", "Airbus A320", "Boeing Model 737"): the maker, a
// company.
func (x *extractor) makerBefore(a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].word && x.isCommon(k) {
			return false
		}
	}
	if !x.adjacent(b - 1) {
		return false
	}
	if x.isModelNumber(b) {
		return true
	}
	return b+1 < len(x.toks) && x.toks[b].word && x.toks[b].cap && x.isCommon(b) && x.adjacent(b) && x.isModelNumber(b+1)
}

// writtenAlone reports whether the text writes the name [a, b) more
// often than with the adjective before it: "Lion Air" beside "Indonesian
// Lion Air" is the airline, and "Indonesian" its country, while the
// "British Museum" is never just a "Museum".
func (x *extractor) writtenAlone(a, b int) bool {
	name := x.span(a, b)
	if b-a < 2 {
		return false
	}
	return strings.Count(x.text, name) > strings.Count(x.text, x.span(a-1, b))
}

// corporateTitles are held only in a company: "the CEO of Boeing" and
// "Boeing CEO Dennis Muilenburg" make Boeing a company.
var corporateTitles = set("ceo", "cfo", "coo", "shareholders", "stockholders")

// itsAfter reports whether "its" follows within three words from k, with
// only verbs and adverbs between: the name before k is a thing, not a
// person ("Boeing has fired its CEO", "Boeing said its jets").
func (x *extractor) itsAfter(k int) bool {
	for j := k; j < len(x.toks) && j < k+4; j++ {
		t := &x.toks[j]
		if !t.word || t.cap || t.sent != x.toks[k-1].sent {
			return false
		}
		if t.low == "its" {
			return j > k
		}
		if x.is(j, fDeterminerWord) || x.is(j, fStopword) && !x.is(j, fAuxiliary) {
			return false
		}
	}
	return false
}

// itReported reports whether "it" is the subject of the clause a speech
// verb at or after k reports ("Boeing announced Friday it would cut",
// "Boeing said that it was confident"): the name before k is a thing
// that speaks, a person would be "he" or "she".
func (x *extractor) itReported(k int) bool {
	j := k
	for j < len(x.toks) && j < k+3 && x.toks[j].word && x.is(j, fAuxiliary) {
		j++
	}
	if !x.isWord(j, fSpeechVerb) || x.toks[j].sent != x.toks[k-1].sent {
		return false
	}
	j++
	for n := 0; n < 3 && j < len(x.toks) && x.toks[j].word; n++ {
		switch w := x.toks[j].low; {
		case w == "it":
			return true
		case w == "that" || w == "on" || x.is(j, fNotName) && x.toks[j].cap:
			j++ // "that", "on Friday", "Friday"
		default:
			return false
		}
	}
	return false
}

// surname reports whether the text writes w after a given name or a
// title somewhere ("Donald Trump", "President Trump"): a person's name.
func (x *extractor) surname(w string) bool {
	for i := 1; i < len(x.toks); i++ {
		if x.toks[i].text != w {
			continue
		}
		p := &x.toks[i-1]
		if !p.word {
			continue
		}
		if _, given := x.lex.gender[p.text]; given || x.is(i-1, fTitleNoun) {
			return true
		}
	}
	return false
}

var determinerWords = set("the", "a", "an", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those")

var auxiliaryWords = set("has", "have", "had", "is", "was", "are", "were", "will", "would", "could", "should",
	"did", "does", "do", "been", "be", "also", "now", "then", "not", "can", "may", "might", "must")
