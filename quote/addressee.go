package quote

// mustAddress are the cues that always name whom they address before what
// was said, with or without "that": "told ABC he had warned Putin",
// "told reporters the talks had failed".
var mustAddress = map[string]bool{
	"told": true, "tell": true, "tells": true, "telling": true, "informed": true,
	"assured": true, "reminded": true,
}

// addresseeNouns are the common nouns that stand alone as an addressee.
var addresseeNouns = map[string]bool{
	"reporters": true, "journalists": true, "lawmakers": true, "senators": true,
	"congress": true, "parliament": true, "supporters": true, "voters": true,
	"viewers": true, "listeners": true, "readers": true, "students": true,
	"officials": true, "diplomats": true, "colleagues": true, "investors": true,
	"analysts": true, "delegates": true, "residents": true, "crowds": true,
	"him": true, "her": true, "them": true, "us": true, "me": true, "you": true,
}

// skipAddressee returns where the content begins after a cue of
// mustAddress whose addressee no "that" closes: after a pronoun or
// addressee noun, or a name of up to six capitalised words ("British
// Prime Minister David Cameron"), when a subject (a pronoun or a
// determiner) follows it. Otherwise s.
func (x *extractor) skipAddressee(s, b int) int {
	m := s
	switch {
	case m >= b || x.toks[m].kind != word:
		return s
	case x.toks[m].in(cAddresseeNoun):
		m++
	case x.toks[m].lower == "the" && m+1 < b && x.toks[m+1].in(cAddresseeNoun):
		m += 2 // "told the senators"
	case x.isCap(m):
		for m < b && x.isCap(m) {
			m++
		}
		if m-s > 6 {
			return s
		}
	default:
		return s
	}
	if m >= b || x.toks[m].kind != word {
		return s
	}
	if w := x.toks[m].lower; pronouns[w] && w != "who" || determiners[w] {
		return m
	}
	return s
}

// addresseeLinks are the prepositions that may open an adverbial after an
// addressee ("told state radio on Monday", "told CNN in an interview").
var addresseeLinks = map[string]bool{
	"on": true, "in": true, "at": true, "during": true, "after": true, "before": true,
	"from": true, "of": true, "with": true, "for": true, "late": true, "early": true,
}

// onlyAddressee reports whether [s, b) after a cue of mustAddress only
// names whom the speaker told, and maybe when or where ("told state radio
// on Monday", "told the Interfax news agency"): a few words with no verb,
// no "that" and no subject of a clause of their own. The content of such
// an attribution stands before its source.
func (x *extractor) onlyAddressee(s, b int) bool {
	n := 0
	for k := s; k < b; k++ {
		t := x.toks[k]
		if t.kind != word {
			continue
		}
		n++
		switch {
		case n > 10, t.lower == "that", t.in(cAuxiliary), t.in(cPronoun) && !addresseeNouns[t.lower],
			x.weight(k) >= 0.5:
			return false
		case t.in(cDeterminer) && n > 1 && !addresseeLinks[x.toks[k-1].lower]:
			return false // "told state radio the talks would resume"
		}
	}
	return n > 0
}
