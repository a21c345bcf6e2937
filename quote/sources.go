package quote

// Sources: the phrase before or after a cue that names who speaks (a
// name, a pronoun, a described person or group, a document), and the
// subject of a clause when the cue has no source of its own.

import (
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

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
	for j >= limit && x.toks[j].kind == word && x.toks[j].in(cSkipBack) {
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
	var placeNP [2]int
	if j > limit && x.toks[j].text == "," {
		for m := j - 1; m > limit && m > j-32; m-- {
			if x.toks[m].inQuote || x.toks[m].kind == para {
				break
			}
			if x.toks[m].text == "," {
				if x.toks[m+1].in(cAuxiliary) {
					break // "The plan, which Lee rejected, will fail, said": a verb, not an apposition
				}
				np := x.sourceNP(m, limit)
				if np[1] > np[0] && x.isPlace(np) && x.isPlace([2]int{m + 1, j}) {
					placeNP = [2]int{np[0], j} // "A grand jury in Washington, D.C., issued": one place
					break
				}
				if np[1] > np[0] && (x.hasCap(np) || x.toks[np[0]].in(cPronoun) || x.valid(np)[1] > 0 && x.hasCap([2]int{m + 1, j})) {
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
	if placeNP[1] > placeNP[0] {
		np = placeNP
	}
	np = x.wholeRun(np, limit)
	if name := x.unclosedApposition(np); name[1] > name[0] {
		return name
	}
	// "Jeb Bush in a Medium post said": skip the prepositional phrase; a
	// date and a place are adjuncts whatever stands before them ("Putin
	// and Biden at a summit in Geneva on June 16 agreed")
	for tries := 0; tries < 4 && np[1] > np[0] && np[0]-1 > limit; tries++ {
		p := x.toks[np[0]-1]
		if p.kind == word && p.lower == "of" && np[0]-2 > limit {
			// "the speaker of the State Duma", "members of Congress": a
			// person described by what he belongs to
			if before := x.sourceNP(np[0]-1, limit); before[1] > before[0] && !x.hasCapOrPronoun(before) && x.hasCap(np) &&
				(x.toks[before[1]-1].in(cUnnamedHead) || x.toks[before[1]-1].in(cTitle)) {
				return [2]int{before[0], np[1]}
			}
		}
		if p.kind != word || (p.lower != "in" && p.lower != "on" && p.lower != "during" && p.lower != "at" && p.lower != "with" && p.lower != "through" && p.lower != "to" && p.lower != "for") {
			break
		}
		before := x.valid(x.sourceNP(np[0]-1, limit))
		located := (p.lower == "in" || p.lower == "at") && x.isPlace(np)
		adjunct := located || (p.lower == "on" || p.lower == "in") && (x.isDate(np) || np[1]-np[0] == 1 && x.isTime(np)) ||
			// "Biden in the interview with ABC News was saying": the
			// interview, itself after a preposition, is a setting
			before[1]-before[0] >= 2 && x.toks[before[0]].in(cDeterminer) && !x.personLike(before) && before[0]-1 > limit &&
				(x.toks[before[0]-1].lower == "in" || x.toks[before[0]-1].lower == "during" || x.toks[before[0]-1].lower == "at")
		// "a staffer in the room asked": a determined phrase before a
		// prepositional phrase that names no one
		plain := before[1] > before[0] && x.toks[before[0]].in(cDeterminer) && !x.hasCapOrPronoun(np) && !x.toks[np[1]-1].in(cUnnamedHead)
		if located && before[1] > before[0] && x.toks[before[0]].in(cDeterminer) && !x.hasCapOrPronoun(before) && x.personLike(before) {
			return [2]int{before[0], np[1]} // "the Russian embassy in Washington"
		}
		if (p.lower == "for" || p.lower == "at" || p.lower == "with") && before[1]-before[0] >= 2 && x.toks[before[0]].in(cDeterminer) &&
			!x.hasCapOrPronoun(before) && x.toks[before[1]-1].in(cUnnamedHead) && x.hasCap(np) {
			return [2]int{before[0], np[1]} // "a spokesperson for Iran's Defense Ministry"
		}
		if (p.lower == "on" || p.lower == "from" || p.lower == "at") && before[1] > before[0] && !x.hasCapOrPronoun(before) &&
			x.toks[before[1]-1].in(cUnnamedHead) && strings.HasSuffix(x.toks[before[1]-1].lower, "s") && x.hasCap(np) {
			return [2]int{before[0], np[1]} // "lawmakers on the Senate Subcommittee on Aviation and Space"
		}
		if before[1] == before[0] || !x.hasCapOrPronoun(before) && !plain && !adjunct {
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
	if np[1] > np[0] && np[0]-1 > limit && x.toks[np[0]-1].lower == "in" && x.isCity(np) {
		return [2]int{} // "a meeting in Geneva agreed": a city does not speak
	}
	if rel := x.relativeSource(np); rel[1] > rel[0] {
		return rel
	}
	return x.coordinated(np, limit)
}

// relativeSource returns the person or group a relative clause that ends
// in np belongs to: "a source who has listened to the recording of the
// plane's communications said" is the source, not the communications;
// else the empty span. np itself must name or describe no one.
func (x *extractor) relativeSource(np [2]int) [2]int {
	if np[1] <= np[0] || x.hasCapOrPronoun(np) {
		return [2]int{}
	}
	if x.toks[np[1]-1].in(cUnnamedHeadBare | cTitleBare) {
		return [2]int{}
	}
	// the clause that ends at the cue may start after "who": read on
	// back to the punctuation before it
	for w := np[0] - 1; w > 0 && w >= np[0]-20; w-- {
		t := &x.toks[w]
		if t.kind != word || t.inQuote {
			return [2]int{}
		}
		if t.lower == "who" {
			if rel := x.valid(x.sourceNP(w, 0)); rel[1] > rel[0] && x.personLike(rel) {
				return rel
			}
			return [2]int{}
		}
	}
	return [2]int{}
}

// isPlace reports whether an entity mention names the last word of np as
// a place (never without mentions).
func (x *extractor) isPlace(np [2]int) bool {
	m := x.mentionAt(np[1] - 1)
	return m != nil && m.Kind == storyline.Place
}

// isCity reports whether an entity mention names the last word of np as
// a place that is neither a country nor a capital acting as its state.
func (x *extractor) isCity(np [2]int) bool {
	m := x.mentionAt(np[1] - 1)
	return m != nil && m.Kind == storyline.Place && m.Via != "metonym" && !entity.IsCountry(mentionName(m))
}

// isDate reports whether np is a day of a month ("June 16", "16 June").
func (x *extractor) isDate(np [2]int) bool {
	if np[1]-np[0] < 2 {
		return false
	}
	a, b := x.toks[np[1]-2].lower, x.toks[np[1]-1].lower
	return months[a] && isDigits(b) || isDigits(a) && months[b]
}

func isDigits(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// coordinated extends a named source over a name joined to it by "and"
// ("Vladimir Putin and Joe Biden agreed"): both must be entity mentions of
// people or organisations that stand alone (never without mentions).
func (x *extractor) coordinated(np [2]int, limit int) [2]int {
	if np[1]-np[0] < 1 || np[0]-2 < limit || x.toks[np[0]-1].lower != "and" || !x.wholeName(np) {
		return np
	}
	other := x.sourceNP(np[0]-1, limit)
	for other[1] > other[0] && !x.wholeName(other) {
		other[0]++ // "met Xi and Putin said": the name alone, if it is one
	}
	if other[1] <= other[0] || other[0] > limit && x.toks[other[0]-1].kind == word && !x.toks[other[0]-1].in(cClauseWord) {
		return np
	}
	return [2]int{other[0], np[1]}
}

// wholeName reports whether the span is exactly one mention of a person
// or an organisation.
func (x *extractor) wholeName(np [2]int) bool {
	m := x.mentionAt(np[1] - 1)
	return m != nil && m.Kind != storyline.Place && m.Via != "pronoun" &&
		m.Start == x.toks[np[0]].start && m.End == x.toks[np[1]-1].end
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
		return (t.in(cMonth) && t.lower != "may" || t.in(cWeekday)) && !(src[1]-src[0] > 1 && x.isCap(src[1]-2))
	}
	return t.in(cTimeWord) || t.in(cWeekday)
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
	case len(head) > 3 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "ous") && !adverbsInS[head]:
	default:
		return [2]int{}
	}
	return src
}

// adverbsInS end in s like a plural but name no one ("perhaps
// recognizing").
var adverbsInS = map[string]bool{
	"perhaps": true, "always": true, "sometimes": true, "besides": true, "nevertheless": true,
	"afterwards": true, "towards": true, "nowadays": true, "whereas": true, "regardless": true,
	"unless": true, "thus": true, "plus": true, "across": true,
}

// cueSource is sourceBefore, except that a participle cue after a verb's
// object ("sent an email saying") takes the clause's subject.
func (x *extractor) cueSource(c, limit int) [2]int {
	if src, ok := x.nounCueSource(c, limit); ok {
		return src
	}
	if c-2 >= limit && x.toks[c-1].lower == "it" && x.toks[c-2].in(cItFrame) && (x.toks[c].lower == "clear" || x.toks[c].lower == "plain" || x.toks[c].lower == "known") {
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
	if c-1 > limit && (ing && x.toks[c-1].in(cSubordinator) || x.toks[c-1].lower == "to" && x.toks[c].in(cInfinitiveCue)) {
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
		if p := x.toks[src[0]-1]; p.kind == word && !p.in(cClauseWord) && !p.in(cSkipBack) {
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
		t := &x.toks[k]
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

// personLike reports whether src names or describes someone: a name, a
// pronoun, or a word for a person or group of sources in it.
func (x *extractor) personLike(src [2]int) bool {
	if x.hasCapOrPronoun(src) {
		return true
	}
	for k := src[0]; k < src[1]; k++ {
		if x.toks[k].in(cUnnamedHeadBare | cTitleBare | cRoleWordBare) {
			return true
		}
	}
	return false
}

// nounCueSource reads the source of a cue that is a noun with its own
// modifiers before it ("a short statement", "their best hope", "the roll
// call"): the words before the noun describe it and name no one. A
// possessive determiner is the source ("his own promise"); otherwise the
// subject of the clause that holds the noun phrase ("Lee issued a short
// statement"), or no source. ok is false when c is not such a noun.
func (x *extractor) nounCueSource(c, limit int) (src [2]int, ok bool) {
	t := &x.toks[c]
	if !t.in(cNounCue) && !(t.in(cVerbNounCue) && !strings.HasSuffix(t.lower, "s")) {
		return [2]int{}, false
	}
	np := x.sourceNP(c, limit)
	if np[1]-np[0] < 2 || np[1] != c || !x.toks[np[0]].in(cDeterminer) {
		return [2]int{}, false
	}
	for k := np[0] + 1; k < np[1]; k++ {
		if x.isCap(k) {
			return [2]int{}, false // "the NRA's opposition", "The Murphy conference call"
		}
	}
	head := x.toks[np[1]-1].lower
	if unnamedHeads[head] || titles[head] || t.in(cVerbNounCue) && len(head) > 3 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") {
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

// determinedSubject returns the determined noun phrase that opens the
// clause [a, c) ("The letter went on to say"), or the empty span.
func (x *extractor) determinedSubject(a, c int) [2]int {
	if a+2 < c && x.toks[a+1].text == "," && x.adverbial(a, a+1) {
		a += 2 // "Likewise, a memo from the office had this to say"
	}
	if a >= c || !x.toks[a].in(cDeterminer) {
		return [2]int{}
	}
	k := a + 1
	for k < c && k <= a+4 && x.toks[k].kind == word {
		t := &x.toks[k]
		if t.in(cSkipBack|cClauseWord) || x.weight(k) >= 0.5 || (k > a+1 && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ed")) || t.in(cCommonVerb) {
			break
		}
		k++
	}
	if k == a+1 || k >= c {
		return [2]int{}
	}
	return [2]int{a, k}
}

// sourceNP reads the noun phrase that ends right before c.
func (x *extractor) sourceNP(c, limit int) [2]int {
	j := c - 1
	for j >= limit && x.toks[j].kind == word {
		t := &x.toks[j]
		if l := t.lower; t.in(cSkipBack) || (strings.HasSuffix(l, "ly") && len(l) > 4 && !x.isCap(j)) || l == "yesterday" || l == "today" {
			j--
			continue
		}
		// "Trump on Tuesday said", "Clinton last week said"
		if t.in(cWeekday) && j-1 >= limit && (x.toks[j-1].lower == "on" || x.toks[j-1].lower == "last" || x.toks[j-1].lower == "this") {
			j -= 2
			continue
		}
		break
	}
	if j < limit || x.toks[j].kind != word || x.toks[j].inQuote {
		return [2]int{}
	}
	if x.toks[j].in(cPronoun) {
		return [2]int{j, j + 1}
	}
	if x.toks[j].in(cClauseWord) || x.toks[j].cue().weight >= 0.5 && !x.isCap(j) {
		return [2]int{} // "Lee said in his statement": no noun phrase ends at "said"
	}
	k := j
	for k >= limit && (j-k < 8 || j-k < 16 && (x.inName(k) || x.toks[k].in(cDeterminer))) {
		t := &x.toks[k]
		if t.kind != word || t.inQuote {
			break
		}
		if k < j && t.in(cDayName) && k-1 >= limit && x.toks[k-1].lower == "on" {
			break // "On Monday China's regulator ordered": a time, then the source
		}
		if t.in(cClauseWord) || t.in(cPronoun) {
			// "Secretary of State John Kerry": of between capitals
			if (t.lower == "of" || !x.isCap(j) && x.inName(k)) && k-1 >= limit && x.isCap(k-1) && x.isCap(k+1) {
				k--
				continue
			}
			break
		}
		if k < j && t.cue().weight >= 0.5 && !x.isCap(k) {
			break
		}
		k--
		if t.in(cDeterminer) {
			break
		}
	}
	if k == j {
		return [2]int{}
	}
	return [2]int{k + 1, j + 1}
}

// inName reports whether the word k stands inside a run of capitalised
// words, connectors between them ("Bureau of Enquiry and Analysis for
// Civil Aviation Safety"), that a long source may hold.
func (x *extractor) inName(k int) bool {
	if x.isCap(k) {
		return true
	}
	switch x.toks[k].lower {
	case "of", "and", "for", "the", "on":
		return k > 0 && k+1 < len(x.toks) && x.isCap(k-1) && x.isCap(k+1)
	}
	return false
}

// sourceAfter reads the source phrase that starts at k ("said Sen. Cruz",
// "according to a statement"), stopping at punctuation, a clause word or
// limit.
func (x *extractor) sourceAfter(k, limit int) [2]int {
	if k >= limit || x.toks[k].kind != word || x.toks[k].inQuote {
		return [2]int{}
	}
	if x.toks[k].in(cPronoun) {
		return x.valid([2]int{k, k + 1})
	}
	if l := x.toks[k].lower; (l == "another" || l == "one") && (k+1 >= limit || x.toks[k+1].kind != word) {
		return [2]int{k, k + 1} // "“...,” said another."
	}
	if !x.isCap(k) && !x.toks[k].in(cDeterminer) && !x.toks[k].in(cStarter) {
		// "said conservative activist Bob Klaus": a name soon after
		named := false
		for m := k + 1; m < limit && m < k+4 && x.toks[m].kind == word && !x.toks[m].in(cClauseWord); m++ {
			if x.isCap(m) {
				named = true
				break
			}
		}
		if !named && !(x.toks[k].in(cUnnamedHead) && len(x.toks[k].lower) > 6) {
			// "according to officials with knowledge of ..." is a source
			return [2]int{}
		}
	}
	j := k
	for j < limit && j-k < 10 {
		t := &x.toks[j]
		if t.kind != word || t.inQuote || (j > k && (t.lower == "that" || t.lower == "and" || t.lower == "who" || t.lower == "in" || t.lower == "on" || t.lower == "at" || t.lower == "during" || t.lower == "when" || t.lower == "while" || t.cue().weight >= 0.5)) {
			break
		}
		j++
	}
	if x.toks[k].in(cUnnamedHead) {
		return [2]int{k, j}
	}
	return x.valid([2]int{k, j})
}

// clauseSubject finds the subject at the start of the clause [a, c): the
// first person pronoun or name not governed by a preposition.
func (x *extractor) clauseSubject(a, c int) [2]int {
	// "Eight years ago, he ...", "When the court failed to act, he
	// ...": past an adverbial or subordinate clause opening the clause
	opener := x.toks[a].in(cOpener)
	for m := a + 1; m < c && m < a+30; m++ {
		if x.toks[m].text == "," {
			if x.adverbial(a, m) {
				a = m + 1
				break
			}
			if !opener {
				break
			}
			a = m + 1
			break
		}
		if x.toks[m].inQuote || x.toks[m].kind == para {
			break
		}
	}
	for k := a; k < c && k < a+8; k++ {
		t := &x.toks[k]
		if t.kind != word || t.inQuote {
			continue
		}
		if t.lower == "he" || t.lower == "she" || t.lower == "they" || t.lower == "we" {
			return [2]int{k, k + 1}
		}
		if x.isCap(k) && !(k > a && x.toks[k-1].in(cAffiliation)) {
			j := k
			for j < c && x.isCap(j) {
				j++
			}
			if possessiveWord(x.toks[j-1].text) || k > a && (x.toks[k-1].lower == "the" || x.toks[k-1].lower == "a") && j < c && x.toks[j].text == x.toks[j].lower {
				// "Clinton's campaign manager was asked", "The Biden
				// administration ... backed": the noun the name modifies
				if !possessiveWord(x.toks[j-1].text) {
					k--
				}
				e := j
				for e < c && e < j+4 && x.toks[e].kind == word && !x.toks[e].inQuote && !x.toks[e].in(cSkipBack) && !x.toks[e].in(cClauseWord) &&
					x.weight(e) < 0.5 && !x.toks[e].in(cCommonVerb) && !(len(x.toks[e].lower) > 4 && strings.HasSuffix(x.toks[e].lower, "ed")) {
					e++
				}
				return [2]int{k, e}
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
		t := &x.toks[k]
		if t.kind != word || t.inQuote || x.inParens(k) {
			continue // "Sen. Jeff Flake (R-Ariz.)": the note is no name
		}
		if t.lower == "he" || t.lower == "she" || t.lower == "they" || t.lower == "we" {
			return [2]int{k, k + 1}
		}
		if x.isCap(k) && k > from && !possessiveWord(t.text) {
			j := k
			for j > from && x.isCap(j-1) && !x.toks[j-1].inQuote {
				j--
			}
			return [2]int{j, k + 1}
		}
	}
	return [2]int{}
}

func (x *extractor) hasCapOrPronoun(src [2]int) bool {
	return x.hasCap(src) || (src[1]-src[0] == 1 && x.toks[src[0]].in(cPronoun))
}

func (x *extractor) hasCap(src [2]int) bool {
	for k := src[0]; k < src[1]; k++ {
		if x.isCap(k) && !x.toks[k].in(cTitleBare) {
			return true
		}
	}
	return false
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
	if a+2 >= b || x.toks[a].lower != "in" || !x.toks[a+1].in(cDeterminer) {
		return -1
	}
	found := false
	for k := a + 1; k < b && k <= a+14; k++ {
		t := &x.toks[k]
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
		found = found || t.in(cDocumentNoun)
	}
	return -1
}

// phraseAfter reads the words that start at k, up to punctuation, a
// clause word or limit: any noun phrase after "according to".
func (x *extractor) phraseAfter(k, limit int) [2]int {
	j := k
	for j < limit && j-k < 10 && x.toks[j].kind == word && !x.toks[j].inQuote && (j == k || !x.toks[j].in(cClauseWord) || x.toks[j].lower == "of") {
		j++
	}
	return [2]int{k, j}
}

// dayNames are the days of the week.
var dayNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// wholeRun extends a capitalised source that no entity mention names back
// over the name it ends ("Aviation and Space" in "the Senate
// Subcommittee on Aviation and Space"): with mentions only, so that
// "Putin and Biden", two names, stay two.
func (x *extractor) wholeRun(np [2]int, limit int) [2]int {
	if len(x.mentions) == 0 || np[1] <= np[0] || !x.isCap(np[1]-1) || x.mentionAt(np[1]-1) != nil {
		return np
	}
	a := np[0]
	for a-1 > limit && x.toks[a-1].kind == word && !x.toks[a-1].inQuote && (x.isCap(a-1) || x.inName(a-1)) {
		a--
	}
	if a < np[0] && x.isCap(a) {
		// "the Senate Subcommittee ...": its determiner with it
		if a-1 > limit && x.toks[a-1].lower == "the" {
			a--
		}
		return [2]int{a, np[1]}
	}
	return np
}

// unclosedApposition returns the name and description of an apposition
// whose closing comma the writer left out ("Trump, the nation's foremost
// aviation expert tweeted"), when np is that description: a definite
// phrase after a comma and a person's name; else the empty span.
func (x *extractor) unclosedApposition(np [2]int) [2]int {
	if np[1] <= np[0] || x.toks[np[0]].lower != "the" || np[0] < 2 || x.toks[np[0]-1].text != "," {
		return [2]int{}
	}
	// the clause may start after the comma: the name is read back to the
	// punctuation before it
	name := x.sourceNP(np[0]-1, max(0, np[0]-6))
	if name[1] <= name[0] || !x.wholeName(name) {
		return [2]int{}
	}
	if m := x.mentionAt(name[1] - 1); m == nil || m.Kind != storyline.Person || m.Via == "pronoun" {
		return [2]int{}
	}
	return [2]int{name[0], np[1]}
}
