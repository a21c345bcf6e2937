package quote

// Word classes the rules share: auxiliaries and adverbs between a source
// and its cue, words that end a phrase, determiners, time words.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isCap reports whether token k is a capitalised word that may start a
// name (not "The", "He", "Monday", ...).
func (x *extractor) isCap(k int) bool {
	t := &x.toks[k]
	return t.capital && !t.in(cNotName)
}

// isUpper reports whether strings.ToUpper(s) == s, without making the
// upper case: no rune has an upper case of its own, and no byte is
// invalid UTF-8 (which ToUpper replaces).
func isUpper(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.ToUpper(r) != r {
			return false
		}
		i += size
	}
	return true
}

// notNames are capitalised words that do not start a name.
var notNames = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "they": true, "it": true,
	"we": true, "i": true, "in": true, "on": true, "at": true, "but": true, "and": true,
	"this": true, "that": true, "if": true, "when": true, "as": true, "his": true, "her": true,
	"their": true, "our": true, "for": true, "to": true, "of": true, "after": true, "while": true,
	"there": true, "so": true, "yet": true, "what": true, "who": true, "why": true, "how": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "you": true, "its": true, "by": true, "with": true,
	// adverbs that open sentences
	"later": true, "earlier": true, "meanwhile": true, "still": true, "now": true, "also": true,
	"however": true, "instead": true, "indeed": true, "then": true, "yesterday": true,
	"today": true, "tonight": true, "afterward": true, "afterwards": true, "finally": true,
	"separately": true, "recently": true, "likewise": true, "similarly": true, "even": true,
	"just": true, "besides": true, "absent": true, "moreover": true, "nonetheless": true,
	"nevertheless": true, "having": true,
}

// skipBack are words between a source and its cue that belong to neither:
// auxiliaries and adverbs ("has also said", "would later claim").
var skipBack = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "may": true, "might": true, "must": true, "did": true, "does": true,
	"do": true, "is": true, "was": true, "are": true, "were": true, "also": true, "then": true,
	"later": true, "once": true, "again": true, "not": true, "never": true, "often": true,
	"been": true, "had’ve": true, "still": true, "even": true, "already": true, "first": true,
	"just": true, "long": true, "recently": true, "reportedly": true, "previously": true,
	"repeatedly": true, "publicly": true, "privately": true, "has’": true, "now": true,
	"since": true, "always": true, "earlier": true, "sometimes": true, "ever": true, "soon": true,
	"twice": true, "himself": true, "herself": true, "themselves": true, "itself": true,
}

// negatedAuxiliaries stand between a source and its cue like the
// auxiliaries in skipBack ("Sanders hasn't said whether ...").
var negatedAuxiliaries = []string{
	"hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't",
	"shouldn't", "isn't", "wasn't", "aren't", "weren't", "can't", "cannot", "mustn't",
}

// addNegatedAuxiliaries adds them to skipBack (at init, before
// buildLexicon).
func addNegatedAuxiliaries() {
	for _, w := range negatedAuxiliaries {
		skipBack[w] = true
		skipBack[strings.ReplaceAll(w, "'", "’")] = true
	}
}

// auxiliaries open a verb phrase, never an apposition.
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "may": true, "might": true, "must": true, "did": true, "does": true,
	"do": true, "is": true, "was": true, "are": true, "were": true, "can": true,
}

// clauseWords end a source phrase when read backwards from the cue.
var clauseWords = map[string]bool{
	"that": true, "and": true, "but": true, "which": true, "when": true, "while": true,
	"because": true, "as": true, "if": true, "after": true, "before": true, "since": true,
	"so": true, "than": true, "or": true, "where": true, "whom": true, "whether": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "from": true, "by": true,
	"during": true, "to": true, "into": true, "about": true, "over": true, "under": true,
	"until": true, "though": true, "although": true, "yet": true, "what": true, "how": true,
	"why": true, "like": true, "unlike": true, "despite": true, "amid": true, "against": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "being": true, "not": true,
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"who": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "yesterday": true, "today": true, "tonight": true,
	"week": true, "month": true, "year": true, "morning": true, "evening": true, "night": true,
	"afternoon": true,
}

// timeWords end a noun phrase of time.
var timeWords = map[string]bool{
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"day": true, "days": true, "weekend": true, "century": true, "decade": true, "decades": true,
	"hours": true, "hour": true, "minutes": true, "time": true, "morning": true, "afternoon": true,
	"evening": true, "night": true,
}

// openers start a subordinate clause that opens a sentence.
var openers = map[string]bool{
	"when": true, "if": true, "as": true, "because": true, "since": true, "although": true,
	"though": true, "while": true, "after": true, "before": true, "once": true, "until": true,
	"whenever": true, "unless": true, "despite": true, "amid": true, "with": true,
}

// subordinators join a participle cue to its clause without a subject
// of its own ("by saying", "before adding").
var subordinators = map[string]bool{
	"by": true, "before": true, "after": true, "while": true, "when": true, "without": true,
}

// commonVerbs end a noun phrase read forwards.
var commonVerbs = map[string]bool{
	"went": true, "goes": true, "go": true, "sent": true, "made": true, "makes": true,
	"took": true, "takes": true, "gave": true, "gives": true, "came": true, "comes": true,
	"got": true, "gets": true, "continues": true, "continued": true, "began": true, "begins": true,
	"ended": true, "ends": true, "closed": true, "closes": true, "opened": true, "opens": true,
}

// starters may open a source phrase after its cue ("said another
// Republican", "said former Gov. Bush").
var starters = map[string]bool{
	"another": true, "former": true, "each": true, "every": true, "no": true, "fellow": true,
	"top": true, "senior": true, "longtime": true, "then": true, "veteran": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"this": true, "these": true, "those": true, "some": true, "many": true, "several": true,
	"two": true, "three": true, "four": true, "one": true, "most": true, "few": true,
	"our": true, "my": true, "other": true, "both": true,
}

var conjunctions = map[string]bool{
	"and": true, "but": true, "or": true, "so": true, "yet": true, "still": true, "however": true,
	"instead": true, "now": true, "then": true, "indeed": true, "also": true,
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan.": true, "feb.": true, "aug.": true, "sept.": true, "oct.": true,
	"nov.": true, "dec.": true,
}
