package timeline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The statement rules run over every sentence of every article, so the
// costly part of their regular expressions is spared where a cheaper look
// tells the answer: word rules are word lookups, and an expression is
// tried only where (or when) a match can start. Each gives what its
// expression gives (fast_test.go checks it, fuzzing included).
//
// Go's \b sees ASCII letters, digits and '_' as word characters, and
// (?i) matches an ASCII letter's case folds: its other case and, for "k"
// and "s", the non-ASCII Kelvin sign "K" and long "ſ". A text holding
// one of those two is left to the expression itself.
const foldsToASCII = "\u212a\u017f" // K (Kelvin), ſ

// foldsIntoASCII reports whether s holds a letter of foldsToASCII. It
// looks for their last bytes first (0xAA, 0xBF): the first ones start
// the curly quotes and dashes news is full of (0xE2), or other letters.
func foldsIntoASCII(s string) bool {
	return strings.IndexByte(s, 0xaa) >= 0 && strings.Contains(s, "\u212a") ||
		strings.IndexByte(s, 0xbf) >= 0 && strings.Contains(s, "\u017f")
}

// A rule is a regular expression with a cheaper look that tells where it
// cannot match.
type rule struct {
	re *regexp.Regexp
	// words are the whole words (lower-cased) one of which every match
	// holds; only is whether holding one is all the expression asks.
	words keySet
	only  bool
	// at, when set, is re anchored at the start: every match of re
	// starts where one of the words does, so at is tried there only.
	at *regexp.Regexp
}

// A keySet is a set of lower-case ASCII words that tells most other words
// apart before it looks them up: by which lengths its words of each first
// letter have.
type keySet struct {
	words map[string]bool
	lens  [26]uint32 // by first letter: bit n is set when a word of n bytes starts with it
	other bool       // a word starts with no letter: the lengths tell nothing
}

func newKeySet(words []string) keySet {
	k := keySet{words: wordSet(words)}
	for _, w := range words {
		switch c := w[0]; {
		case c < 'a' || c > 'z' || len(w) > 16:
			k.other = true
		default:
			k.lens[c-'a'] |= 1 << len(w)
		}
	}
	return k
}

// has reports whether w, lower-cased, is in the set (of words up to 16
// bytes long), as isWord(w, k.words) does.
func (k *keySet) has(w string) bool {
	if len(w) == 0 || len(w) > 16 {
		return false
	}
	if c := w[0] | 0x20; !k.other && (c < 'a' || c > 'z' || k.lens[c-'a']&(1<<len(w)) == 0) {
		return false
	}
	return isWord(w, k.words)
}

// wordsRule returns the rule `(?i)\b(w1|w2|...)\b` for words "w1|w2|...",
// words of ASCII letters: it matches where one of them is a whole word.
func wordsRule(words string) rule {
	return rule{
		re:    regexp.MustCompile(`(?i)\b(` + words + `)\b`),
		words: newKeySet(strings.Split(words, "|")),
		only:  true,
	}
}

// keyedRule returns the rule of expression expr, which cannot match
// unless the text holds one of the key words as a whole word.
func keyedRule(expr string, keys ...string) rule {
	return rule{re: regexp.MustCompile(expr), words: newKeySet(keys)}
}

// leadingRule returns the rule of expression expr, every match of which
// starts with one of the key words ("\b(?i:w1|w2) ..."): it is tried
// only where a key word starts.
func leadingRule(expr string, keys ...string) rule {
	r := keyedRule(expr, keys...)
	r.at = regexp.MustCompile(`^(?:` + expr + `)`)
	return r
}

// MatchString reports whether the rule's expression matches s.
func (r *rule) MatchString(s string) bool {
	if foldsIntoASCII(s) {
		return r.re.MatchString(s)
	}
	if r.at != nil {
		return r.leading(s) != nil
	}
	if !hasWord(s, r.words) {
		return false
	}
	return r.only || r.re.MatchString(s)
}

// FindStringIndex returns the leftmost match of the rule's expression in
// s, as the expression's FindStringIndex does.
func (r *rule) FindStringIndex(s string) []int {
	switch {
	case foldsIntoASCII(s):
		return r.re.FindStringIndex(s)
	case r.at != nil:
		return r.leading(s)
	case r.only:
		// The first key word is the match.
		if i, j := nextKeyWord(s, 0, r.words); i >= 0 {
			return []int{i, j}
		}
		return nil
	case !hasWord(s, r.words):
		return nil
	}
	return r.re.FindStringIndex(s)
}

// leading is FindStringIndex of a leadingRule: at tried where each key
// word starts, in order.
func (r *rule) leading(s string) []int {
	for i, j := nextKeyWord(s, 0, r.words); i >= 0; i, j = nextKeyWord(s, j, r.words) {
		if m := r.at.FindStringIndex(s[i:]); m != nil {
			return []int{i + m[0], i + m[1]}
		}
	}
	return nil
}

// FindAllStringSubmatchIndex returns the matches of the rule's expression
// in s, as the expression's FindAllStringSubmatchIndex(s, -1) does.
func (r *rule) FindAllStringSubmatchIndex(s string) [][]int {
	if !foldsIntoASCII(s) && !hasWord(s, r.words) {
		return nil
	}
	return r.re.FindAllStringSubmatchIndex(s, -1)
}

// nextKeyWord returns where the first whole word of s at or after from that
// is in set starts and ends (a run of ASCII letters, digits and '_'
// between two non-word bytes, whatever its case), or -1, -1. from is at a
// word's start or on a non-word byte.
func nextKeyWord(s string, from int, set keySet) (int, int) {
	for i := from; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if set.has(s[i:j]) {
			return i, j
		}
		i = j
	}
	return -1, -1
}

// hasWord reports whether s holds one of the words of set as a whole word
// (a run of ASCII letters, digits and '_' between two non-word bytes),
// whatever its case.
func hasWord(s string, set keySet) bool {
	i, _ := nextKeyWord(s, 0, set)
	return i >= 0
}

// lastWords returns the end of s from the start of its third last word
// (a run of ASCII letters, digits and '_'), or all of s when it has fewer.
// The expressions anchored at the end of the text before a time expression
// (passingBefore: "ahead of the", spanToNow, attributiveBefore,
// possessiveBefore: "Russia's") reach no further back, so they match it as
// they match s, without reading the whole sentence before. A text holding a
// letter of foldsToASCII is returned whole.
func lastWords(s string) string {
	if foldsIntoASCII(s) {
		return s
	}
	words := 0
	for i := len(s); i > 0; i-- {
		if isWordByte(s[i-1]) && (i == 1 || !isWordByte(s[i-2])) {
			words++
			if words == 3 {
				return s[i-1:]
			}
		}
	}
	return s
}

// isWord reports whether w, lower-cased, is in set (of ASCII words up to
// 16 bytes long).
func isWord(w string, set map[string]bool) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	b := buf[:len(w)]
	for k := range len(w) {
		b[k] = lowerByte(w[k])
	}
	return set[string(b)]
}

func isDigit(c byte) bool      { return '0' <= c && c <= '9' }
func isLetterByte(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isWordByte reports whether c is a word character as the \b of Go's
// regular expressions sees it: an ASCII letter, digit or '_'.
func isWordByte(c byte) bool { return wordBytes[c] }

// wordBytes tells the word characters of isWordByte by their byte.
var wordBytes = func() (t [256]bool) {
	for c := range t {
		b := byte(c)
		t[c] = isLetterByte(b) || isDigit(b) || b == '_'
	}
	return t
}()

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// wordSet returns a set of the words.
func wordSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// lastField returns the last of strings.Fields(s), or "" when s has none.
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}
