package quote

// Word classes read once a token: the scanner looks each word up once in
// one table (lexicon) that holds every class the rules ask about and its
// cue weight, so that the rules test a bit of the token instead of
// looking the word up in a map of its own each time they ask.

import "strings"

// class is a set of word classes, a bit each.
type class uint64

const (
	cNotName class = 1 << iota
	cSkipBack
	cDeterminer
	cClauseWord
	cAuxiliary
	cPronoun
	cPassiveAux
	cOpener
	cConjunction
	cWeekday
	cTitle
	cUnnamedHead
	cTitleNoun
	cInstitution
	cAffiliation
	cAddresseeNoun
	cTimeWord
	cTellVerb
	cSubordinator
	cStarter
	cRoleWord
	cRefusal
	cPostAdjective
	cMustAddress
	cMonth
	cItFrame
	cInversionVerb
	cInfinitiveCue
	cHeadPreposition
	cDocumentNoun
	cDayName
	cCommonVerb
	cBodyWord
	// a word that is one of titles, unnamedHeads, roleWords once a final
	// dot is taken off ("gov." as well as "gov", the tests
	// titles[strings.TrimSuffix(w, ".")])
	cTitleBare
	cUnnamedHeadBare
	cRoleWordBare
)

// classSets are the word sets behind each class.
func classSets() map[class]map[string]bool {
	return map[class]map[string]bool{
		cNotName: notNames, cSkipBack: skipBack, cDeterminer: determiners, cClauseWord: clauseWords,
		cAuxiliary: auxiliaries, cPronoun: pronouns, cPassiveAux: passiveAux, cOpener: openers,
		cConjunction: conjunctions, cWeekday: weekdays, cTitle: titles, cUnnamedHead: unnamedHeads,
		cTitleNoun: titleNouns, cInstitution: institutions, cAffiliation: affiliationWords,
		cAddresseeNoun: addresseeNouns, cTimeWord: timeWords, cTellVerb: tellVerbs,
		cSubordinator: subordinators, cStarter: starters, cRoleWord: roleWords, cRefusal: refusals,
		cPostAdjective: postAdjectives, cMustAddress: mustAddress, cMonth: months, cItFrame: itFrames,
		cInversionVerb: inversionVerbs, cInfinitiveCue: infinitiveCues, cHeadPreposition: headPrepositions,
		cDocumentNoun: documentNouns, cDayName: dayNames, cCommonVerb: commonVerbs, cBodyWord: bodyWords,
	}
}

// entry is what the lexicon knows of a word form: its classes and its
// cue weight (cueWords).
type entry struct {
	cls class
	cue cueWord
}

// lexicon holds every lower-case word form of a class or of cueWords;
// words not in it have no class and no cue weight.
var lexicon map[string]*entry

// lexiconFilter tells which lengths, first and last bytes (their low five
// bits, which tell the letters apart) the lexicon's words have, so that
// most words are known to be absent without a look-up.
var lexiconFilter [maxFiltered + 1][32]uint32

// maxFiltered is the longest word the filter tells of; longer words are
// looked up.
const maxFiltered = 15

func init() {
	addSpeechVerbs()
	addNegatedAuxiliaries()
	buildLexicon()
}

func buildLexicon() {
	lexicon = map[string]*entry{}
	at := func(w string) *entry {
		e := lexicon[w]
		if e == nil {
			e = &entry{}
			lexicon[w] = e
		}
		return e
	}
	for c, set := range classSets() {
		for w, in := range set {
			if in {
				at(w).cls |= c
			}
		}
	}
	for c, set := range map[class]map[string]bool{cTitleBare: titles, cUnnamedHeadBare: unnamedHeads, cRoleWordBare: roleWords} {
		for w, in := range set {
			if !in {
				continue
			}
			// strings.TrimSuffix(v, ".") == w for v = w + "." and, when w
			// has no final dot, for v = w
			at(w + ".").cls |= c
			if !strings.HasSuffix(w, ".") {
				at(w).cls |= c
			}
		}
	}
	for w, cw := range cueWords {
		at(w).cue = cw
	}
	for w := range lexicon {
		if n := len(w); n <= maxFiltered {
			lexiconFilter[n][w[0]&31] |= 1 << (w[n-1] & 31)
		}
	}
}

// lookup returns the lexicon's entry of a lower-case word, nil when it
// has none.
func lookup(w string) *entry {
	n := len(w)
	if n == 0 {
		return nil
	}
	if n <= maxFiltered {
		if lexiconFilter[n][w[0]&31]&(1<<(w[n-1]&31)) == 0 {
			return nil
		}
	}
	return lexicon[w]
}

// in reports whether the token is a word of any of the classes c.
func (t *token) in(c class) bool {
	return t.lex != nil && t.lex.cls&c != 0
}

// cue returns the token's cueWords entry (zero when it has none).
func (t *token) cue() cueWord {
	if t.lex == nil {
		return cueWord{}
	}
	return t.lex.cue
}
