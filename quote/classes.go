package quote

// Word classes read once a token: the scanner looks each word up once in
// one table (lexicon) that holds every class the rules ask about and its
// cue weight, so that the rules test a bit of the token instead of
// looking the word up in a map of its own each time they ask.

import (
	"sort"
	"strings"
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

// lexiconIndex finds a word of the lexicon without hashing it.
var lexiconIndex index

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
	lexiconIndex = newIndex(lexicon)
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
	if len(w) > maxIndexed {
		return lexicon[w]
	}
	return lexiconIndex.get(w)
}

// maxIndexed is the longest word the index holds; the lexicon's longer
// words are looked up in the map.
const maxIndexed = 15

// index holds words in buckets by their length and their first and last
// letters: a bucket holds a few words at most, so that finding a word is
// comparing it with those.
type index struct {
	start   []uint16 // bucket b's words are words[start[b]:start[b+1]]
	words   []string
	entries []*entry
}

// bucket is the bucket of a word of 1 to maxIndexed bytes.
func bucket(w string) int {
	return (len(w)*27+letter(w[0]))*27 + letter(w[len(w)-1])
}

// letter numbers a, ..., z 1 to 26 and any other byte 0.
func letter(c byte) int {
	if 'a' <= c && c <= 'z' {
		return int(c-'a') + 1
	}
	return 0
}

func newIndex(m map[string]*entry) index {
	n := (maxIndexed + 1) * 27 * 27
	var ws []string
	for w := range m {
		if len(w) > 0 && len(w) <= maxIndexed {
			ws = append(ws, w)
		}
	}
	sort.Slice(ws, func(i, j int) bool {
		if bi, bj := bucket(ws[i]), bucket(ws[j]); bi != bj {
			return bi < bj
		}
		return ws[i] < ws[j]
	})
	// the words' bytes side by side, so that comparing reads few lines
	arena := strings.Join(ws, "")
	x := index{start: make([]uint16, n+1), words: make([]string, len(ws)), entries: make([]*entry, len(ws))}
	at := 0
	for i, w := range ws {
		x.words[i], x.entries[i] = arena[at:at+len(w)], m[w]
		at += len(w)
		x.start[bucket(w)+1]++
	}
	for b := 1; b <= n; b++ {
		x.start[b] += x.start[b-1]
	}
	return x
}

// get returns the entry of w (1 to maxIndexed bytes), nil if none.
func (x *index) get(w string) *entry {
	if len(w) == 0 {
		return nil
	}
	b := bucket(w)
	for i := x.start[b]; i < x.start[b+1]; i++ {
		if x.words[i] == w {
			return x.entries[i]
		}
	}
	return nil
}

// in reports whether the token is a word of any of the classes c.
func (t *token) in(c class) bool {
	return t.cls&c != 0
}

// cue returns the token's cueWords entry (zero when it has none).
func (t *token) cue() cueWord {
	return entries[t.ent].cue
}
