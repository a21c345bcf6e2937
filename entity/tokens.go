package entity

import (
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// token is a word or a single punctuation rune, with byte offsets.
type token struct {
	start, end int
	text       string
	low        string // text in lower case
	hyphen     bool   // a word with a hyphen inside
	word       bool   // letters or digits, else punctuation
	cap        bool   // a word whose first letter is upper case
	upper      bool   // a word of two or more letters, all upper case ("NATO", "U.S.")
	newline    bool   // a line break lies between this token and the one before
	sentStart  bool
	sent       int // sentence index
	// flags holds, once read (listed), the closed word lists low is in
	// and, once read (looked), fLexCommon and fCommon; nameID is low's id
	// in the gazetteer's trie, once read (named; 0 for none). Most tokens
	// are asked nothing: each is read only when a rule asks.
	flags                 wordFlags
	nameID                int32
	listed, looked, named bool
	quoted                bool  // inside quotation marks (index)
	id                    int32 // its word's nlp.Words ID + 1, 0 when it is no one word of them
}

// wordInfo is what the lexicon says of one distinct word of a text
// (nlp.Words.Forms), read once a text for the tokens that are that one
// word: the lists it is in (listed), its dictionary flags (looked) and its
// id in the gazetteer's trie (named).
type wordInfo struct {
	lists, dict           wordFlags
	nameID                int32
	listed, looked, named bool
}

// list returns the closed word lists token t's word is in, read once.
func (x *extractor) list(t *token) wordFlags {
	if !t.listed {
		t.listed = true
		if t.id == 0 {
			t.flags |= x.lex.listed(t.low)
		} else {
			w := &x.info[t.id-1]
			if !w.listed {
				w.listed = true
				w.lists = x.lex.listed(t.low)
			}
			t.flags |= w.lists
		}
	}
	return t.flags
}

// lookUp reads the large table's entry of token t's word, once.
func (x *extractor) lookUp(t *token) *token {
	if !t.looked {
		t.looked = true
		if t.id == 0 {
			t.flags |= x.lex.dict(t.low, x.list(t))
		} else {
			w := &x.info[t.id-1]
			if !w.looked {
				w.looked = true
				w.dict = x.lex.dict(t.low, x.list(t))
			}
			t.flags |= w.dict
		}
	}
	return t
}

// dict returns the dictionary flags of the lower-case word w, which is in
// the lists listed: fLexCommon, fCommon.
func (l *lexicon) dict(w string, listed wordFlags) wordFlags {
	var f wordFlags
	common := l.common[w]
	if common {
		f |= fLexCommon
	}
	if l.isCommon(w, listed, common) {
		f |= fCommon
	}
	return f
}

// abbreviations keep their full stop: "Mr." is one token.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true,
	"Gen": true, "Lt": true, "Col": true, "Sen": true, "Rep": true, "Gov": true, "Prof": true,
	"Capt": true, "Sgt": true, "Adm": true, "Maj": true, "Mt": true, "Inc": true, "Corp": true,
	"Ltd": true, "Co": true, "Messrs": true, "Rev": true,
}

// tokenize splits text into words and punctuation. A word runs over
// letters, digits and marks, joined by an apostrophe or hyphen followed by
// a letter or digit; a possessive "'s" is a token of its own. Dotted
// initialisms ("U.S.", "U.N.") and titles ("Mr.") keep their dots.
func tokenize(text string) []token { return tokenizeInto(nil, text, nil) }

// tokenizeInto is tokenize appending to dst[:0] (when it has room for the
// text's tokens, else to a new slice), and, when ix is not nil, indexing
// the tokens in ix as it goes (index.go).
// Its tokens carry no word ID (token.id): they index no extractor's
// words.
func tokenizeInto(dst []token, text string, ix *tokenIndex) []token {
	toks := tokenizeWords(dst, nlp.ReadWords(text), ix)
	for i := range toks {
		toks[i].id = 0
	}
	return toks
}

