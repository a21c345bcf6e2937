package entity

import (
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// Scraped text runs words into a name that are no part of it: a photo
// credit or a caption's last word ("Photograph: Reuters Barack Obama
// today ..."), a time zone ("18.00 BST Barack Obama has ..."), a place at
// the end of a sentence whose stop was lost ("both sides of the Atlantic
// Barack Obama walks away"), a broadcaster's caption ("End Quote Barack
// Obama US president"), a function word opening a sentence ("But
// Obama sang ...", "BECAUSE Obama ..."), a comment's shouting after a
// name ("Obama FAILED"). These rules keep the name alone.

// functionWords open clauses and never start a name. Words that are
// names as well ("May", "Will", "Said") are not among them.
var functionWords = set("but", "because", "if", "is", "was", "are", "were", "what", "when", "where", "why",
	"how", "so", "this", "that", "these", "those", "then", "there", "here", "it", "we", "they", "you", "he",
	"she", "although", "though", "while", "yet", "unless", "until", "whether", "also", "not", "or", "tell",
	// prepositions opening a sentence ("In response, the ministry ...")
	"in", "on", "at", "as", "with", "from", "after", "during", "since", "into")

// functionWord reports whether token i is a function word written with a
// capital: "But", "BECAUSE"; not an acronym of three letters or fewer
// ("IS", "IT", "OR").
func (x *extractor) functionWord(i int) bool {
	t := &x.toks[i]
	if !t.word || t.upper && len(t.text) <= 3 {
		return false
	}
	return functionWords[t.low]
}

// givenName reports whether token i is a known given name.
func (x *extractor) givenName(i int) bool {
	_, ok := x.lex.gender[x.toks[i].text]
	return ok
}

// fullNameAt reports whether a person's full name starts at token i, inside
// the run of capitalised words that ends before e: a known given name and
// a capitalised word after it that is no title ("Barack Obama"). A given
// name alone ("Hurricane Alex", "Camp David") starts none.
func (x *extractor) fullNameAt(i, e int) bool {
	if i+1 >= e || !x.toks[i].cap || x.toks[i].upper || !x.givenName(i) {
		return false
	}
	n := &x.toks[i+1]
	return n.word && n.cap && !n.upper && !x.is(i+1, fTitleNoun|fTitleMod|fNotName|fConnector)
}

// thingNames returns the unknown names of two words or more, not opening
// with a given name, that the text writes after "the" at least once ("the
// Deepwater Horizon rig", "since the Exxon Valdez ran aground"): people
// are not named so, and every mention of such a name is no person. The
// map is the extractor's own, emptied for each text.
func (x *extractor) thingNames() map[string]bool {
	x.things = emptied(x.things)
	for _, m := range x.ms {
		if !m.unknown || m.b-m.a < 2 || x.givenName(m.a) {
			continue
		}
		if p := x.prevWord(m.a); p >= 0 && p == m.a-1 && x.lower(p) == "the" {
			x.things[x.span(m.a, m.b)] = true
		}
	}
	return x.things
}

// shouted reports whether token i is an ordinary word written in capitals
// ("FAILED", "JUST"): after a name written in lower case it is shouting,
// no part of the name; an acronym ("BP", "NATO") is none.
func (x *extractor) shouted(i int) bool {
	return len(x.toks[i].text) >= 4 && x.isCommon(i)
}

// dropSpelledOut drops the names that are no names: words set apart
// letter by letter ("J U S T W O N", "N O W": a banner's letters, three or
// more, each alone) and a person's name with a word of letters and digits
// ("U13900240": a reference number, where a commenter's name would be).
func (x *extractor) dropSpelledOut() {
	for _, m := range x.ms {
		if m.drop || m.unknown {
			continue
		}
		if x.letterSpaced(m) || m.kind == storyline.Person && x.holdsDigit(m) {
			m.drop = true
		}
	}
}

// letterSpaced reports whether m is words of one letter in a run of three
// or more such words ("W I L L N O T": the pronoun "I" among them cuts
// the run into two names, "W" and "L L N O T").
func (x *extractor) letterSpaced(m *mention) bool {
	for k := m.a; k < m.b; k++ {
		if !x.oneLetter(k) {
			return false
		}
	}
	a, b := m.a, m.b
	for a > 0 && x.oneLetter(a-1) {
		a--
	}
	for b < len(x.toks) && x.oneLetter(b) {
		b++
	}
	return b-a >= 3
}

// oneLetter reports whether token k is a single ASCII letter.
func (x *extractor) oneLetter(k int) bool {
	t := x.toks[k].text
	return len(t) == 1 && nlp.ASCIIKind[t[0]]&(nlp.KindLower|nlp.KindUpper) != 0
}

// holdsDigit reports whether a word of m, or of the name it resolved to,
// mixes letters and digits ("U13900240", "Bobsy26", "H1N1"): a reference
// number, a user's handle, a model or a virus, no person. A number alone
// is a word of its own ("50 Cent").
func (x *extractor) holdsDigit(m *mention) bool {
	for k := m.a; k < m.b; k++ {
		if lettersAndDigits(x.toks[k].text) {
			return true
		}
	}
	for w := range strings.FieldsSeq(m.name) {
		if lettersAndDigits(w) {
			return true
		}
	}
	return false
}

// lettersAndDigits reports whether w holds both an ASCII letter and a digit.
func lettersAndDigits(w string) bool {
	var seen uint8 // the kinds of w's ASCII letters and digits
	for i := 0; i < len(w); i++ {
		seen |= nlp.ASCIIKind[w[i]]
	}
	return seen&nlp.KindDigit != 0 && seen&(nlp.KindLower|nlp.KindUpper) != 0
}
