package quote

// Nesting: where one clause ends and the next begins, and which cue of
// several governs a clause ("X said Y says Z" is X's and Y's; "The
// official, who spoke on condition ..., said" is said's).

import "strings"

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

// afterSubordinate reports whether the comma at k closes a subordinate
// clause that opens the clause at a and holds a cue of its own with its
// subject ("While Holm said the ferry was unsafe, he said ..."): the
// main clause after it is read on its own.
func (x *extractor) afterSubordinate(k, a int) bool {
	if k+2 >= len(x.toks) || x.toks[k].text != "," || x.toks[k].inQuote || !x.toks[a].in(cOpener) {
		return false
	}
	if l := x.toks[a].lower; l == "as" || l == "with" {
		return false // "As Lee noted, the talks ...": the main clause is the content
	}
	n := &x.toks[k+1]
	if n.kind != word || !(n.in(cPronoun) && n.lower != "who" || x.isCap(k+1)) {
		return false
	}
	for m := a + 1; m < k; m++ {
		if x.weight(m) >= 0.5 && !x.toks[m].inQuote && x.hasCapOrPronoun(x.sourceBefore(m, a+1)) {
			return true
		}
	}
	return false
}

// newClause reports whether the comma at k starts a coordinated clause
// with a subject of its own (", and the crowd reprised ...").
func (x *extractor) newClause(k int) bool {
	if k+2 >= len(x.toks) || x.toks[k].text != "," || x.toks[k].inQuote {
		return false
	}
	switch x.toks[k+1].lower {
	case "and", "but", "while", "although", "though", "whereas", "yet":
	default:
		return false
	}
	n := &x.toks[k+2]
	if n.kind != word {
		return false
	}
	return n.in(cPronoun) && n.lower != "who" || n.in(cDeterminer) || x.isCap(k+2)
}

// participleClause reports whether the comma at k opens a participle
// clause with a cue of its own ("..., adding that ...") after a clause
// that has a cue.
func (x *extractor) participleClause(k, a int) bool {
	if k+1 >= len(x.toks) || x.toks[k].inQuote {
		return false
	}
	n := &x.toks[k+1]
	switch {
	case x.toks[k].text == ",":
		if n.kind != word || !strings.HasSuffix(n.lower, "ing") || n.cue().weight < 0.5 || n.lower == "according" {
			return false // ", according to X" attributes the clause before
		}
	case x.toks[k].lower == "and" || x.toks[k].lower == "but":
		// "said ... and called it a starting point"
		if n.kind != word || !strings.HasSuffix(n.lower, "ed") || n.cue().weight < 0.5 {
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

// inAside reports whether the cue at c stands in a relative clause set
// off by commas before the cue of the clause [a, b): "The official, who
// spoke on condition of anonymity, said that ..." is said's, not spoke's.
func (x *extractor) inAside(c, a, b int) bool {
	open := -1
	for k := c - 1; k > a; k-- {
		t := &x.toks[k]
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
		t := &x.toks[k]
		if t.inQuote || t.kind == para {
			return false
		}
		if t.text != "," {
			continue
		}
		n := k + 1
		for n < b && x.toks[n].kind == word && x.toks[n].in(cSkipBack) {
			n++
		}
		return n < b && x.weight(n) >= 0.5
	}
	return false
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