// tokenizeWords is tokenizeInto of the text ws was read from: its tokens
// made from ws's words (runs of word runes, their case read) and the
// bytes between them.
func tokenizeWords(dst []token, ws *nlp.Words, ix *tokenIndex) []token {
	if ix != nil {
		ix.reset()
	}
	text, lowText, words := ws.Text, ws.Lower, ws.List
	toks := dst[:0]
	if cap(toks) < len(text)/4 {
		toks = make([]token, 0, len(text)/4)
	}
	newline := false
	sent := 0
	startNext := true
	k := 0 // the next word of words not yet in a token
	for i := 0; i < len(text); {
		for k < len(words) && int(words[k].Start) < i {
			k++ // a token took it: "U.S.", a possessive "'s"
		}
		if k < len(words) && int(words[k].Start) == i {
			// a word: its first run of word runes and those an
			// apostrophe or hyphen joins to it; it is plain ASCII (its
			// lower case a slice of lowText), has a lower-case ASCII
			// letter (so it is not written in capitals) or a hyphen
			w := words[k]
			k++
			plain, lower, hyphen := w.Is(nlp.ASCII), w.Is(nlp.HasLower), false
			j := int(w.End)
			for k < len(words) {
				r2, s2 := joinerAt(text, j)
				next := words[k]
				if s2 == 0 || int(next.Start) != j+s2 {
					break
				}
				// "Russia's": stop before a possessive 's.
				if (r2 == '\'' || r2 == '’') && next.End == next.Start+1 && text[next.Start]|0x20 == 's' {
					break
				}
				plain = plain && s2 == 1 && next.Is(nlp.ASCII)
				lower = lower || next.Is(nlp.HasLower)
				hyphen = hyphen || r2 == '-' || r2 == '‑'
				j = int(next.End)
				k++
			}
			toks = append(toks, token{start: i, newline: newline})
			t := &toks[len(toks)-1]
			capital := w.Is(nlp.Capital)
			// U.S. / U.S.A. / U.N.: single letters joined by dots.
			if j-i == 1 && j < len(text) && text[j] == '.' && capital {
				k := j
				for k+2 < len(text) && text[k] == '.' && isASCIIUpper(text[k+1]) && (k+2 == len(text) || text[k+2] == '.') {
					k += 2
				}
				if k > j && k < len(text) && text[k] == '.' {
					j = k + 1
				} else if k == j && middleInitial(toks[:len(toks)-1], text, j) {
					j++ // "Donald J. Trump": a middle initial, no sentence's end
				}
			} else if j < len(text) && text[j] == '.' && j-i <= 6 && isASCIIUpper(text[i]) && abbreviations[text[i:j]] {
				j++
			}
			t.end, t.text, t.word = j, text[i:j], true
			if j == int(w.End) {
				t.id = w.ID + 1
			}
			t.cap = capital
			t.upper = !lower && isUpperWord(t.text)
			t.hyphen = hyphen
			if plain {
				t.low = lowText[i:j]
			} else {
				t.low = nlp.LowerIn(lowText, i, j)
			}
			i = j
		} else {
			r, size := rune(text[i]), 1
			if r < utf8.RuneSelf {
				if r <= ' ' && asciiSpace(byte(r)) {
					if r == '\n' {
						newline = true
					}
					i++
					continue
				}
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
				if unicode.IsSpace(r) {
					i += size
					continue
				}
			}
			toks = append(toks, token{start: i, newline: newline})
			t := &toks[len(toks)-1]
			t.end = i + size
			if (r == '\'' || r == '’') && t.end < len(text) && (text[t.end] == 's' || text[t.end] == 'S') {
				r4, _ := utf8.DecodeRuneInString(text[t.end+1:])
				if !isWordRune(r4) {
					t.end++ // the possessive "'s"
				}
			}
			t.text = text[i:t.end]
			if r < utf8.RuneSelf {
				t.low = lowText[i:t.end]
			} else {
				t.low = nlp.LowerIn(lowText, i, t.end)
			}
			i = t.end
		}
		t := &toks[len(toks)-1]
		if newline {
			startNext = true
		}
		if startNext && t.word {
			t.sentStart = true
			startNext = false
			if len(toks) > 1 {
				sent++
			}
		}
		t.sent = sent
		newline = false
		if !t.word && (t.text == "." || t.text == "!" || t.text == "?") {
			startNext = true
		}
		if ix != nil {
			ix.add(toks, len(toks)-1)
		}
	}
	return toks
}

// joinerAt returns the apostrophe or hyphen at text[j] that may join two
// runs of word runes into one word ("don't", "Russia-US"), and its size;
// size 0 when none is there.
func joinerAt(text string, j int) (rune, int) {
	if j >= len(text) {
		return 0, 0
	}
	switch c := text[j]; {
	case c == '\'' || c == '-':
		return rune(c), 1
	case c < utf8.RuneSelf:
		return 0, 0
	}
	switch r, size := utf8.DecodeRuneInString(text[j:]); r {
	case '’', '‑':
		return r, size
	}
	return 0, 0
}

// asciiSpace is unicode.IsSpace of an ASCII character.
func asciiSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// isUpper is unicode.IsUpper, without the tables for ASCII.
func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// isASCIIWordByte is isWordRune of an ASCII character: a letter or digit
// (no ASCII character is a mark).
func isASCIIWordByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isASCIIUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// givenNames is the lexicon's given names, set once the lexicon is
// loaded (nil while it loads: no gazetteer name has a middle initial).
var givenNames map[string]byte

// middleInitial reports whether the capital before the full stop at dot
// is a middle initial: a given name before it, a capitalised word after
// one space ("Dennis K. Elwell", "Donald J. Trump").
func middleInitial(toks []token, text string, dot int) bool {
	if len(toks) == 0 {
		return false
	}
	prev := toks[len(toks)-1]
	if !prev.word || !prev.cap || prev.upper {
		return false
	}
	if _, given := givenNames[prev.text]; !given {
		return false // "Plan B. Then": a given name before the initial
	}
	if dot+2 >= len(text) || text[dot+1] != ' ' || !isASCIIUpper(text[dot+2]) {
		return false
	}
	// the word after must itself go on in lower case: a name, not an
	// initialism or a sentence of capitals
	return dot+3 < len(text) && text[dot+3] >= 'a' && text[dot+3] <= 'z'
}
