package quote

import (
	"strings"
	"unicode"

	"github.com/storyline/storyline"
)

// skipBack are words between a source and its cue that belong to neither:
// auxiliaries and adverbs ("has also said", "would later claim").
var skipBack = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "may": true, "might": true, "must": true, "did": true, "does": true,
	"do": true, "is": true, "was": true, "are": true, "were": true, "also": true, "then": true,
	"later": true, "once": true, "again": true, "not": true, "never": true, "often": true,
	"been": true, "had’ve": true, "still": true, "even": true, "already": true, "first": true,
	"just": true, "long": true, "recently": true, "reportedly": true, "previously": true,
	"repeatedly": true, "publicly": true, "privately": true, "has’": true, "now": true,
	"since": true, "always": true, "earlier": true, "sometimes": true, "ever": true, "soon": true,
	"twice": true, "himself": true, "herself": true, "themselves": true, "itself": true,
}

// auxiliaries open a verb phrase, never an apposition.
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "may": true, "might": true, "must": true, "did": true, "does": true,
	"do": true, "is": true, "was": true, "are": true, "were": true, "can": true,
}

// clauseWords end a source phrase when read backwards from the cue.
var clauseWords = map[string]bool{
	"that": true, "and": true, "but": true, "which": true, "when": true, "while": true,
	"because": true, "as": true, "if": true, "after": true, "before": true, "since": true,
	"so": true, "than": true, "or": true, "where": true, "whom": true, "whether": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "from": true, "by": true,
	"during": true, "to": true, "into": true, "about": true, "over": true, "under": true,
	"until": true, "though": true, "although": true, "yet": true, "what": true, "how": true,
	"why": true, "like": true, "unlike": true, "despite": true, "amid": true, "against": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "being": true, "not": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"who": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "yesterday": true, "today": true, "tonight": true,
	"week": true, "month": true, "year": true, "morning": true, "evening": true, "night": true,
	"afternoon": true,
}

// tellVerbs take the addressee before the content ("told reporters that").
var tellVerbs = map[string]bool{
	"told": true, "tell": true, "tells": true, "telling": true, "asked": true, "ask": true,
	"asks": true, "asking": true, "urged": true, "urging": true, "warned": true, "assured": true,
	"reminded": true, "informed": true, "wrote": true, "said": true, "says": true, "explained": true,
}

func (x *extractor) weight(k int) float64 {
	t := x.toks[k]
	if t.kind != word {
		return 0
	}
	if t.lower == "according" {
		if k+1 < len(x.toks) && x.toks[k+1].lower == "to" {
			return 0.93
		}
		return 0
	}
	if (t.lower == "put" || t.lower == "puts") && k+1 < len(x.toks) && x.toks[k+1].lower == "it" {
		return 0.9 // "as Amar put it"
	}
	if (t.lower == "shot" || t.lower == "fired") && k+1 < len(x.toks) && x.toks[k+1].lower == "back" {
		return 0.9 // "Lee shot back", "fired back at critics"
	}
	if t.lower == "read" && cueWeight[t.lower] < speechWeight && x.besideQuote(k) {
		return speechWeight // "“...,” the statement read."
	}
	if w := cueWeight[t.lower]; w > 0 || !vocalVerbs[t.lower] {
		return w
	}
	if x.besideQuote(k) {
		return speechWeight
	}
	return 0
}

// vocalVerbs are verbs of voicing or writing that are often something
// else ("sang in a choir", "cried at the news", "pressed the button") and
// are cues only right beside a quotation.
var vocalVerbs = map[string]bool{
	"shouting": true, "yelling": true, "screaming": true, "chant": true, "chanted": true, "chanting": true,
	"cried": true, "cries": true, "crying": true, "sang": true, "sing": true, "sings": true, "singing": true,
	"jeered": true, "jeering": true, "mouthed": true, "mouthing": true, "interjecting": true, "beamed": true,
	"pressed": true, "heckled": true, "whispering": true, "cheered": true, "cheering": true, "roared": true,
	"bellowed": true, "hollered": true, "boomed": true, "shrieked": true, "gushed": true, "raged": true,
	"wondered": true, "mused": true, "sighed": true, "tweeting": true, "posting": true, "texted": true,
}

// besideQuote reports whether the word k stands right before a quotation
// (a comma or colon between: "shouting, “...”") or right after one and
// its speaker (“...,” the crowd cried).
func (x *extractor) besideQuote(k int) bool {
	n := k + 1
	if n < len(x.toks) && (x.toks[n].text == "," || x.toks[n].text == ":") {
		n++
	}
	if n < len(x.toks) && x.toks[n].kind == open {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		switch x.toks[j].kind {
		case close:
			return j < k-1
		case word:
		default:
			return false
		}
	}
	return false
}

// bestCue returns the strongest cue among the tokens in [from, to) that
// ok accepts, the earliest on ties, or -1.
func (x *extractor) bestCue(from, to int, ok func(int) bool) int {
	best, bw := -1, minCue
	for k := from; k < to; k++ {
		if !ok(k) {
			continue
		}
		if w := x.weight(k); w >= bw && (best < 0 || w > bw) {
			best, bw = k, w
		}
	}
	return best
}

// sourceBefore reads the source phrase that ends right before the cue at
// c (skipping auxiliaries and adverbs), not reaching before limit.
func (x *extractor) sourceBefore(c, limit int) [2]int {
	// "Priebus, the party chairman, this past week announced": a time
	// phrase between source and cue
	if np := x.sourceNP(c, limit); np[1] > np[0] && np[0] > limit && x.isTime(np) {
		if src := x.sourceBefore(np[0], limit); x.hasCapOrPronoun(src) {
			return src
		}
	}
	j := c - 1
	for j >= limit && x.toks[j].kind == word && skipBack[x.toks[j].lower] {
		j--
	}
	// a note in parentheses after the name: "Gov. Ann Bell (R) said"
	if j > limit && x.toks[j].text == ")" {
		for m := j - 1; m > limit && m >= j-8; m-- {
			if x.toks[m].inQuote || x.toks[m].kind == para || x.toks[m].text == ")" {
				break
			}
			if x.toks[m].text == "(" {
				if np := x.valid(x.sourceNP(m, limit)); np[1] > np[0] && x.hasCap(np) {
					return [2]int{np[0], j + 1}
				}
				break
			}
		}
	}
	// a relative clause between source and cue, commas inside it:
	// "Mr. Dale, whose company, Ferro, makes parts, said"
	if j > limit && x.toks[j].text == "," {
		for m := j - 1; m > limit && m > j-40; m-- {
			if x.toks[m].inQuote || x.toks[m].kind == para {
				break
			}
			if x.toks[m].text == "," && (x.toks[m+1].lower == "who" || x.toks[m+1].lower == "whose") {
				e := m
				if x.toks[e-1].text == ")" { // "Sen. Ada Morrow (D-Vt.), who"
					for e--; e > limit && x.toks[e].text != "(" && e > m-8; e-- {
					}
				}
				if np := x.valid(x.sourceNP(e, limit)); np[1] > np[0] && (x.hasCapOrPronoun(np) || x.personLike(np)) {
					return np // "Mr. Dale, who ...,", "The official, who ...,"
				}
				break
			}
		}
	}
	// an apposition or relative clause between source and cue:
	// "Craig Morris, an environmental blogger, wrote"
	if j > limit && x.toks[j].text == "," {
		for m := j - 1; m > limit && m > j-32; m-- {
			if x.toks[m].inQuote || x.toks[m].kind == para {
				break
			}
			if x.toks[m].text == "," {
				if auxiliaries[x.toks[m+1].lower] {
					break // "The plan, which Lee rejected, will fail, said": a verb, not an apposition
				}
				np := x.sourceNP(m, limit)
				if np[1] > np[0] && (x.hasCap(np) || pronouns[x.toks[np[0]].lower] || x.valid(np)[1] > 0 && x.hasCap([2]int{m + 1, j})) {
					return [2]int{np[0], j + 1}
				}
				break
			}
		}
	}
	raw := x.sourceNP(c, limit)
	np := x.valid(raw)
	if np[1] == np[0] && raw[1] > raw[0] {
		np = x.unnamedSource(raw, limit)
	}
	// "Jeb Bush in a Medium post said": skip the prepositional phrase
	for tries := 0; tries < 2 && np[1] > np[0] && np[0]-1 > limit; tries++ {
		p := x.toks[np[0]-1]
		if p.kind != word || (p.lower != "in" && p.lower != "on" && p.lower != "during" && p.lower != "at" && p.lower != "with" && p.lower != "through" && p.lower != "to" && p.lower != "for") {
			break
		}
		before := x.valid(x.sourceNP(np[0]-1, limit))
		// "a staffer in the room asked": a determined phrase before a
		// prepositional phrase that names no one
		plain := before[1] > before[0] && determiners[x.toks[before[0]].lower] && !x.hasCapOrPronoun(np) && !unnamedHeads[x.toks[np[1]-1].lower]
		if before[1] == before[0] || !x.hasCapOrPronoun(before) && !plain {
			// "officials who spoke with The Huffington Post said"
			for w := np[0] - 2; w > limit && w >= np[0]-4; w-- {
				if l := x.toks[w].lower; l == "who" || l == "that" {
					if rel := x.valid(x.sourceNP(w, limit)); rel[1] > rel[0] {
						return rel
					}
					break
				}
			}
			break
		}
		np = before
	}
	return np
}

