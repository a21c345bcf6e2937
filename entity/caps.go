package entity

// Headlines and comments written in capitals ("FIRM FINED OVER LATE
// REPORTS", "WHY IS NOBODY ASKING") are no names: a run of words in
// capitals is one only where it has a name's shape. The gazetteer knows
// the names in capitals as in any case ("WORLD HEALTH ORGANIZATION"); an
// organisation ends with its head word ("ENVIRONMENT AGENCY"); an
// acronym or a name the dictionary does not know stands alone ("BP",
// "OBAMA") among the ordinary words around it, which are dropped.

// inCaps reports whether token i, written in capitals, stands next to
// another word written in capitals inside the run [s, e), in its line and
// sentence: a stretch of shouting or a headline, not an acronym in a
// sentence.
func (x *extractor) inCaps(i, s, e int) bool {
	if !x.toks[i].upper {
		return false
	}
	return i > s && x.joined(i) && x.toks[i-1].word && x.toks[i-1].upper ||
		i+1 < e && x.joined(i+1) && x.toks[i+1].word && x.toks[i+1].upper
}

// joined reports whether token i stands in the line and sentence of the
// token before it.
func (x *extractor) joined(i int) bool {
	return !x.toks[i].newline && !x.toks[i].sentStart
}

// capsFiller reports whether token i is a stop word inside a stretch of
// capitals ("AT", "THEY", "HAVE"): it never starts a name there.
func (x *extractor) capsFiller(i, s, e int) bool {
	return x.inCaps(i, s, e) && x.is(i, fStopword)
}

// capsCommon reports whether token i is an ordinary English word inside a
// stretch of capitals ("SHARES", "NEW", "LOW"): shouting, no part of a
// name the gazetteer does not know.
func (x *extractor) capsCommon(i, s, e int) bool {
	return x.inCaps(i, s, e) && x.isCommon(i)
}

// acronymShape reports whether token i, a word in capitals among shouting,
// may be an acronym standing alone: the text writes it in capitals
// outside shouting too ("BP said", "the NOAA ship"), and it is no word of
// the dictionary nor a plural of one. Any other word counts only as a
// name the text gives in full ("OBAMA" after "Barack Obama").
func (x *extractor) acronymShape(i int) bool {
	t := &x.toks[i]
	if x.lex.common[t.low] || len(t.low) > 3 && t.low[len(t.low)-1] == 's' && x.lex.common[t.low[:len(t.low)-1]] {
		return false
	}
	if x.calm == nil {
		x.calm = map[string]bool{}
		for k := range x.toks {
			if x.toks[k].word && x.toks[k].upper && !x.inCaps(k, 0, len(x.toks)) {
				x.calm[x.toks[k].low] = true
			}
		}
	}
	return x.calm[t.low]
}

// commonOrg reports whether the organisation [a, h] that ends with head
// word h, written in capitals inside a longer stretch of capitals, has
// only ordinary words before its head ("FIRMS FLEE LEAKING OIL", "VOTERS
// GET A THIRD RATE GOVERNMENT"): a headline's words, no name. Standing
// alone, such a name is one ("the ENVIRONMENT AGENCY"); a name the
// gazetteer knows is no ordinary word ("EUROPEAN", "BBC").
func (x *extractor) commonOrg(a, h int) bool {
	if !x.inCaps(h, a, h+1) {
		return false
	}
	before := a > 0 && x.toks[a-1].word && x.toks[a-1].upper && x.toks[a-1].low != "the"
	after := h+1 < len(x.toks) && x.toks[h+1].word && x.toks[h+1].upper
	if !before && !after {
		return false
	}
	for k := a; k < h; k++ {
		if _, n := x.gaz(k, h); n > 0 || x.toks[k].word && !x.isCommon(k) {
			return false
		}
	}
	return true
}

// shoutedStop reports whether token k is a stop word at the end of a
// stretch of capitals ("IN" in "THE WORLD WE LIVE IN Hayward"): a
// headline's word, no context for the name after it.
func (x *extractor) shoutedStop(k int) bool {
	t := &x.toks[k]
	return t.upper && x.is(k, fStopword) && k > 0 && x.toks[k-1].word && x.toks[k-1].upper
}

// capsPlace returns the end of a place name of two to four words written
// in capitals that starts at token p, inside a stretch of capitals in the
// run [s, e), which the gazetteer's towns know ("NEW ORLEANS", "BATON
// ROUGE"), or 0.
func (x *extractor) capsPlace(p, s, e int) int {
	if !x.inCaps(p, s, e) {
		return 0 // most words: the cheap test first
	}
	for b := min(e, p+4); b >= p+2; b-- {
		if x.toks[b-1].upper && x.spellsWeakPlace(p, b) {
			return b
		}
	}
	return 0
}
