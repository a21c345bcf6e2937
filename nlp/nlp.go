// Package nlp holds the text primitives the extractors share: paragraphs,
// sentences, word tokens, stems and stopwords. Every function is pure and
// reports byte offsets into the text it was given.
package nlp

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Of returns the text the span covers.
func (s Span) Of(text string) string { return text[s.Start:s.End] }

// Token is one word or number of a text.
type Token struct {
	Start, End int
	Text       string
}

// Paragraphs splits text at blank lines (lines holding only white space)
// and returns the non-empty paragraphs, trimmed of surrounding white space.
func Paragraphs(text string) []Span {
	var out []Span
	start := 0
	emit := func(s, e int) {
		s, e = trim(text, s, e)
		if s < e {
			out = append(out, Span{s, e})
		}
	}
	i := 0
	for i < len(text) {
		if text[i] != '\n' {
			i++
			continue
		}
		// Look for another newline with only spaces between.
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			emit(start, i)
			for j < len(text) && isSpaceByte(text[j]) {
				j++
			}
			start = j
			i = j
			continue
		}
		i = j
	}
	emit(start, len(text))
	return out
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '»', '’', '”':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '«', '‘', '“', '-', '–', '—':
		return true
	}
	return false
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func trim(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// Tokens returns the words and numbers of text. A word is a run of letters,
// digits and marks, with inner apostrophes, hyphens, periods and commas
// kept where they join two word characters ("don't", "U.S", "3.5",
// "1,000", "well-known"). Punctuation is dropped.
func Tokens(text string) []Token {
	return slices.Collect(EachToken(text))
}

// EachToken yields the tokens of text one by one, as Tokens returns them,
// for a caller that needs only some or counts them.
func EachToken(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		eachToken(text, yield)
	}
}

func eachToken(text string, yield func(Token) bool) {
	i := 0
	for i < len(text) {
		// an ASCII letter or digit is a word rune, any other ASCII byte
		// is not: one table load a byte (ASCIIKind is 0 past ASCII)
		if c := text[i]; ASCIIKind[c] == 0 {
			if c < utf8.RuneSelf {
				i++
				continue
			}
			if r, n := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
				i += n
				continue
			}
		}
		start := i
		for i < len(text) {
			c := text[i]
			if ASCIIKind[c] != 0 {
				i++
				continue
			}
			r, n := decodeRune(text, i)
			if c >= utf8.RuneSelf && isWordRune(r) {
				i += n
				continue
			}
			if isJoiner(r) && i+n < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[i+n:])
				if isWordRune(r2) {
					i += n
					continue
				}
			}
			break
		}
		if !yield(Token{Start: start, End: i, Text: text[start:i]}) {
			return
		}
	}
}

// decodeRune is utf8.DecodeRuneInString(text[i:]), an ASCII byte without
// the call.
func decodeRune(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // ASCII: letters and digits only
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',', '&':
		return true
	}
	return false
}

// apostrophes drops a possessive's "'s" and every other apostrophe, for
// Stem (a Replacer is safe for concurrent use: one serves every call).
var apostrophes = strings.NewReplacer("’s", "", "'s", "", "’", "", "'", "")

// Stem returns the English Snowball stem of word, lowercased.
func Stem(word string) string {
	w := strings.ToLower(word)
	if strings.ContainsAny(w, "’'") {
		w = apostrophes.Replace(w)
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}