// unnamedSource reads a source that sourceNP cannot end at the cue, a
// proportion ("3 in 10 say", "one in five said"), from raw, the phrase
// sourceNP read before the cue; the empty span when there is none. (A
// plural before a relative clause, "groups that backed him say", was
// tried: it matched more on dev but lowered speaker accuracy on both.)
func (x *extractor) unnamedSource(raw [2]int, limit int) [2]int {
	if s := raw[0]; raw[1]-s == 1 && s-2 >= limit && x.toks[s-1].lower == "in" && countWord(x.toks[s].lower) && countWord(x.toks[s-2].lower) {
		return [2]int{s - 2, raw[1]}
	}
	return [2]int{}
}

// countWord reports whether w is a number in digits or a small number
// word, as in a proportion ("3 in 10", "one in five").
func countWord(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return true
	}
	return false
}

// isTime reports whether the noun phrase src ends in a word of time ("this
// past week", "the 20th century", "April"); a capitalised one only as a
// month or weekday name ("Kristen Day" is a name).
func (x *extractor) isTime(src [2]int) bool {
	t := x.toks[src[1]-1]
	if x.isCap(src[1]-1) || t.text != t.lower {
		return (months[t.lower] && t.lower != "may" || weekdays[t.lower]) && !(src[1]-src[0] > 1 && x.isCap(src[1]-2))
	}
	return timeWords[t.lower] || weekdays[t.lower]
}

// timeWords end a noun phrase of time.
var timeWords = map[string]bool{
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"day": true, "days": true, "weekend": true, "century": true, "decade": true, "decades": true,
	"hours": true, "hour": true, "minutes": true, "time": true, "morning": true, "afternoon": true,
	"evening": true, "night": true,
}

// valid returns src if it looks like a source (a name, a person pronoun,
// a determined noun phrase, a plural or a known source noun), else the
// empty span.
func (x *extractor) valid(src [2]int) [2]int {
	if src[1] <= src[0] {
		return [2]int{}
	}
	first, head := x.toks[src[0]].lower, x.toks[src[1]-1].lower
	switch {
	case x.hasCap(src):
	case src[1]-src[0] == 1 && pronouns[first] && first != "you":
	case (determiners[first] || starters[first]) && src[1]-src[0] >= 2 && !determiners[head]:
	case unnamedHeads[head] || titles[head]:
	case len(head) > 3 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "ous"):
	default:
		return [2]int{}
	}
	return src
}

// cueSource is sourceBefore, except that a participle cue after a verb's
// object ("sent an email saying") takes the clause's subject.
func (x *extractor) cueSource(c, limit int) [2]int {
	if src, ok := x.nounCueSource(c, limit); ok {
		return src
	}
	if c-2 >= limit && x.toks[c-1].lower == "it" && itFrames[x.toks[c-2].lower] && (x.toks[c].lower == "clear" || x.toks[c].lower == "plain" || x.toks[c].lower == "known") {
		// "Lee made it clear that ...": the subject of made, not it
		return x.sourceBefore(c-2, limit)
	}
	if strings.HasSuffix(x.toks[c].lower, "ing") && c-1 > limit && x.toks[c-1].text == "," {
		// "Nefzi said, adding", "Graham said on the show “Today,”
		// adding": the source of the speech verb before
		seen := 0 // words outside quotations: a long quotation does not use up the window
		for k := c - 2; k >= limit && seen < 11 && k >= c-80; k-- {
			if x.toks[k].inQuote || x.toks[k].kind != word {
				continue
			}
			seen++
			if x.weight(k) >= 0.5 && !strings.HasSuffix(x.toks[k].lower, "ing") {
				if src := x.sourceBefore(k, limit); src[1] > src[0] && x.hasCapOrPronoun(src) {
					return src
				}
				break
			}
		}
		// "X rallied supporters, saying": the subject of the clause
		// before the comma
		if subj := x.clauseSubject(limit, c-1); subj[1] > subj[0] {
			return subj // "Lee said he was outraged, arguing ...": the sentence's subject
		}
		from := c - 2
		for from > limit && x.toks[from-1].text != "," && !x.toks[from-1].inQuote {
			from--
		}
		if subj := x.clauseSubject(from, c-1); subj[1] > subj[0] {
			return subj
		}
	}
	ing := strings.HasSuffix(x.toks[c].lower, "ing")
	if c-1 > limit && (ing && subordinators[x.toks[c-1].lower] || x.toks[c-1].lower == "to" && infinitiveCues[x.toks[c].lower]) {
		// "Lee ended by saying", "the letter went on to say": the
		// clause's subject
		if subj := x.clauseSubject(limit, c); subj[1] > subj[0] {
			return subj
		}
		if np := x.determinedSubject(limit, c); np[1] > np[0] {
			return np
		}
	}
	src := x.sourceBefore(c, limit)
	if src[1] > src[0] && ing && src[0]-1 >= limit {
		if p := x.toks[src[0]-1]; p.kind == word && !clauseWords[p.lower] && !skipBack[p.lower] {
			return x.subject(limit, src[0])
		}
	}
	return src
}

// verbSourceBefore returns the named or pronoun source of the nearest
// speech verb before c in the sentence from 'from', past quotations (a
// participle after a quotation shares the source of the verb before it),
// or the empty span.
func (x *extractor) verbSourceBefore(c, from int) [2]int {
	seen := 0
	for k := c - 1; k >= from && seen < 15; k-- {
		t := x.toks[k]
		if t.inQuote || t.kind != word {
			continue
		}
		seen++
		if x.weight(k) >= 0.5 && !strings.HasSuffix(t.lower, "ing") {
			if src := x.sourceBefore(k, from); src[1] > src[0] && x.hasCapOrPronoun(src) {
				return src
			}
			return [2]int{}
		}
	}
	return [2]int{}
}

// ownCue reports whether [a, b) holds a strong cue with a source of its
// own before it that is no relative pronoun ("Rask said ...", not "who
// endorsed Lee").
func (x *extractor) ownCue(a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].inQuote || x.weight(k) < 0.5 {
			continue
		}
		if src := x.sourceBefore(k, a); src[1] > src[0] && x.hasCapOrPronoun(src) && !(src[1]-src[0] == 1 && x.toks[src[0]].lower == "who") {
			return true
		}
	}
	return false
}

// personLike reports whether src names or describes someone: a name, a
// pronoun, or a word for a person or group of sources in it.
func (x *extractor) personLike(src [2]int) bool {
	if x.hasCapOrPronoun(src) {
		return true
	}
	for k := src[0]; k < src[1]; k++ {
		if l := strings.TrimSuffix(x.toks[k].lower, "."); unnamedHeads[l] || titles[l] || roleWords[l] {
			return true
		}
	}
	return false
}

// itFrames take "it" as a dummy object before an adjective cue ("made it
// clear", "makes it plain").
var itFrames = map[string]bool{"made": true, "make": true, "makes": true, "making": true, "has": true}

// nounCueSource reads the source of a cue that is a noun with its own
// modifiers before it ("a short statement", "their best hope", "the roll
// call"): the words before the noun describe it and name no one. A
// possessive determiner is the source ("his own promise"); otherwise the
// subject of the clause that holds the noun phrase ("Lee issued a short
// statement"), or no source. ok is false when c is not such a noun.
func (x *extractor) nounCueSource(c, limit int) (src [2]int, ok bool) {
	l := x.toks[c].lower
	if !nounCues[l] && !(verbNounCues[l] && !strings.HasSuffix(l, "s")) {
		return [2]int{}, false
	}
	np := x.sourceNP(c, limit)
	if np[1]-np[0] < 2 || np[1] != c || !determiners[x.toks[np[0]].lower] {
		return [2]int{}, false
	}
	for k := np[0] + 1; k < np[1]; k++ {
		if x.isCap(k) {
			return [2]int{}, false // "the NRA's opposition", "The Murphy conference call"
		}
	}
	head := x.toks[np[1]-1].lower
	if unnamedHeads[head] || titles[head] || verbNounCues[l] && len(head) > 3 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") {
		return [2]int{}, false // "some critics fear": a subject and a verb
	}
	switch first := x.toks[np[0]].lower; first {
	case "his", "her", "their", "its":
		return [2]int{np[0], np[0] + 1}, true
	case "a", "an", "the", "this", "most", "other", "some":
	default:
		return [2]int{}, false
	}
	if subj := x.clauseSubject(limit, np[0]); subj[1] > subj[0] {
		return subj, true
	}
	if subj := x.determinedSubject(limit, np[0]); subj[1] > subj[0] {
		return subj, true // "The council made a definitive call"
	}
	return [2]int{}, false
}

