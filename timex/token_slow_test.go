package timex

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// tokenizeSlow is the tokenizer as it was before words were looked up while
// they are read, kept to check the tokenizer against (FuzzTokenize).
// tokenizeSlow splits text into tokens in one pass. abbrev lists lowercased
// words (without the dot) that take a glued abbreviation dot. Letters
// separated by single dots ("p.m.", "a.m.") form one word token.
func tokenizeSlow(text string, abbrev map[string]bool) []token {
	return tokenizeSlowInto(nil, text, abbrev)
}

// tokenizeSlowInto is tokenizeSlow appending to dst[:0] (when it has room for
// the text's tokens, else to a new slice).
func tokenizeSlowInto(dst []token, text string, abbrev map[string]bool) []token {
	toks := dst[:0]
	if cap(toks) < len(text)/4+1 {
		toks = make([]token, 0, len(text)/4+1)
	}
	lowText := nlp.LowerASCII(text)
	sentence := int32(0)
	newSentence := false
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r':
				i++
				continue
			case c == '\n':
				// A blank line ends a sentence.
				j := i + 1
				for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
					j++
				}
				if j < len(text) && text[j] == '\n' {
					newSentence = true
				}
				i++
				continue
			case isDigit(c):
				end := scanNumber(text, i)
				toks = appendTokSlow(toks, text, lowText, i, end, kNum, &sentence, &newSentence)
				i = end
				continue
			case isASCIILetter(c):
				end := scanWordSlow(text, lowText, i, abbrev)
				toks = appendTokSlow(toks, text, lowText, i, end, kWord, &sentence, &newSentence)
				i = end
				continue
			}
			toks = appendTokSlow(toks, text, lowText, i, i+1, kPunct, &sentence, &newSentence)
			if c == '!' || c == '?' || (c == '.' && (i+1 >= len(text) || !isDigit(text[i+1]))) {
				newSentence = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r):
			end := scanWordSlow(text, lowText, i, abbrev)
			toks = appendTokSlow(toks, text, lowText, i, end, kWord, &sentence, &newSentence)
			i = end
		default:
			toks = appendTokSlow(toks, text, lowText, i, i+size, kPunct, &sentence, &newSentence)
			i += size
		}
	}
	return toks
}

func appendTokSlow(toks []token, text, lowText string, start, end int, kind tokKind, sentence *int32, newSentence *bool) []token {
	t := token{start: start, end: end, kind: kind, low: nlp.LowerIn(lowText, start, end)}
	if t.low == "’" {
		t.low = "'"
	}
	if c := text[start]; c < utf8.RuneSelf {
		t.upper = 'A' <= c && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(text[start:end])
		t.upper = unicode.IsUpper(r)
	}
	if *newSentence {
		// A sentence ends at a full stop only when the next word starts a new
		// one (capital letter, digit or quotation), not when a comma follows
		// an abbreviation ("Birmingham, Ala., killed").
		cont := t.low == "," || t.low == ";"
		if (kind != kWord || t.upper || len(toks) == 0) && !cont {
			*sentence++
		}
		*newSentence = false
	}
	t.sentence = *sentence
	return append(toks, t)
}

// FuzzTokenize checks that the tokenizer gives the tokens tokenizeSlow
// gives, with the IDs the vocabulary's map gives their lower case.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{news, "Sept. 5 p.m. U.S. Ala., killed; A.B.C. at 10:30am, 1990s, ’80s ‘the’ Étienne naïve Jan.", "x.y. a.b ab. .a", "ÉTÉ été. Ωmega”. ΣΑΣ", "\xff\xfeMay\xc3", "THE Fourth OF July", ""} {
		f.Add(s)
	}
	for _, s := range pathological {
		f.Add(s[:min(len(s), 200)])
	}
	c := english.c
	f.Fuzz(func(t *testing.T, text string) {
		got := tokenizeInto(nil, nlp.Lower(text), c.abbrev, &c.vocab)
		want := tokenizeSlow(text, c.abbrev)
		for i := range want {
			w := &want[i]
			w.id = c.vocab.ids[w.low]
			// A run of ASCII letters, neither glued to a dot nor to a
			// letter that is not ASCII, is plain (Found.Words).
			next := byte(' ')
			if w.end < len(text) {
				next = text[w.end]
			}
			if w.kind == kWord && asciiLetters(text[w.start:w.end]) && next != '.' && next < utf8.RuneSelf {
				w.plain, w.hash = true, nlp.HashWord(w.low)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("tokenize(%q) =\n%v\nwant\n%v", text, got, want)
		}
	})
}

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) {
			return false
		}
	}
	return s != ""
}

// TestVocabularyID checks the vocabulary's table against its map.
func TestVocabularyID(t *testing.T) {
	v := &english.c.vocab
	for c := range v.ascii {
		if got, want := v.ascii[c], v.ids[string(rune(c))]; got != want {
			t.Errorf("ascii[%q] = %d, want %d", rune(c), got, want)
		}
	}
	for w, id := range v.ids {
		if got := v.id(w); got != id {
			t.Errorf("id(%q) = %d, want %d", w, got, id)
		}
		for _, other := range []string{w + "s", w[1:], strings.ToUpper(w), "x" + w} {
			if got := v.id(other); got != v.ids[other] {
				t.Errorf("id(%q) = %d, want %d", other, got, v.ids[other])
			}
		}
	}
}

// scanWordSlow is scanWord as it was, reading the lowered text:
// scanWordSlow returns the end of the word starting at i. Letter runs joined by
// single dots ("p.m.", "u.s.") form one word with the final dot; a word in
// abbrev takes a following dot.
func scanWordSlow(text, lowText string, i int, abbrev map[string]bool) int {
	j := i
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	// Dotted initialisms: single letters separated by dots.
	if j-i == 1 && j+2 < len(text) && text[j] == '.' && isASCIILetter(text[j+1]) && text[j+2] == '.' {
		k := j
		for k+1 < len(text) && text[k] == '.' && isASCIILetter(text[k+1]) && (k+2 >= len(text) || !isASCIILetter(text[k+2])) {
			k += 2
		}
		if k < len(text) && text[k] == '.' {
			k++
		}
		return k
	}
	if j < len(text) && text[j] == '.' && abbrev[nlp.LowerIn(lowText, i, j)] {
		return j + 1
	}
	return j
}
