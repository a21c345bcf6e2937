package quote

// Word classes read once a token: the scanner looks each word up once in
// one table (lexicon) that holds every class the rules ask about and its
// cue weight, so that the rules test a bit of the token instead of
// looking the word up in a map of its own each time they ask.

import (
	"sort"
	"strings"

	"github.com/storyline/storyline/nlp"
)

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
	cNounCue
	cVerbNounCue
	cPhraseCue
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
		cNounCue: nounCues, cVerbNounCue: verbNounCues, cPhraseCue: phraseCues,
	}
}

// entry is what the lexicon knows of a word form: its classes and its
// cue weight (cueWords).
type entry struct {
	cls class
	cue cueWord
	id  uint16 // its index in entries, from 1
}

// entries are the lexicon's entries by id (entries[0] is none), so that a
// token holds no pointer to its entry (a token is written once a word,
// and a pointer costs a write barrier while the collector runs).
var entries []*entry

// lexicon holds every lower-case word form of a class or of cueWords;
// words not in it have no class and no cue weight.
var lexicon map[string]*entry

// lexiconTable finds a word of the lexicon by the hash the scanner takes
// of it as it reads it.
var lexiconTable nlp.HashTable[*entry]

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
	lexiconTable = nlp.NewHashTable(lexicon)
	words := make([]string, 0, len(lexicon))
	for w := range lexicon {
		words = append(words, w)
	}
	sort.Strings(words)
	entries = []*entry{{}}
	for _, w := range words {
		e := lexicon[w]
		e.id = uint16(len(entries))
		entries = append(entries, e)
	}
}

// lookup returns the lexicon's entry of a lower-case word, nil when it
// has none.
func lookup(w string) *entry {
	e, _ := lexiconTable.Get(w)
	return e
}

// lookupHashed is lookup given nlp.HashWord(w).
func lookupHashed(w string, h uint32) *entry {
	e, _ := lexiconTable.GetHashed(w, h)
	return e
}

// in reports whether the token is a word of any of the classes c.
func (t *token) in(c class) bool {
	return t.cls&c != 0
}

// cue returns the token's cueWords entry (zero when it has none).
func (t *token) cue() cueWord {
	return entries[t.ent].cue
}
