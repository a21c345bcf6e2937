package entity

import (
	"strings"

	"github.com/storyline/storyline/nlp"
)

// The rules ask many questions of each token's lower-case word: is it a
// title noun, an organisation's head word, a common English word, the
// start of a gazetteer name? The closed word lists answer with one small
// table (one bit a list), read once for a token when a rule first asks;
// the dictionary (a large table) is read once for a token when a rule
// first asks whether it is a common word, the gazetteer's word ids once
// when a rule looks for a name there. Most tokens are asked nothing.

// wordFlags holds one bit for each word list a word belongs to.
type wordFlags uint32

const (
	fTitleNoun       wordFlags = 1 << iota // titleNouns
	fTitleMod                              // titleMods
	fOrgHead                               // orgHeads
	fOrgClass                              // orgClass
	fConnector                             // connectors
	fParticle                              // particles
	fNotName                               // notNames
	fSpeechVerb                            // speechVerbs
	fLocative                              // locatives
	fPlaceNoun                             // placeNouns
	fPlaceHead                             // placeHeads
	fFemale                                // femaleWords
	fMale                                  // maleWords
	fCorporateTitle                        // corporateTitles
	fCorporateSuffix                       // corporateSuffixes
	fDeterminerWord                        // determinerWords
	fAuxiliary                             // auxiliaryWords
	fHonorific                             // honorifics
	fPrefix                                // prefixes
	fSmall                                 // smallWords
	fPluralTitle                           // a title noun and "s": "presidents"
	fStopword                              // nlp.IsStopword
	fPronounM                              // he, him, his, himself
	fPronounF                              // she, her, hers, herself

	// Read from the dictionary, in a token once read (token.looked):
	fLexCommon // the dictionary's common words (lexicon.common)
	fCommon    // an ordinary English word (lexicon.isCommon)
)

// wordLists are the closed word lists and their flags.
var wordLists = []struct {
	words map[string]bool
	flag  wordFlags
}{
	{titleNouns, fTitleNoun}, {titleMods, fTitleMod}, {orgHeads, fOrgHead}, {orgClass, fOrgClass},
	{connectors, fConnector}, {particles, fParticle}, {notNames, fNotName}, {speechVerbs, fSpeechVerb},
	{locatives, fLocative}, {placeNouns, fPlaceNoun}, {placeHeads, fPlaceHead}, {femaleWords, fFemale},
	{maleWords, fMale}, {corporateTitles, fCorporateTitle}, {corporateSuffixes, fCorporateSuffix},
	{determinerWords, fDeterminerWord}, {auxiliaryWords, fAuxiliary}, {honorifics, fHonorific},
	{prefixes, fPrefix}, {smallWords, fSmall},
	{set("he", "him", "his", "himself"), fPronounM}, {set("she", "her", "hers", "herself"), fPronounF},
}

// buildLists fills l.lists, l.listTable and l.asciiLists from the word
// lists.
func (l *lexicon) buildLists() {
	l.lists = map[string]wordFlags{}
	for _, w := range nlp.Stopwords() {
		l.lists[w] |= fStopword
	}
	for _, list := range wordLists {
		for w := range list.words {
			l.lists[w] |= list.flag
		}
	}
	for w := range titleNouns {
		if p := w + "s"; len(p) > 3 {
			l.lists[p] |= fPluralTitle
		}
	}
	l.listTable = nlp.NewWordTable(l.lists)
	for c := range l.asciiLists {
		l.asciiLists[c] = l.lists[string(rune(c))]
	}
}

// listed returns the closed word lists the lower-case word w is in.
func (l *lexicon) listed(w string) wordFlags {
	if len(w) == 1 && w[0] < 0x80 {
		return l.asciiLists[w[0]]
	}
	if len(w) > nlp.MaxTableWord {
		return l.lists[w]
	}
	f, _ := l.listTable.Get(w)
	return f
}

// isCommon reports whether the lower-case word w, in the lists listed
// and common in the dictionary or not, is an ordinary English word: a
// common word, a stop word or a word that is never a name, or a
// hyphenated word whose every part is a common word, a stop word or a
// prefix ("pre-election").
func (l *lexicon) isCommon(w string, listed wordFlags, common bool) bool {
	if common || listed&(fNotName|fStopword) != 0 {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for p := range strings.SplitSeq(w, "-") {
		if !l.common[p] && l.listed(p)&(fStopword|fPrefix) == 0 {
			return false
		}
	}
	return true
}
