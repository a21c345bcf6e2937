// Package nlp holds the text primitives the extractors share: paragraphs,
// sentences, word tokens, stems and stopwords. Every function is pure and
// reports byte offsets into the text it was given.
package nlp

import (
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

// Sentences splits text into sentences. A line break always ends a
// sentence (headlines and one-paragraph-a-line text have no final stop);
// within a line a sentence ends at '.', '!' or '?' (with any closing quotes
// or brackets after it) followed by white space and a word that can start a
// sentence, unless the stop ends a known abbreviation or an initial.
func Sentences(text string) []Span {
	var out []Span
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		out = splitLine(text, lineStart, lineEnd, out)
		lineStart = lineEnd + 1
	}
	return out
}

func splitLine(text string, start, end int, out []Span) []Span {
	s := start
	i := start
	for i < end {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		stop := i
		j := i + 1
		// Runs of stops ("?!", "...") and closing quotes or brackets.
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:])
			if r == '.' || r == '!' || r == '?' || isCloser(r) {
				j += n
				continue
			}
			break
		}
		if j < end && !isSpaceByte(text[j]) {
			i = j
			continue
		}
		k := j
		for k < end && isSpaceByte(text[k]) {
			k++
		}
		if k >= end {
			i = j
			break
		}
		if c == '.' && isAbbreviation(text, s, stop) {
			i = j
			continue
		}
		if !canStartSentence(text[k:end]) {
			i = j
			continue
		}
		if ts, te := trim(text, s, j); ts < te {
			out = append(out, Span{ts, te})
		}
		s = k
		i = k
	}
	if ts, te := trim(text, s, end); ts < te {
		out = append(out, Span{ts, te})
	}
	return out
}

func canStartSentence(rest string) bool {
	for _, r := range rest {
		if isOpener(r) {
			continue
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r) || r > unicode.MaxLatin1 && !unicode.IsLower(r)
	}
	return false
}

// isAbbreviation reports whether the word that ends at the stop at index
// dot is an abbreviation or an initial ("Mr.", "U.S.", "J.").
func isAbbreviation(text string, lineStart, dot int) bool {
	w := dot
	for w > lineStart {
		r, n := utf8.DecodeLastRuneInString(text[lineStart:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= n
	}
	word := text[w:dot]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") { // U.S, a.m, e.g
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(word)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true, "maj": true,
	"adm": true, "cmdr": true, "st": true, "jr": true, "sr": true, "rev": true, "hon": true,
	"pres": true, "supt": true, "insp": true, "amb": true, "atty": true, "messrs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "bros": true, "dept": true, "univ": true,
	"no": true, "nos": true, "vs": true, "etc": true, "approx": true, "est": true, "fig": true,
	"ave": true, "blvd": true, "mt": true, "ft": true, "vol": true, "ed": true, "eds": true,
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
	var out []Token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
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
		out = append(out, Token{Start: start, End: i, Text: text[start:i]})
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',', '&':
		return true
	}
	return false
}

// Stem returns the English Snowball stem of word, lowercased.
func Stem(word string) string {
	w := strings.ToLower(word)
	if strings.ContainsAny(w, "’'") {
		w = strings.NewReplacer("’s", "", "'s", "", "’", "", "'", "").Replace(w)
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}
