package quote

// Direct quotes: quotations in marks, the cue that governs each, and
// quotations that continue an earlier quote or a pending "Lee said:".

import "strings"

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
	x.prev.sentence, x.prev.tok = u.sentence, u.to
	if q.Direct {
		x.lastDirect, x.directSent = k, u.sentence
	}
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
					// a weak cue nearer the quotation ("it said in the
					// statement, was interested in “...”") yields to it
					if before < 0 || x.weight(before) < 0.5 || x.words(k, bt) > near {
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
		if c >= 0 && x.toks[c].in(cTitleNoun) && x.isTitle(qs[i]) {
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
		if i == 0 && c < qs[i].open {
			if lead, rest := x.setOff(u.from, src, cueEnd, qs[i].open); lead[1] > lead[0] {
				// Russia, it said in a statement, was open to “...”: the
				// words around a source and cue set off by commas
				x.setContent(&q, [][2]int{lead, {rest, qs[j-1].close + 1}})
				x.emit(q)
				x.noteSpeaker(q, src)
				used[0], used[1] = u.from, max(used[1], qs[j-1].close+1)
				i = j
				continue
			}
		}
		if c < qs[i].open && !inverted && x.words(from, qs[i].open) > 0 && !x.addressee(from, qs[i].open) {
			// said Trump was "working beautifully": the clause is the
			// content, and the quote is not direct; it runs on past the
			// quotation when the clause does ("suggested that the
			// congressmen, “not possessing ...,” also counted ...")
			end := qs[j-1].close + 1
			if rest := x.clauseRest(end, segTo(j)); rest > end {
				end = rest
				used[1] = max(used[1], rest)
			}
			x.setContent(&q, [][2]int{{from, end}})
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
				copySpeaker(q, prev)
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
		t := &x.toks[k]
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

// dashSource returns the dash when the tokens [from, to) after a
// quotation are a dash and a name closing the sentence (`"..." - Mayor
// Tom Reyes`), else -1.
func (x *extractor) dashSource(from, to int) int {
	for from < to && x.toks[from].kind == para {
		from++ // a dash line of its own under the quotation
	}
	if from >= to || (x.toks[from].text != "-" && x.toks[from].text != "—" && x.toks[from].text != "–" && x.toks[from].text != "―") {
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
		if x.toks[c].inQuote || x.weight(c) < floor || x.toks[c].lower == "according" || x.negated(c) {
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

// setOff returns the words before a source and cue set off by commas
// inside a clause that runs on to a quotation ("Russia, it said in the
// statement, was interested in “...”"), and where the clause resumes
// after the cue's comma; the empty span when the sentence is not so.
func (x *extractor) setOff(from int, src [2]int, cueEnd, open int) (lead [2]int, rest int) {
	if src[1] <= src[0] || src[0]-1 <= from || src[1] > cueEnd || x.toks[src[0]-1].text != "," {
		return [2]int{}, 0
	}
	m := cueEnd
	for m < open && x.toks[m].text != "," {
		if x.toks[m].kind != word || x.toks[m].lower == "that" || x.toks[m].inQuote {
			return [2]int{}, 0
		}
		m++
	}
	if m >= open || x.words(cueEnd, m) > 5 || x.words(m+1, open) == 0 {
		return [2]int{}, 0
	}
	end := x.trimEnd(from, src[0])
	start := x.trimStart(from, end)
	for start < end && x.toks[start].in(cConjunction) {
		start++
	}
	if x.words(start, end) < 1 || x.adverbial(start, end) {
		return [2]int{}, 0
	}
	for k := start; k < end; k++ {
		if x.toks[k].inQuote || x.toks[k].kind == para || x.weight(k) >= minCue {
			return [2]int{}, 0
		}
	}
	return [2]int{start, end}, m + 1
}

// clauseRest returns where the clause that a quotation at [.., from)
// interrupts ends, when the words after the quotation carry it on with a
// verb of its own ("..., “not possessing the knowledge,” also counted
// ..."); else from. It stops at the end of the segment to.
func (x *extractor) clauseRest(from, to int) int {
	k := from
	for k < to && x.toks[k].kind == punct && x.toks[k].text == "," {
		k++
	}
	if k >= to || x.toks[k].kind != word || x.isCap(k) || x.weight(k) >= 0.5 {
		return from
	}
	// the words must run on without a cue of their own ("..., he said")
	for m := k; m < to; m++ {
		if x.toks[m].kind == word && x.weight(m) >= 0.5 && x.hasCapOrPronoun(x.sourceBefore(m, k)) {
			return from
		}
	}
	if x.words(k, to) < 2 {
		return from
	}
	return x.trimEnd(k, to)
}
