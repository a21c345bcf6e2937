package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// eachWord calls f with each token of s as nlp.EachToken yields it, and
// nlp.HashWord of its bytes (the hash wordKeys looks words up by),
// finding each token and hashing it in one pass. An ASCII letter or
// digit costs one table load (nlp.ASCIIKind); other characters are read
// as runes.
func eachWord(s string, f func(w string, h uint32)) {
	i := 0
	for i < len(s) {
		n := 1 // the length of the word character at i
		if c := s[i]; nlp.ASCIIKind[c] == 0 {
			if c < utf8.RuneSelf {
				i++
				continue
			}
			if n = wordRuneAt(s, i); n == 0 {
				_, n = utf8.DecodeRuneInString(s[i:])
				i += n
				continue
			}
		}
		start := i
		h := nlp.HashOffset
		for {
			for ; n > 0; n-- {
				h = nlp.HashStep(h, s[i])
				i++
			}
			for i < len(s) && nlp.ASCIIKind[s[i]] != 0 {
				h = nlp.HashStep(h, s[i])
				i++
			}
			if i == len(s) {
				break
			}
			if s[i] >= utf8.RuneSelf {
				if n = wordRuneAt(s, i); n > 0 {
					continue
				}
			}
			// A joiner between two word characters joins them.
			if j := joinerAt(s, i); j > 0 && i+j < len(s) && wordRuneAt(s, i+j) > 0 {
				n = j
				continue
			}
			break
		}
		f(s[start:i], h)
	}
}

// wordRuneAt returns the length of the character at s[i] when it is a
// word character of nlp's tokens (a letter, digit or mark), else 0.
func wordRuneAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if nlp.ASCIIKind[c] != 0 {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
		return n
	}
	return 0
}

// joinerAt returns the length of the character at s[i] when it may join
// two word characters into one token in nlp ("don't", "U.S", "3.5",
// "1,000", "well-known", "AT&T", "Britain’s"), else 0.
func joinerAt(s string, i int) int {
	switch s[i] {
	case '\'', '-', '.', ',', '&':
		return 1
	}
	if strings.HasPrefix(s[i:], "’") {
		return len("’")
	}
	return 0
}
