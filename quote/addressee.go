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
