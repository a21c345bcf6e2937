package nlp

import (
	"unicode"
	"unicode/utf8"
)

// LetterWords returns how many of the tokens of text, as EachToken yields
// them, start with a letter, counting up to max: what a caller that only
// counts words needs, without yielding each token.
func LetterWords(text string, max int) int {
	n := 0
	for i := 0; i < len(text) && n < max; {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				i++
				continue
			}
			if c > '9' {
				n++ // a letter, not a digit
			}
			i = tokenEnd(text, i+1)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		if unicode.IsLetter(r) {
			n++
		}
		i = tokenEnd(text, i+size)
	}
	return n
}

// tokenEnd returns where the token going on at i ends, as eachToken reads
// it: word runes, and joiners between two of them.
func tokenEnd(text string, i int) int {
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		} else if isASCIIWord(text[i]) {
			i++
			continue
		}
		if isWordRune(r) {
			i += size
			continue
		}
		if isJoiner(r) && i+size < len(text) {
			if r2, _ := decodeRune(text, i+size); isWordRune(r2) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// isASCIIWord reports whether the ASCII byte c is a word rune: a letter or
// a digit.
func isASCIIWord(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}
