package entity

import (
	"strings"

	"github.com/storyline/storyline/nlp"
)

// The rules ask many questions of each token's lower-case word: is it a
// title noun, an organisation's head word, a common English word, the
// start of a gazetteer name? The lexicon answers them with two look-ups
// a token at most: the closed word lists (a small table, one bit a list,
// read for every token when the text is tokenised) and the dictionary
// and gazetteer words (a large table: whether the dictionary knows the
// word, and its number in the gazetteer trie, read only for the tokens a
// rule asks about, mostly capitalised ones).

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

	// The large table's flags, in a token once its entry is read:
	fLexCommon // the dictionary's common words (words.txt)
	// fCommon marks an ordinary English word (isCommon): a common word, a
	// stop word or a word that is never a name, or a hyphenated word of
	// such words and prefixes ("pre-election").
	fCommon
)

// wordInfo is what the large table knows of one lower-case word.
type wordInfo struct {
	flags wordFlags // fLexCommon
	// id numbers the words of gazetteer names (0: in none); the trie node
	// of a name's first word is its id.
	id int32
}

// trieStep is an edge of the gazetteer trie: from node by word.
type trieStep struct{ node, word int32 }

// trieNode is a node of the gazetteer trie: the name its path spells, if
// any, and whether GeoNames lists that path as a place (lexicon.weak).
type trieNode struct {
	en          entry
	known, weak bool
}

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

// buildWords fills the two tables and the trie from the word lists, the
// dictionary's common words, the gazetteer's names (l.phrases) and the
// GeoNames places (weak, phrase keys).
func (l *lexicon) buildWords(common []string, weak []string) {
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
	l.words = make(map[string]wordInfo, len(common)+len(weak))
	for _, w := range common {
		l.words[w] = wordInfo{flags: fLexCommon}
	}
	// The trie: node 0 is the root; a word's id is the node it leads to
	// from the root, and deeper nodes take the numbers after.
	l.nodes = []trieNode{{}}
	l.next = map[trieStep]int32{}
	insert := func(key string) *trieNode {
		node := int32(0)
		for part := range strings.SplitSeq(key, " ") {
			in := l.words[part]
			if in.id == 0 {
				in.id = int32(len(l.nodes))
				l.nodes = append(l.nodes, trieNode{})
				l.words[part] = in
			}
			if node == 0 {
				node = in.id
				continue
			}
			step := trieStep{node, in.id}
			child, ok := l.next[step]
			if !ok {
				child = int32(len(l.nodes))
				l.nodes = append(l.nodes, trieNode{})
				l.next[step] = child
			}
			node = child
		}
		return &l.nodes[node]
	}
	for key, en := range l.phrases {
		n := insert(key)
		n.en, n.known = en, true
	}
	for _, key := range weak {
		if key != "" {
			insert(key).weak = true
		}
	}
	for c := range l.ascii {
		l.asciiLists[c] = l.lists[string(rune(c))]
		l.ascii[c] = l.words[string(rune(c))]
	}
}

// listed returns the closed word lists the lower-case word w is in.
func (l *lexicon) listed(w string) wordFlags {
	if len(w) == 1 && w[0] < 0x80 {
		return l.asciiLists[w[0]]
	}
	return l.lists[w]
}

// word returns what the large table knows of the lower-case word w.
func (l *lexicon) word(w string) wordInfo {
	if len(w) == 1 && w[0] < 0x80 {
		return l.ascii[w[0]]
	}
	return l.words[w]
}

// step returns the trie node reached from node by word id, or 0.
func (l *lexicon) step(node, id int32) int32 {
	if id == 0 {
		return 0
	}
	if node == 0 {
		return id
	}
	return l.next[trieStep{node, id}]
}

// isCommon reports whether the lower-case word w, in the lists listed
// and the large table's entry in, is an ordinary English word: a common
// word, a stop word or a word that is never a name, or a hyphenated word
// whose every part is a common word, a stop word or a prefix
// ("pre-election").
func (l *lexicon) isCommon(w string, listed wordFlags, in wordInfo) bool {
	if in.flags&fLexCommon != 0 || listed&(fNotName|fStopword) != 0 {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for p := range strings.SplitSeq(w, "-") {
		if l.word(p).flags&fLexCommon == 0 && l.listed(p)&(fStopword|fPrefix) == 0 {
			return false
		}
	}
	return true
}