// nounCues are nouns of saying that are seldom verbs.
var nounCues = map[string]bool{
	"statement": true, "consensus": true, "description": true, "endorsement": true,
	"speculation": true, "contention": true, "assertion": true, "criticism": true,
	"suggestion": true, "accusations": true, "allegations": true, "accusation": true,
	"allegation": true, "belief": true, "opposition": true, "critique": true, "admission": true,
	"concerns": true, "insistence": true, "announcement": true,
}

// verbNounCues are nouns of saying that are also verbs; they are nouns
// after a determiner when they carry no verb ending and the words before
// them do not end in a plural ("a definitive call", not "some critics fear").
var verbNounCues = map[string]bool{
	"call": true, "view": true, "hope": true, "promise": true, "claim": true, "forecast": true,
	"warning": true, "concern": true, "demand": true, "pledge": true, "vow": true, "fear": true,
}

// infinitiveCues after "to" take the clause's subject ("went on to say").
var infinitiveCues = map[string]bool{"say": true, "tell": true, "add": true}

// openers start a subordinate clause that opens a sentence.
var openers = map[string]bool{
	"when": true, "if": true, "as": true, "because": true, "since": true, "although": true,
	"though": true, "while": true, "after": true, "before": true, "once": true, "until": true,
	"whenever": true, "unless": true, "despite": true, "amid": true, "with": true,
}

// subordinators join a participle cue to its clause without a subject
// of its own ("by saying", "before adding").
var subordinators = map[string]bool{
	"by": true, "before": true, "after": true, "while": true, "when": true, "without": true,
}

// determinedSubject returns the determined noun phrase that opens the
// clause [a, c) ("The letter went on to say"), or the empty span.
func (x *extractor) determinedSubject(a, c int) [2]int {
	if a+2 < c && x.toks[a+1].text == "," && x.adverbial(a, a+1) {
		a += 2 // "Likewise, a memo from the office had this to say"
	}
	if a >= c || !determiners[x.toks[a].lower] {
		return [2]int{}
	}
	k := a + 1
	for k < c && k <= a+4 && x.toks[k].kind == word {
		l := x.toks[k].lower
		if skipBack[l] || clauseWords[l] || x.weight(k) >= 0.5 || (k > a+1 && len(l) > 4 && strings.HasSuffix(l, "ed")) || commonVerbs[l] {
			break
		}
		k++
	}
	if k == a+1 || k >= c {
		return [2]int{}
	}
	return [2]int{a, k}
}

// commonVerbs end a noun phrase read forwards.
var commonVerbs = map[string]bool{
	"went": true, "goes": true, "go": true, "sent": true, "made": true, "makes": true,
	"took": true, "takes": true, "gave": true, "gives": true, "came": true, "comes": true,
	"got": true, "gets": true, "continues": true, "continued": true, "began": true, "begins": true,
	"ended": true, "ends": true, "closed": true, "closes": true, "opened": true, "opens": true,
}

// sourceNP reads the noun phrase that ends right before c.
func (x *extractor) sourceNP(c, limit int) [2]int {
	j := c - 1
	for j >= limit && x.toks[j].kind == word {
		l := x.toks[j].lower
		if skipBack[l] || (strings.HasSuffix(l, "ly") && len(l) > 4 && !x.isCap(j)) {
			j--
			continue
		}
		// "Trump on Tuesday said", "Clinton last week said"
		if weekdays[l] && j-1 >= limit && (x.toks[j-1].lower == "on" || x.toks[j-1].lower == "last" || x.toks[j-1].lower == "this") {
			j -= 2
			continue
		}
		break
	}
	if j < limit || x.toks[j].kind != word || x.toks[j].inQuote {
		return [2]int{}
	}
	if pronouns[x.toks[j].lower] {
		return [2]int{j, j + 1}
	}
	if clauseWords[x.toks[j].lower] || cueWeight[x.toks[j].lower] >= 0.5 && !x.isCap(j) {
		return [2]int{} // "Lee said in his statement": no noun phrase ends at "said"
	}
	k := j
	for k >= limit && j-k < 8 {
		t := x.toks[k]
		if t.kind != word || t.inQuote {
			break
		}
		if clauseWords[t.lower] || pronouns[t.lower] {
			// "Secretary of State John Kerry": of between capitals
			if t.lower == "of" && k-1 >= limit && x.isCap(k-1) && x.isCap(k+1) {
				k--
				continue
			}
			break
		}
		if k < j && cueWeight[t.lower] >= 0.5 && !x.isCap(k) {
			break
		}
		k--
		if determiners[t.lower] {
			break
		}
	}
	if k == j {
		return [2]int{}
	}
	return [2]int{k + 1, j + 1}
}

// starters may open a source phrase after its cue ("said another
// Republican", "said former Gov. Bush").
var starters = map[string]bool{
	"another": true, "former": true, "each": true, "every": true, "no": true, "fellow": true,
	"top": true, "senior": true, "longtime": true, "then": true, "veteran": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"this": true, "these": true, "those": true, "some": true, "many": true, "several": true,
	"two": true, "three": true, "four": true, "one": true, "most": true, "few": true,
	"our": true, "my": true, "other": true, "both": true,
}

// sourceAfter reads the source phrase that starts at k ("said Sen. Cruz",
// "according to a statement"), stopping at punctuation, a clause word or
// limit.
func (x *extractor) sourceAfter(k, limit int) [2]int {
	if k >= limit || x.toks[k].kind != word || x.toks[k].inQuote {
		return [2]int{}
	}
	if pronouns[x.toks[k].lower] {
		return x.valid([2]int{k, k + 1})
	}
	if l := x.toks[k].lower; (l == "another" || l == "one") && (k+1 >= limit || x.toks[k+1].kind != word) {
		return [2]int{k, k + 1} // "“...,” said another."
	}
	if !x.isCap(k) && !determiners[x.toks[k].lower] && !starters[x.toks[k].lower] {
		// "said conservative activist Bob Klaus": a name soon after
		named := false
		for m := k + 1; m < limit && m < k+4 && x.toks[m].kind == word && !clauseWords[x.toks[m].lower]; m++ {
			if x.isCap(m) {
				named = true
				break
			}
		}
		if !named && !(unnamedHeads[x.toks[k].lower] && len(x.toks[k].lower) > 6) {
			// "according to officials with knowledge of ..." is a source
			return [2]int{}
		}
	}
	j := k
	for j < limit && j-k < 10 {
		t := x.toks[j]
		if t.kind != word || t.inQuote || (j > k && (t.lower == "that" || t.lower == "and" || t.lower == "who" || t.lower == "in" || t.lower == "on" || t.lower == "at" || t.lower == "during" || t.lower == "when" || t.lower == "while" || cueWeight[t.lower] >= 0.5)) {
			break
		}
		j++
	}
	if unnamedHeads[x.toks[k].lower] {
		return [2]int{k, j}
	}
	return x.valid([2]int{k, j})
}

// contentEnd moves to back over closing punctuation and line breaks.
func (x *extractor) trimEnd(from, to int) int {
	for to > from {
		t := x.toks[to-1]
		if t.kind == para || (t.kind == punct && strings.Contains(".!?;:,)—–-", t.text)) {
			to--
			continue
		}
		break
	}
	return to
}

