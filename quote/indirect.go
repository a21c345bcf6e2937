package quote

// Indirect quotes: reported clauses, one attribution a clause, found by
// their cue ("X said (that) ...", "according to X", "..., X said",
// passives with an agent).

import "strings"

// indirect finds the attributions of a unit without long quotations: one
// per clause (clauses split at semicolons).
func (x *extractor) indirect(u unit) {
	a := u.from
	for k := u.from; k <= u.to; k++ {
		if k == u.to || (x.toks[k].kind == punct && x.toks[k].text == ";") || x.mayJoin(k) && (x.participleClause(k, a) || x.newClause(k) || x.afterSubordinate(k, a)) {
			if k > a {
				x.clause(u, a, k)
			}
			a = k + 1
		}
	}
}

// mayJoin reports whether token k is a comma, "and" or "but": the only
// tokens where participleClause, newClause or afterSubordinate can start
// a clause.
func (x *extractor) mayJoin(k int) bool {
	t := &x.toks[k]
	return t.text == "," || t.lower == "and" || t.lower == "but"
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
	// strong cues first, each group in text order; a word whose weight
	// is below every tier is no cue but for "say" (tierWeight)
	var buf [16]int
	cues := buf[:0]
	for c := a; c < b; c++ {
		if !x.toks[c].inQuote && (x.weight(c) >= cueTiers[len(cueTiers)-1].lo || x.toks[c].lower == "say") {
			cues = append(cues, c)
		}
	}
	for _, floor := range cueTiers {
		for _, c := range cues {
			if w := x.tierWeight(c, a); w >= floor.lo && w < floor.hi && !x.inAside(c, a, b) && x.attribute(u, a, b, c) {
				return
			}
		}
	}
	x.notePending(u, a, b)
}

// attribute tries to build an attribution around the cue at c in the
// clause [a, b); it reports whether it did.
func (x *extractor) attribute(u unit, a, b, c int) bool {
	if x.toks[c].in(cTitleNoun) && c+1 < b && x.toks[c+1].kind == open {
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
		copySpeaker(&q, prev)
		x.curWho = x.prev.who
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
	} else if x.toks[c].in(cTellVerb) {
		// told reporters that / told ABC News on Sunday that
		for m := s; m < b && m < s+8; m++ {
			if x.toks[m].kind != word {
				break
			}
			if m > s && (x.toks[m].in(cAuxiliary) || x.weight(m) >= 0.5 && !x.isCap(m)) {
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
	if s == c+1 && x.toks[c].in(cMustAddress) {
		s = x.skipAddressee(s, b) // "told ABC he had warned ..."
		if s == c+1 && src[1] > src[0] && x.onlyAddressee(s, b) {
			// "The talks will resume, Lavrov told state radio on
			// Monday": nothing said after the cue, the content is before
			s = b
		}
	}
	if s == c+1 {
		s = x.adverbialThat(s, b) // "said in a statement on the Telegram messaging app that ..."
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
	for m > a && x.toks[m].kind == word && x.toks[m].in(cSkipBack) {
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
	if c-1 <= a || !x.toks[c-1].in(cPassiveAux) || !strings.HasSuffix(x.toks[c].lower, "ed") || c+2 >= b {
		return false
	}
	// "was called a charlatan by", "was found discriminatory by": a few
	// words of complement may stand before the agent
	by := c + 1
	for by < b && by <= c+4 && x.toks[by].kind == word && !x.toks[by].inQuote && x.toks[by].lower != "by" && !x.toks[by].in(cClauseWord) {
		by++
	}
	if by >= b || x.toks[by].lower != "by" {
		return false
	}
	e := by + 1
	for e < b && e < by+9 && x.toks[e].kind == word && !x.toks[e].inQuote && (e == by+1 || !x.toks[e].in(cClauseWord)) {
		e++
	}
	src := x.valid([2]int{by + 1, e})
	if src[1] == src[0] {
		return false
	}
	aux := c - 1
	for aux-1 > a && x.toks[aux-1].in(cSkipBack) {
		aux--
	}
	var parts [][2]int
	for _, p := range [][2]int{{a, x.trimEnd(a, aux)}, {c + 1, by}, {x.trimStart(e, b), b}} {
		if x.words(p[0], p[1]) > 0 {
			parts = append(parts, p)
		}
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

// agentless returns the auxiliary of the cue at c when the cue is a
// passive without an agent ("The decision was disclosed after ...", "The
// US is believed to be ..."), whose subject is what was said, not who
// said it; else -1. PolNeAR annotates the subject as such a cue's source,
// and so does Extract, with Passive set; Said leaves them out.
func (x *extractor) agentless(c, a int) int {
	l := x.toks[c].lower
	if !strings.HasSuffix(l, "ed") && !irregularParticiples[l] || statives[l] {
		return -1
	}
	for k := c + 1; k < len(x.toks) && k <= c+8 && x.toks[k].kind != punct; k++ {
		if x.toks[k].lower == "by" {
			return -1 // "has been called a charlatan by fellow physicians"
		}
	}
	j := c - 1
	for j > a && x.toks[j].kind == word && x.toks[j].in(cSkipBack) && !x.toks[j].in(cPassiveAux) {
		j--
	}
	if j >= a && x.toks[j].in(cPassiveAux) {
		for j-1 > a && x.toks[j-1].in(cSkipBack) {
			j-- // "has been", "will be"
		}
		return j
	}
	return -1
}

// statives are participles that, after "be", tell the subject's own
// state of mind ("we are convinced", "she is determined"): the subject is
// the source.
var statives = map[string]bool{
	"convinced": true, "dedicated": true, "concerned": true, "worried": true, "pleased": true,
	"determined": true, "committed": true, "opposed": true, "satisfied": true, "disappointed": true,
	"surprised": true, "frustrated": true, "encouraged": true, "alarmed": true, "troubled": true,
	"persuaded": true, "inclined": true, "prepared": true, "resolved": true, "disposed": true,
	"interested": true, "delighted": true, "assured": true, "outraged": true, "angered": true, "relieved": true,
}

// irregularParticiples are past participles of cues not in -ed.
var irregularParticiples = map[string]bool{"known": true, "told": true, "shown": true, "said": true, "thought": true, "written": true}

// adverbialThat returns where the content starts after a prepositional
// phrase between the cue and "that" ("said in a resignation letter
// circulated by U.S. media that he was stepping down"), or s: the phrase
// opens with in, on, at, during or via, holds no verb of saying and ends
// at "that" within a dozen words.
func (x *extractor) adverbialThat(s, b int) int {
	if s >= b || x.toks[s].kind != word {
		return s
	}
	switch w := x.toks[s].lower; {
	case w == "in", w == "on", w == "at", w == "during", w == "via", w == "through":
	case weekdays[w], w == "earlier", w == "late", w == "last", w == "this":
		// "announced today that", "reported earlier Sunday that"
	default:
		return s
	}
	for m := s + 1; m < b && m < s+14; m++ {
		t := &x.toks[m]
		if t.inQuote || t.kind == para || t.kind == punct && t.text != "," {
			return s
		}
		if t.lower == "that" {
			if m+1 < b && x.toks[m+1].kind == open {
				return m // keep "that" before a quotation
			}
			return m + 1
		}
		if x.weight(m) >= 0.5 || t.in(cAuxiliary) {
			return s // "rejected on Monday was similar to a proposal that": a clause
		}
	}
	return s
}