func (x *extractor) trimStart(from, to int) int {
	for from < to {
		t := x.toks[from]
		if t.kind == para || (t.kind == punct && strings.Contains(",:;—–-(", t.text)) {
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

// near is how many tokens away from a quotation its cue may stand
// before it; after it the source may come first, with an apposition, so
// the cue may stand up to farAfter tokens away.
const (
	near     = 7
	farAfter = 24
)

// direct attributes the long quotations qs of unit u. Each quotation
// takes the cue right after it ("...," Psaki said) or right before it
// (Biden said: "..."); neighbouring quotations that share a cue are one
// attribution ("A," he said, "B."). The frame text left over is read for
// indirect attributions. A unit whose quotations have no cue near them is
// read as indirect text, or when it is nothing but a quotation, added to
// the quote of the sentence before.
func (x *extractor) direct(u unit, qs []region, long []int) {
	n := len(qs)
	segFrom := func(i int) int { // frame segment i lies before quote i
		if i == 0 {
			return u.from
		}
		return qs[i-1].close + 1
	}
	segTo := func(i int) int {
		if i == n {
			return u.to
		}
		return qs[i].open
	}
	notQuoted := func(k int) bool { return !x.toks[k].inQuote || long[k] == 0 && x.toks[k].kind != word }
	cueOf := make([]int, n)
	for i, r := range qs {
		cueOf[i] = -1
		// after: within the first tokens of the next segment
		af, at := segFrom(i+1), segTo(i+1)
		// the strongest cue after, not one inside a relative clause after
		// the source ("...?" asked the boy, who said ...)
		ae := min(at, af+farAfter)
		for k := af; k < ae; k++ {
			if x.toks[k].lower == "who" || x.toks[k].lower == "which" {
				if x.bestCue(af, k, func(k int) bool { return long[k] == 0 && notQuoted(k) }) >= 0 {
					ae = k
				}
				break
			}
		}
		after := x.bestCue(af, ae, func(k int) bool { return long[k] == 0 && notQuoted(k) })
		// before: within the last tokens of the segment before, which
		// must end at the cue, a colon, a comma or the source
		bf, bt := segFrom(i), segTo(i)
		// the cue nearest the quotation ("Cruz said, adding: ..."), a
		// strong one over a weak noun ("said in a statement: ...")
		before := -1
		for _, floor := range []float64{0.5, minCue} {
			for k := bt - 1; k >= max(bf, bt-near) && before < 0; k-- {
				if long[k] == 0 && notQuoted(k) && x.weight(k) >= floor {
					before = k
				}
			}
		}
		if before >= 0 && x.words(before+1, bt) > 4 && !x.addressee(before+1, bt) {
			before = -1
		}
		// an earlier strong cue with a subject of its own governs the
		// quotation ("Devine said Republicans ... shows their “...”"),
		// and so does one that opens the sentence ("Said Dorothy
		// Poynter, who grew up with Ali, “...”")
		if before < 0 && bf == u.from && bt > bf && x.weight(bf) >= 0.5 && x.sourceAfter(bf+1, bt)[1] > 0 {
			before = bf
		}
		ownSubject := before >= 0 && x.hasCapOrPronoun(x.sourceBefore(before, bf))
		// "Lee praised the crew and said, “...”": the verb
		// coordinated with the sentence's first is the quotation's cue
		coordinated := before > bf && (x.toks[before-1].lower == "and" || x.toks[before-1].lower == "but") &&
			x.weight(before) >= 0.5 && x.hasCapOrPronoun(x.clauseSubject(bf, before-1))
		// "..., telling a radio host: “...”", "issued a statement
		// saying, “...”": a participle right before the quotation
		// introduces it
		participle := before > bf && strings.HasSuffix(x.toks[before].lower, "ing") && x.weight(before) >= 0.5 &&
			x.toks[before].lower != "according"
		ownSubject = ownSubject || coordinated || participle
		if ownSubject {
			// "Lee said he wants “...”": the nearer cue and its subject
			// are the content of a speech verb right before them
			k := x.sourceBefore(before, bf)[0] - 1
			if k > bf && x.toks[k].lower == "that" {
				k--
			}
			if k >= bf && !x.toks[k].inQuote && x.weight(k) >= 0.5 && x.hasCapOrPronoun(x.cueSource(k, bf)) {
				before = k
			}
		}
		for k := bf; k < bt && (before < 0 || k < before) && !ownSubject; k++ {
			if x.weight(k) >= 0.5 && !x.toks[k].inQuote {
				if src := x.sourceBefore(k, bf); src[1] > src[0] && x.hasCapOrPronoun(src) {
					if before < 0 || x.words(k, bt) > near {
						before = k
					}
					break
				}
			}
		}
		colon := bt-1 >= bf && x.toks[bt-1].text == ":"
		endsComma := r.close-1 > r.open && x.toks[r.close-1].text == ","
		if after >= 0 && !endsComma && x.words(af, after) > near {
			after = -1 // far after a full stop: another sentence's cue
		}
		if after >= 0 && i+1 < n && strings.HasSuffix(x.toks[after].lower, "ing") && x.words(after+1, qs[i+1].open) == 0 {
			after = -1 // "“...,” adding, “...”": the participle introduces the next quotation
		}
		// "Kasich cautioned “...,” before predicting ...": a cue right
		// before the quotation governs it when the cue after has no
		// source of its own
		adjacentBefore := before >= 0 && x.words(before+1, bt) == 0 && after >= 0 && (x.words(af, after) > 0 || strings.HasSuffix(x.toks[after].lower, "ing")) &&
			!x.hasCapOrPronoun(x.sourceBefore(after, af)) && (strings.HasSuffix(x.toks[after].lower, "ing") || x.sourceAfter(after+1, at)[1] == 0)
		switch {
		case after >= 0 && endsComma && !adjacentBefore:
			cueOf[i] = after
		case after < 0 && x.dashSource(af, at) >= 0:
			cueOf[i] = x.dashSource(af, at) // "...." - Mayor Tom Reyes
		case before >= 0:
			cueOf[i] = before
		case colon:
			cueOf[i] = bt - 1
			// "said that if ... possible: ''...''": a strong cue earlier
			// in the sentence governs the colon and the quotation
			for k := bf; k < bt-1; k++ {
				if x.weight(k) >= 0.5 && !x.toks[k].inQuote {
					cueOf[i] = k
					break
				}
			}
		case after >= 0:
			cueOf[i] = after
		case bt-2 >= bf && (x.toks[bt-1].text == "," || x.toks[bt-1].text == ":") && x.toks[bt-2].kind == word && !x.isCap(bt-2) &&
			x.hasCapOrPronoun(x.sourceNP(bt-2, bf)) && x.sourceNP(bt-2, bf)[0] == bf:
			// Prager continues, “...”: a name or pronoun and any verb
			cueOf[i] = bt - 2
		case endsComma:
			// "...," Toomey fumed: a name or pronoun and any verb
			src := x.sourceAfter(af, at)
			if src[1] > src[0] && src[1] < at && x.toks[src[1]].kind == word && x.hasCapOrPronoun(src) {
				cueOf[i] = src[1]
			} else if v := x.verbAfterName(af, at); v >= 0 {
				cueOf[i] = v
			}
		}
	}
	for i, c := range cueOf {
		if c >= 0 && titleNouns[x.toks[c].lower] && x.isTitle(qs[i]) {
			cueOf[i] = -1 // the TV show “Cake Boss”: a title, not a quotation
		}
	}
	any := false
	for _, c := range cueOf {
		any = any || c >= 0
	}
	if !any {
		standalone := x.words(u.from, u.to)-x.quoteWords(qs) <= 2
		switch {
		case standalone && x.pend != nil && x.pend.sentence == u.sentence-1 && (x.pend.colon || u.from > 0 && x.toks[u.from-1].kind != para) && x.takePending(u, qs):
		case standalone && len(x.out) > 0 && x.emitPara == u.para && x.emitSent == u.sentence-1:
			x.extend(u, quoteParts(qs))
		case !standalone:
			x.indirect(u)
		}
		return
	}
	used := [2]int{u.to, u.from} // the span of frame used by direct attributions
	for i := 0; i < n; {
		c := cueOf[i]
		j := i + 1
		for j < n && cueOf[j] == c {
			j++
		}
		if c < 0 {
			i = j
			continue
		}
		cueEnd := c + 1
		if x.toks[c].lower == "according" {
			cueEnd = c + 2
		}
		// the source: in the cue's segment, before the cue, else after it
		seg := 0
		for seg < n && qs[seg].open < c {
			seg++
		}
		lo, hi := segFrom(seg), segTo(seg)
		var src [2]int
		if x.toks[c].lower != "according" {
			src = x.cueSource(c, lo)
		}
		if x.toks[c].text == ":" && !x.hasCapOrPronoun(src) {
			src = [2]int{} // "few keep: ..." is no source
			if lo == u.from {
				// "The letter continues: ...", "Lee leaned in and
				// boomed: ...": the subject of the sentence
				if src = x.clauseSubject(lo, c); src[1] == src[0] {
					src = x.determinedSubject(lo, c)
				}
			}
		}
		if src[1] == src[0] && c-1 > lo && (x.toks[c-1].lower == "and" || x.toks[c-1].lower == "but") {
			src = x.clauseSubject(lo, c-1) // "Lee ... and said"
		}
		if src[1] == src[0] {
			src = x.sourceAfter(cueEnd, hi)
			// before a quotation, a source after the cue must close the
			// frame ("said Trump: ..."), else it is the content's subject
			if c < qs[i].open && c != u.from && src[1] > src[0] && !(src[1] == qs[i].open-1 && (x.toks[src[1]].text == "," || x.toks[src[1]].text == ":")) {
				src = [2]int{}
			}
		}
		if src[1] == src[0] && c > u.from && strings.HasSuffix(x.toks[c].lower, "ing") && x.toks[c-1].kind == close {
			src = x.verbSourceBefore(c, u.from) // Lee told the paper that Ray “...,” adding, “...”
		}
		if src[1] == src[0] {
			src = x.subject(u.from, c)
		}
		q := x.newQuote(u, [2]int{c, cueEnd}, src)
		from := cueEnd
		if src[0] >= cueEnd && src[1] <= qs[i].open {
			from = src[1]
		}
		from = x.trimStart(from, qs[i].open)
		inverted := c == u.from && src[0] == cueEnd // Said Dorothy Poynter, who ..., “...”
		if c < qs[i].open && !inverted && x.words(from, qs[i].open) > 0 && !x.addressee(from, qs[i].open) {
			// said Trump was "working beautifully": the clause is the
			// content, and the quote is not direct
			x.setContent(&q, [][2]int{{from, qs[j-1].close + 1}})
		} else if bf := x.trimStart(segFrom(i), qs[i].open); c > qs[i].open && bf < qs[i].open && x.toks[qs[i].open-1].kind == word {
			// Clinton is "the most dishonest candidate," Pence said:
			// the quotation continues the clause before it
			x.setContent(&q, [][2]int{{bf, qs[j-1].close + 1}})
		} else if lead := x.frameBefore(u.from, qs[i].open, c, i); lead[1] > lead[0] {
			// If the bill passes, “it will change everything,” Lee said:
			// the clause before the quotation is part of the content
			x.setContent(&q, append([][2]int{lead}, quoteParts(qs[i:j])...))
			used[0] = u.from
		} else if lead := x.leadingFrame(u.from, src, c, i); lead[1] > lead[0] {
			// The new rules, he said, “will make the roads safer”: the
			// words before the source are part of the content
			x.setContent(&q, append([][2]int{lead}, quoteParts(qs[i:j])...))
			used[0] = u.from
		} else {
			q.Direct = true
			x.setContent(&q, quoteParts(qs[i:j]))
		}
		x.emit(q)
		x.noteSpeaker(q, src)
		for _, k := range []int{c, cueEnd - 1, src[0], src[1] - 1} {
			if k >= u.from && (src[1] > src[0] || k == c || k == cueEnd-1) {
				used[0], used[1] = min(used[0], k), max(used[1], k+1)
			}
		}
		i = j
	}
	// the frame left before the first quotation and after the last
	if first := segTo(0); used[0] > u.from && used[0] <= first && x.words(u.from, used[0]) >= 4 {
		x.clause(u, u.from, used[0])
	}
	if last := segFrom(n); used[1] >= last && x.words(used[1], u.to) >= 4 {
		x.clause(u, used[1], u.to)
	} else if used[1] < last && x.words(last, u.to) >= 4 && len(x.out) > 0 {
		// "Pell said “...,” adding that ...": the participle after the
		// quotation has the quotation's source
		prev, k := x.out[len(x.out)-1], len(x.out)
		x.clause(u, last, u.to)
		for ; k < len(x.out); k++ {
			if q := &x.out[k]; q.Speaker == "" && prev.Speaker != "" && strings.HasSuffix(q.Cue, "ing") {
				q.Speaker, q.SpeakerStart, q.SpeakerEnd, q.Unnamed = prev.Speaker, prev.SpeakerStart, prev.SpeakerEnd, prev.Unnamed
			}
		}
	}
}

// titleNouns name works whose titles stand in quotation marks.
var titleNouns = map[string]bool{
	"show": true, "series": true, "book": true, "film": true, "movie": true, "song": true,
	"album": true, "play": true, "musical": true, "novel": true, "memoir": true, "documentary": true,
	"program": true, "programme": true, "sitcom": true, "episode": true, "column": true, "town": true,
}

// isTitle reports whether the quotation r reads as a title: a few words,
// each significant one capitalised ("The Apprentice", "Crippled America:
// How to Make America Great Again").
func (x *extractor) isTitle(r region) bool {
	n := 0
	for k := r.open + 1; k < r.close; k++ {
		t := x.toks[k]
		if t.kind != word {
			continue
		}
		n++
		if !x.isCap(k) && len(t.text) > 3 {
			return false
		}
	}
	return n > 0 && n <= 10
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

// dashSource returns the dash when the tokens [from, to) after a
// quotation are a dash and a name closing the sentence (`"..." - Mayor
// Tom Reyes`), else -1.
func (x *extractor) dashSource(from, to int) int {
	for from < to && x.toks[from].kind == para {
		from++ // a dash line of its own under the quotation
	}
	if from >= to || (x.toks[from].text != "-" && x.toks[from].text != "—" && x.toks[from].text != "–") {
		return -1
	}
	end := to
	for end > from+1 && x.toks[end-1].kind != word {
		end--
	}
	src := x.sourceAfter(from+1, end)
	// the name may close the sentence or take an apposition
	// ("— Tom Reyes, mayor of Dover")
	if src[1] > src[0] && x.isCap(src[0]) && (src[1] == end || x.toks[src[1]].text == ",") && end-from <= 16 {
		return from
	}
	return -1
}

// clauseSubject finds the subject at the start of the clause [a, c): the
// first person pronoun or name not governed by a preposition.
func (x *extractor) clauseSubject(a, c int) [2]int {
	// "Eight years ago, he ...", "When the court failed to act, he
	// ...": past an adverbial or subordinate clause opening the clause
	for m := a + 1; m < c && m < a+30; m++ {
		if x.toks[m].text == "," {
			if x.adverbial(a, m) || openers[x.toks[a].lower] {
				a = m + 1
			}
			break
		}
		if x.toks[m].inQuote || x.toks[m].kind == para {
			break
		}
	}
	for k := a; k < c && k < a+8; k++ {
		t := x.toks[k]
		if t.kind != word || t.inQuote {
			continue
		}
		if t.lower == "he" || t.lower == "she" || t.lower == "they" || t.lower == "we" {
			return [2]int{k, k + 1}
		}
		if x.isCap(k) && !(k > a && affiliationWords[x.toks[k-1].lower]) {
			j := k
			for j < c && x.isCap(j) {
				j++
			}
			return [2]int{k, j}
		}
	}
	return [2]int{}
}

// inParens reports whether the word k is a short note in parentheses
// ("(R-Ariz.)", "(I-Vt.)").
func (x *extractor) inParens(k int) bool {
	return k > 0 && x.toks[k-1].text == "(" && k+1 < len(x.toks) && (x.toks[k+1].text == ")" || x.toks[k+1].text == "." && k+2 < len(x.toks) && x.toks[k+2].text == ")")
}

// subject finds the speaker of a participle cue without a subject of its
// own ("..., saying", "before adding:"): the nearest pronoun or name
// before the cue in the unit.
func (x *extractor) subject(from, c int) [2]int {
	for k := c - 1; k >= from; k-- {
		t := x.toks[k]
		if t.kind != word || t.inQuote || x.inParens(k) {
			continue // "Sen. Jeff Flake (R-Ariz.)": the note is no name
		}
		if t.lower == "he" || t.lower == "she" || t.lower == "they" || t.lower == "we" {
			return [2]int{k, k + 1}
		}
		if x.isCap(k) && k > from {
			j := k
			for j > from && x.isCap(j-1) && !x.toks[j-1].inQuote {
				j--
			}
			return [2]int{j, k + 1}
		}
	}
	return [2]int{}
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

// indirect finds the attributions of a unit without long quotations: one
// per clause (clauses split at semicolons).
func (x *extractor) indirect(u unit) {
	a := u.from
	for k := u.from; k <= u.to; k++ {
		if k == u.to || (x.toks[k].kind == punct && x.toks[k].text == ";") || x.participleClause(k, a) || x.newClause(k) || x.afterSubordinate(k, a) {
			if k > a {
				x.clause(u, a, k)
			}
			a = k + 1
		}
	}
}

// newClause reports whether the comma at k starts a coordinated clause
// with a subject of its own (", and the crowd reprised ...").
// afterSubordinate reports whether the comma at k closes a subordinate
// clause that opens the clause at a and holds a cue of its own with its
// subject ("While Holm said the ferry was unsafe, he said ..."): the
// main clause after it is read on its own.
func (x *extractor) afterSubordinate(k, a int) bool {
	if k+2 >= len(x.toks) || x.toks[k].text != "," || x.toks[k].inQuote || !openers[x.toks[a].lower] {
		return false
	}
	if l := x.toks[a].lower; l == "as" || l == "with" {
		return false // "As Lee noted, the talks ...": the main clause is the content
	}
	n := x.toks[k+1]
	if n.kind != word || !(pronouns[n.lower] && n.lower != "who" || x.isCap(k+1)) {
		return false
	}
	for m := a + 1; m < k; m++ {
		if x.weight(m) >= 0.5 && !x.toks[m].inQuote && x.hasCapOrPronoun(x.sourceBefore(m, a+1)) {
			return true
		}
	}
	return false
}

func (x *extractor) newClause(k int) bool {
	if k+2 >= len(x.toks) || x.toks[k].text != "," || x.toks[k].inQuote {
		return false
	}
	switch x.toks[k+1].lower {
	case "and", "but", "while", "although", "though", "whereas", "yet":
	default:
		return false
	}
	n := x.toks[k+2]
	if n.kind != word {
		return false
	}
	return pronouns[n.lower] && n.lower != "who" || determiners[n.lower] || x.isCap(k+2)
}

// participleClause reports whether the comma at k opens a participle
// clause with a cue of its own ("..., adding that ...") after a clause
// that has a cue.
func (x *extractor) participleClause(k, a int) bool {
	if k+1 >= len(x.toks) || x.toks[k].inQuote {
		return false
	}
	n := x.toks[k+1]
	switch {
	case x.toks[k].text == ",":
		if n.kind != word || !strings.HasSuffix(n.lower, "ing") || cueWeight[n.lower] < 0.5 || n.lower == "according" {
			return false // ", according to X" attributes the clause before
		}
	case x.toks[k].lower == "and" || x.toks[k].lower == "but":
		// "said ... and called it a starting point"
		if n.kind != word || !strings.HasSuffix(n.lower, "ed") || cueWeight[n.lower] < 0.5 {
			return false
		}
	default:
		return false
	}
	for m := a; m < k; m++ {
		if x.weight(m) >= 0.5 && !x.toks[m].inQuote {
			return true
		}
	}
	return false
}

func (x *extractor) clause(u unit, a, b int) {
	b = x.trimEnd(a, b)
	a = x.trimStart(a, b)
	if a < b && (x.toks[a].lower == "and" || x.toks[a].lower == "but" || x.toks[a].lower == "while" || x.toks[a].lower == "although" || x.toks[a].lower == "though" || x.toks[a].lower == "whereas" || x.toks[a].lower == "yet") && a+1 < b && x.weight(a+1) == 0 {
		a++
	}
	// "In a poll released Monday, 31 percent said ...": the poll is the
	// source of the rest of the clause, which is read on for its own cues
	if s := x.inDocument(a, b); s > a {
		q := x.newQuote(u, [2]int{a, a + 1}, [2]int{a + 1, s})
		x.setContent(&q, [][2]int{{s + 1, b}})
		x.emit(q)
		a = s + 1
	}
	// "Later she warned the council:" at the end of a paragraph
	// introduces the quotation that opens the next one
	if e := x.lastToken(u); e >= b && x.toks[e].text == ":" && x.words(b, e) == 0 && u.to < len(x.toks) && x.toks[u.to].kind == open {
		x.notePending(u, a, b)
		return
	}
	// "according to X" attributes its whole clause, whatever verbs the
	// clause holds ("Lee declined the offer, according to two aides")
	for c := a; c < b; c++ {
		if x.toks[c].lower == "according" && !x.toks[c].inQuote && x.weight(c) > 0 && x.attribute(u, a, b, c) {
			return
		}
	}
	// "..., CNN reported." / "..., said Lee.": a source and cue closing
	// the clause after a comma attribute all of it
	if c := x.tailCue(a, b); c >= 0 && x.attribute(u, a, b, c) {
		return
	}
	// strong cues first, each group in text order
	for _, floor := range cueTiers {
		for c := a; c < b; c++ {
			if x.toks[c].inQuote {
				continue
			}
			if w := x.tierWeight(c, a); w >= floor.lo && w < floor.hi && !x.inAside(c, a, b) && x.attribute(u, a, b, c) {
				return
			}
		}
	}
	x.notePending(u, a, b)
}

// pending is a source and cue whose content has not come yet: "Lee
// agreed." or "Lee put it this way:" before a quotation standing alone.
type pending struct {
	cue, cueEnd int
	src         [2]int
	sentence    int
	colon       bool // the sentence ends with a colon: the quotation may open the next paragraph
}

// notePending remembers the clause [a, b) of u as a pending attribution
// if it is a source and a cue with at most a few words after it (more
// when a colon ends it) and no content.
func (x *extractor) notePending(u unit, a, b int) {
	colon := false
	for k := b; k < u.to; k++ {
		if x.toks[k].text == ":" {
			colon = true
		}
	}
	floor := 0.5
	if colon {
		floor = minCue // "Lee released the following statement:"
	}
	for c := b - 1; c >= a; c-- {
		if x.toks[c].inQuote || x.weight(c) < floor || x.toks[c].lower == "according" {
			continue
		}
		rest := x.words(c+1, b)
		if rest > 2 && !(colon && rest <= 8) {
			return
		}
		for k := c + 1; k < b; k++ {
			if x.toks[k].lower == "that" || x.toks[k].kind != word {
				return
			}
		}
		src := x.cueSource(c, a)
		if colon && !x.hasCapOrPronoun(src) {
			src = x.clauseSubject(a, c)
		}
		if !x.hasCapOrPronoun(src) || x.words(a, src[0]) > 2 {
			return
		}
		x.pend = &pending{cue: c, cueEnd: c + 1, src: src, sentence: u.sentence, colon: colon}
		return
	}
}

// takePending attributes the standalone quotations qs of u to the
// pending attribution of the sentence before, and reports whether it did.
func (x *extractor) takePending(u unit, qs []region) bool {
	p := x.pend
	if p == nil || p.sentence != u.sentence-1 {
		return false
	}
	x.pend = nil
	q := x.newQuote(u, [2]int{p.cue, p.cueEnd}, p.src)
	q.Direct = true
	x.setContent(&q, quoteParts(qs))
	x.emit(q)
	x.noteSpeaker(q, p.src)
	return true
}

// inAside reports whether the cue at c stands in a relative clause set
// off by commas before the cue of the clause [a, b): "The official, who
// spoke on condition of anonymity, said that ..." is said's, not spoke's.
func (x *extractor) inAside(c, a, b int) bool {
	open := -1
	for k := c - 1; k > a; k-- {
		t := x.toks[k]
		if t.inQuote || t.kind == para {
			return false
		}
		if t.text == "," {
			if l := x.toks[k+1].lower; l == "who" || l == "whose" || l == "which" {
				open = k
			}
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := c + 1; k+1 < b; k++ {
		t := x.toks[k]
		if t.inQuote || t.kind == para {
			return false
		}
		if t.text != "," {
			continue
		}
		n := k + 1
		for n < b && x.toks[n].kind == word && skipBack[x.toks[n].lower] {
			n++
		}
		return n < b && x.weight(n) >= 0.5
	}
	return false
}

// tierWeight is the weight that places the cue at c of the clause from a
// in a tier: "say" after its own subject is as strong as "said" ("Voters
// say he was unsure until Lee said ..." is the voters'), though as a
// word form it is often something else ("to say", "say, a week"). (The
// same for other plain present forms, "claim", "note", "admit", ...,
// lowered speaker accuracy on train.)
func (x *extractor) tierWeight(c, a int) float64 {
	w := x.weight(c)
	if x.toks[c].lower == "say" && c > a && x.toks[c-1].lower != "to" && !auxiliaries[x.toks[c-1].lower] {
		if src := x.sourceBefore(c, a); src[1] > src[0] {
			return cueTiers[0].lo
		}
	}
	return w
}

// nested reads the content [s, b) of the attribution just emitted for an
// attribution of its own: "Dorn said Pike says the deal is dead" is
// Dorn's, and "the deal is dead" is Pike's too. Only a plain "say" is
// kept (other inner cues, "called", "asked", "told", were more often
// no attribution of the gold's on train). The outer speaker stays the one
// later pronouns refer to.
func (x *extractor) nested(u unit, s, b int) {
	if !x.ownCue(s, b) {
		return
	}
	n := len(x.out)
	saved := *x
	x.clause(u, s, b)
	if len(x.out) > n && plainSay[strings.ToLower(x.out[n].Cue)] {
		x.lastPerson = saved.lastPerson
		return
	}
	out := x.out[:n]
	*x = saved
	x.out = out
}

// plainSay are the forms of "say" that make an attribution nested in
// another one's content.
var plainSay = map[string]bool{"say": true, "says": true, "said": true}

// cueTiers: a clause's cues are tried strongest tier first, each tier in
// text order, so "X said Y believes Z" is X's.
var cueTiers = []struct{ lo, hi float64 }{{0.6, 2}, {minCueDefault, 0.6}}

// attribute tries to build an attribution around the cue at c in the
// clause [a, b); it reports whether it did.
func (x *extractor) attribute(u unit, a, b, c int) bool {
	if titleNouns[x.toks[c].lower] && c+1 < b && x.toks[c+1].kind == open {
		for _, r := range x.regions {
			if r.open == c+1 && x.isTitle(r) {
				return false // the TV show “Cake Boss”
			}
		}
	}
	if x.toks[c].lower == "according" {
		src := x.sourceAfter(c+2, b)
		if src[1] == src[0] {
			src = x.phraseAfter(c+2, b) // "according to exit polling data"
		}
		if src[1] == src[0] {
			return false
		}
		q := x.newQuote(u, [2]int{c, c + 2}, src)
		if x.words(a, c) <= 1 {
			// According to X, content.
			s := src[1]
			for s < b && x.toks[s].text != "," {
				s++
			}
			s = x.trimStart(s, b)
			if x.words(s, b) < 2 {
				return false
			}
			x.setContent(&q, [][2]int{{s, b}})
		} else {
			e := x.trimEnd(a, c)
			x.setContent(&q, [][2]int{{a, e}})
		}
		x.emit(q)
		x.noteSpeaker(q, src)
		return true
	}
	if x.passive(u, a, b, c) {
		return true
	}
	var src [2]int
	sameSpeaker := len(x.out) > 0 && x.out[len(x.out)-1].Sentence == u.sentence &&
		(c == a || strings.HasSuffix(x.toks[c].lower, "ing") && c-1 >= a && x.toks[c-1].text == ",")
	if !sameSpeaker {
		src = x.cueSource(c, a)
	}
	if src[1] == src[0] && c-1 > a && (x.toks[c-1].lower == "and" || x.toks[c-1].lower == "but") {
		src = x.clauseSubject(a, c-1) // "he stood with them and urged ..."
	}
	if src[1] == src[0] && sameSpeaker {
		// "..., adding that ...": the speaker of the clause before
		prev := x.out[len(x.out)-1]
		s := c + 1
		if s < b && x.toks[s].lower == "that" {
			s++
		}
		if x.words(s, b) < 2 {
			return false
		}
		q := x.newQuote(u, [2]int{c, c + 1}, [2]int{})
		q.Speaker, q.SpeakerEntity, q.Unnamed = prev.Speaker, prev.SpeakerEntity, prev.Unnamed
		q.SpeakerStart, q.SpeakerEnd = prev.SpeakerStart, prev.SpeakerEnd
		x.setContent(&q, [][2]int{{x.trimStart(s, b), b}})
		x.emit(q)
		return true
	}
	// content after the cue
	s := c + 1
	if s < b && x.toks[s].lower == "back" && (x.toks[c].lower == "shot" || x.toks[c].lower == "fired") {
		s++ // "fired back that ..."
	}
	if s < b && x.toks[s].kind == word && x.toks[s].lower == "that" {
		if s+1 < b && x.toks[s+1].kind != open {
			s++ // "said that “...”" keeps its "that": the content is not a quotation alone
		}
	} else if tellVerbs[x.toks[c].lower] {
		// told reporters that / told ABC News on Sunday that
		for m := s; m < b && m < s+8; m++ {
			if x.toks[m].kind != word {
				break
			}
			if m > s && (auxiliaries[x.toks[m].lower] || x.weight(m) >= 0.5 && !x.isCap(m)) {
				break // "said Pike had told them that": a clause of its own, no addressee
			}
			if x.toks[m].lower == "that" {
				s = m + 1
				if m+1 < b && x.toks[m+1].kind == open {
					s = m // keep "that" before a quotation
				}
				break
			}
		}
	}
	s = x.trimStart(s, b)
	if src[1] > src[0] && x.words(s, b) >= 2 {
		q := x.newQuote(u, [2]int{c, c + 1}, src)
		parts := [][2]int{{s, b}}
		// "The plan, the mayor said, would cost too much": the words
		// before a source and cue set off by commas are content too
		if src[0]-1 > a && c+1 < b && x.toks[src[0]-1].text == "," && x.toks[c+1].text == "," {
			if e := x.trimEnd(a, src[0]-1); x.words(a, e) >= 1 && !x.toks[a].inQuote {
				parts = [][2]int{{a, e}, {s, b}}
			}
		}
		x.setContent(&q, parts)
		x.emit(q)
		x.noteSpeaker(q, src)
		x.nested(u, s, b)
		return true
	}
	// content before: "content, X said." or "content, said X."
	m := c - 1
	if src[1] > src[0] {
		m = src[0] - 1
	}
	for m > a && x.toks[m].kind == word && skipBack[x.toks[m].lower] {
		m--
	}
	if m > a && x.toks[m].text == "," && x.words(a, m) >= 3 {
		if src[1] == src[0] {
			src = x.sourceAfter(c+1, b)
		}
		if src[1] == src[0] {
			return false
		}
		q := x.newQuote(u, [2]int{c, c + 1}, src)
		x.setContent(&q, [][2]int{{a, x.trimEnd(a, m)}})
		x.emit(q)
		x.noteSpeaker(q, src)
		return true
	}
	return false
}

// noteSpeaker remembers a named speaker for later pronouns.
func (x *extractor) noteSpeaker(q storyline.Quote, src [2]int) {
	if src[1] == src[0] || q.Unnamed {
		return
	}
	if src[1]-src[0] == 1 && pronouns[x.toks[src[0]].lower] {
		return
	}
	if x.hasCap(src) {
		x.lastPerson = q.Speaker
	}
}

func (x *extractor) hasCapOrPronoun(src [2]int) bool {
	return x.hasCap(src) || (src[1]-src[0] == 1 && pronouns[x.toks[src[0]].lower])
}

func (x *extractor) hasCap(src [2]int) bool {
	for k := src[0]; k < src[1]; k++ {
		if x.isCap(k) && !titles[strings.TrimSuffix(x.toks[k].lower, ".")] {
			return true
		}
	}
	return false
}

// affiliationWords before a capitalised run make it an affiliation, not
// the speaker's name.
var affiliationWords = map[string]bool{"of": true, "at": true, "from": true, "for": true, "in": true, "with": true}

// roleWords inside a capitalised run are titles of office.
var roleWords = map[string]bool{
	"director": true, "secretary": true, "manager": true, "chair": true, "officer": true,
	"adviser": true, "advisor": true, "strategist": true, "pollster": true, "analyst": true,
	"professor": true, "counsel": true, "commissioner": true, "coordinator": true,
	"communications": true, "campaign": true, "executive": true, "founder": true, "co-founder": true,
}

var unnamedHeads = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "people": true,
	"aide": true, "aides": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"person": true, "advisers": true, "adviser": true, "advisor": true, "advisors": true,
	"diplomat": true, "diplomats": true, "analysts": true, "experts": true, "observers": true,
	"insiders": true, "members": true, "staffers": true, "lawmakers": true,
}

// resolve returns the speaker's name for the source span, and whether the
// source is unnamed.
func (x *extractor) resolve(src [2]int) (string, bool) {
	// an apposition names the source before its first comma
	for k := src[0] + 1; k < src[1]; k++ {
		if x.toks[k].text == "," {
			src[1] = k
			break
		}
	}
	start, end := x.toks[src[0]].start, x.toks[src[1]-1].end
	text := x.text[start:end]
	pl := x.toks[src[0]].lower
	if src[1]-src[0] == 1 && (pl == "his" || pl == "her") {
		pl = map[string]string{"his": "he", "her": "she"}[pl] // "his own promise"
	}
	pron := src[1]-src[0] == 1 && pronouns[pl]
	if pron && pl == "who" && src[0] > 0 {
		// "Karl Weber, who ...", "Sen. Ada Morrow (D-Vt.), who ...",
		// "Pete Wilson who ...": the capitalised name right before
		e := src[0] - 1
		if t := x.toks[e].text; e > 0 && (t == "," || t == "—" || t == "–") {
			e--
		}
		if e > 0 && x.toks[e].text == ")" {
			for m := e - 1; m > 0 && m >= e-8; m-- {
				if x.toks[m].text == "(" {
					e = m - 1
					break
				}
			}
		}
		if e >= 0 && x.isCap(e) && !x.toks[e].inQuote {
			b := e
			for b > 0 && x.isCap(b-1) && !x.toks[b-1].inQuote {
				b--
			}
			return x.resolve([2]int{b, e + 1})
		}
	}
	if pron && pl == "who" && src[0]-1 > 0 && x.toks[src[0]-1].text == "," {
		// "Army Capt. Christian Pardo, who ...": the noun phrase before
		if np := x.sourceNP(src[0]-1, 0); np[1] > np[0] && x.hasCap(np) {
			return x.resolve(np)
		}
	}
	if len(x.mentions) > 0 {
		best := -1
		for i, m := range x.mentions {
			if m.Start < end && m.End > start {
				if best < 0 || (m.Kind == storyline.Person && x.mentions[best].Kind != storyline.Person) {
					best = i
				}
			}
		}
		if best >= 0 {
			m := x.mentions[best]
			if m.Name != "" {
				return m.Name, false
			}
			return m.Text, false
		}
		if pron && (pl == "he" || pl == "she") {
			for i := len(x.mentions) - 1; i >= 0; i-- {
				m := x.mentions[i]
				if m.End <= start && m.Kind == storyline.Person {
					if m.Name != "" {
						return m.Name, false
					}
					return m.Text, false
				}
			}
		}
	}
	if pron {
		l := pl
		if l == "he" || l == "she" {
			if x.lastPerson != "" {
				return x.lastPerson, false
			}
			if x.lastName != "" {
				return x.lastName, false
			}
		}
		return text, false
	}
	// the first run of capitalised words that is not an affiliation
	// ("Scott Hawkins of Cheyenne"), titles before the name dropped;
	// a later run when the first holds only titles
	var run []string
	for k := src[0]; k < src[1]; {
		if !x.isCap(k) {
			k++
			continue
		}
		j := k
		for j < src[1] && x.isCap(j) {
			j++
		}
		affiliation := k > src[0] && affiliationWords[x.toks[k-1].lower] && len(run) == 0
		var r []string
		for m := k; m < j; m++ {
			if titles[strings.TrimSuffix(x.toks[m].lower, ".")] || roleWords[x.toks[m].lower] {
				r = r[:0] // "Communications Director Jennifer Palmieri"
				continue
			}
			if len(r) == 0 && determiners[x.toks[m].lower] {
				continue // "Some critics": a determiner opening the sentence names no one
			}
			r = append(r, x.toks[m].text)
		}
		if len(r) > 0 && !affiliation {
			run = r
			break
		}
		if len(r) > 0 && run == nil {
			run = r // keep an affiliation only if nothing better follows
		}
		k = j
	}
	if len(run) > 0 {
		name := strings.Join(run, " ")
		last := strings.TrimSuffix(strings.TrimSuffix(run[len(run)-1], "’s"), "'s")
		if len(run) == 1 {
			if full, ok := x.names[last]; ok {
				return full, false
			}
		}
		return name, false
	}
	first := x.toks[src[0]].lower
	head := x.toks[src[1]-1].lower
	if first == "the" && titles[head] && x.lastPerson != "" {
		return x.lastPerson, false // "the senator", "the ambassador"
	}
	if !(first == "the" || first == "his" || first == "her" || first == "their") || unnamedHeads[head] {
		return text, true
	}
	return text, false
}

// tailCue returns the cue of a source-and-cue tail that closes the clause
// [a, b) after its last comma ("..., the agency reported", "..., said
// Lee"), or -1.
func (x *extractor) tailCue(a, b int) int {
	m := b - 1
	for m > a && b-m <= 12 && x.toks[m].text != "," {
		if x.toks[m].kind != word || x.toks[m].inQuote {
			return -1
		}
		m--
	}
	if m <= a || x.toks[m].text != "," || x.words(a, m) < 3 {
		return -1
	}
	// "..., but that if the mayor made one, he should have insisted": the
	// comma closes a subordinate clause, not the content
	for p := m - 1; p >= a; p-- {
		if t := x.toks[p]; t.inQuote || t.text == "," || t.lower == "that" {
			if p+1 < m && openers[x.toks[p+1].lower] && x.toks[p+1].lower != "with" && x.toks[p+1].lower != "as" {
				return -1
			}
			break
		}
	}
	for c := m + 1; c < b; c++ {
		if w := x.weight(c); w < 0.5 && !(w >= minCue && c == b-1) || x.toks[c].lower == "according" || strings.HasSuffix(x.toks[c].lower, "ing") {
			continue // "..., records show." may take a weaker cue
		}
		if src := x.sourceBefore(c, m+1); src[1] > src[0] && src[0] == m+1 {
			return c
		}
		if c == m+1 && inversionVerbs[x.toks[c].lower] {
			if src := x.sourceAfter(c+1, b); src[1] == b && (x.personLike(src) || !x.ownCue(a, m)) {
				// "..., said a spokesman"; not "Rask said his band, ...,
				// wrote a dozen songs", where said has its subject
				return c
			}
		}
		return -1
	}
	return -1
}

// inversionVerbs stand before their subject after a quotation or a
// reported clause ("..., said Ann Bell").
var inversionVerbs = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "wrote": true, "writes": true,
	"asked": true, "asks": true, "explained": true, "noted": true, "argued": true,
	"continued": true, "replied": true, "insisted": true, "recalled": true, "observed": true,
	"declared": true, "countered": true, "conceded": true, "acknowledged": true, "warned": true,
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
		if !skipBack[x.toks[k].lower] {
			return [2]int{} // "X rallied supporters, saying: ..."
		}
	}
	end := x.trimEnd(from, src[0])
	start := x.trimStart(from, end)
	for start < end && conjunctions[x.toks[start].lower] {
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

var conjunctions = map[string]bool{
	"and": true, "but": true, "or": true, "so": true, "yet": true, "still": true, "however": true,
	"instead": true, "now": true, "then": true, "indeed": true, "also": true,
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

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan.": true, "feb.": true, "aug.": true, "sept.": true, "oct.": true,
	"nov.": true, "dec.": true,
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
	for start < end && conjunctions[x.toks[start].lower] {
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

// verbAfterName returns the verb right after the name, pronoun or
// determined noun phrase that opens [af, at) ("...," Lee shot back, "...,"
// an angry Lee retorted), or -1: the first lower-case word after a name
// or pronoun, or a past form in -ed after a noun phrase of a few words.
func (x *extractor) verbAfterName(af, at int) int {
	if af >= at || x.toks[af].kind != word {
		return -1
	}
	k := af
	switch {
	case x.toks[k].lower == "he" || x.toks[k].lower == "she" || x.toks[k].lower == "they":
		k++
	case x.isCap(k):
		for k < at && (x.isCap(k) || titles[strings.TrimSuffix(x.toks[k].lower, ".")]) {
			k++
		}
	case determiners[x.toks[k].lower]:
		for m := k + 1; m < at && m <= k+5; m++ {
			t := x.toks[m]
			if t.kind != word || clauseWords[t.lower] {
				return -1
			}
			if m > k+1 && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ed") && !x.isCap(m) {
				return m
			}
		}
		return -1
	default:
		return -1
	}
	if k < at && k > af && x.toks[k].kind == word && !x.isCap(k) && !clauseWords[x.toks[k].lower] && !skipBack[x.toks[k].lower] {
		return k
	}
	return -1
}

// documentNouns are findings with no person behind them that speak for
// themselves: "In a new poll, ..." attributes the clause to the poll.
var documentNouns = map[string]bool{
	"poll": true, "polls": true, "survey": true, "surveys": true, "study": true, "report": true,
	"analysis": true, "review": true, "census": true, "audit": true, "assessment": true,
	"forecast": true, "tally": true, "ranking": true, "findings": true,
}

// inDocument returns the index of the comma that closes an opening "In
// a poll ..." of the clause [a, b), or -1.
func (x *extractor) inDocument(a, b int) int {
	if a+2 >= b || x.toks[a].lower != "in" || !determiners[x.toks[a+1].lower] {
		return -1
	}
	found := false
	for k := a + 1; k < b && k <= a+14; k++ {
		t := x.toks[k]
		if t.text == "," {
			if found && x.words(k+1, b) >= 3 {
				return k
			}
			return -1
		}
		if t.text == "/" || t.text == "-" {
			continue // "In a Times/Ipsos poll"
		}
		if t.kind != word || t.inQuote {
			return -1
		}
		found = found || documentNouns[t.lower]
	}
	return -1
}

// adverbial reports whether [start, end) is a phrase that sets the scene
// of a statement rather than saying anything: "In a statement", "Holding
// a book", "Hours later", "Additionally".
func (x *extractor) adverbial(start, end int) bool {
	if start >= end {
		return false
	}
	first, last := x.toks[start], x.toks[end-1]
	return first.kind != word || adverbialStarts[first.lower] || weekdays[first.lower] || months[first.lower] ||
		(len(first.lower) > 4 && (strings.HasSuffix(first.lower, "ing") || strings.HasSuffix(first.lower, "ed"))) ||
		last.lower == "later" || last.lower == "earlier" || last.lower == "ago" || weekdays[last.lower] || months[last.lower] ||
		last.kind == word && unicode.IsDigit([]rune(last.text)[0]) && !x.hasCap([2]int{start, end}) ||
		strings.HasSuffix(first.lower, "ly") && len(first.lower) > 4 ||
		end-start <= 3 && strings.HasSuffix(last.text, "ly") && len(last.text) > 4 || // "More recently, ..."
		end-start == 1 && notNames[first.lower] // "Likewise, ...", "Meanwhile, ..."
}

// passiveAux make a past participle cue passive ("was asked by").
var passiveAux = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "been": true, "be": true, "being": true,
	"got": true, "get": true,
}

// passive attributes a passive cue with its agent ("Lee has been criticized
// by many economists for ...", "Lee was asked by a reporter whether ..."):
// the agent is the source, and the subject and what follows the agent are
// the content. It reports whether it did.
func (x *extractor) passive(u unit, a, b, c int) bool {
	if c-1 <= a || !passiveAux[x.toks[c-1].lower] || !strings.HasSuffix(x.toks[c].lower, "ed") || c+2 >= b || x.toks[c+1].lower != "by" {
		return false
	}
	e := c + 2
	for e < b && e < c+10 && x.toks[e].kind == word && !x.toks[e].inQuote && (e == c+2 || !clauseWords[x.toks[e].lower]) {
		e++
	}
	src := x.valid([2]int{c + 2, e})
	if src[1] == src[0] {
		return false
	}
	aux := c - 1
	for aux-1 > a && skipBack[x.toks[aux-1].lower] {
		aux--
	}
	subj := [2]int{a, x.trimEnd(a, aux)}
	rest := [2]int{x.trimStart(e, b), b}
	var parts [][2]int
	if x.words(subj[0], subj[1]) > 0 {
		parts = append(parts, subj)
	}
	if x.words(rest[0], rest[1]) > 0 {
		parts = append(parts, rest)
	}
	if len(parts) == 0 {
		return false
	}
	q := x.newQuote(u, [2]int{c, c + 1}, src)
	x.setContent(&q, parts)
	x.emit(q)
	x.noteSpeaker(q, src)
	return true
}

// phraseAfter reads the words that start at k, up to punctuation, a
// clause word or limit: any noun phrase after "according to".
func (x *extractor) phraseAfter(k, limit int) [2]int {
	j := k
	for j < limit && j-k < 10 && x.toks[j].kind == word && !x.toks[j].inQuote && (j == k || !clauseWords[x.toks[j].lower] || x.toks[j].lower == "of") {
		j++
	}
	return [2]int{k, j}
}
