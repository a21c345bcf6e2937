package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// token is a word or a single punctuation rune, with byte offsets.
//
// Its fields fit in 64 bytes, a cache line: a text has a thousand tokens
// or so, written afresh each text and read again by every pass.
type token struct {
	start, end int32
	text       string
	low        string // text in lower case
	sent       int32  // sentence index
	hyphen     bool   // a word with a hyphen inside
	word       bool   // letters or digits, else punctuation
	cap        bool   // a word whose first letter is upper case
	upper      bool   // a word of two or more letters, all upper case ("NATO", "U.S.")
	newline    bool   // a line break lies between this token and the one before
	sentStart  bool
	// flags holds, once read (listed), the closed word lists low is in
	// and, once read (looked), fLexCommon and fCommon; nameID is low's id
	// in the gazetteer's trie, once read (named; 0 for none). Most tokens
	// are asked nothing: each is read only when a rule asks.
	flags                 wordFlags
	nameID                int32
	listed, looked, named bool
	quoted                bool // inside quotation marks (index)
}

// list returns the closed word lists the token's word is in, read once.
func (l *lexicon) list(t *token) wordFlags {
	if !t.listed {
		t.listed = true
		t.flags |= l.listed(t.low)
	}
	return t.flags
}

// look reads the large table's entry of the token's word, once.
func (l *lexicon) look(t *token) *token {
	if !t.looked {
		t.looked = true
		common := l.common[t.low]
		if common {
			t.flags |= fLexCommon
		}
		if l.isCommon(t.low, l.list(t), common) {
			t.flags |= fCommon
		}
	}
	return t
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
func tokenize(text string) []token { return tokenizeInto(nil, nlp.Lower(text), nil) }

// tokenizeInto is tokenize of lt's text appending to dst[:0] (when it has
// room for the text's tokens, else to a new slice), and, when ix is not
// nil, indexing the tokens in ix as it goes (index.go).
func tokenizeInto(dst []token, lt nlp.Lowered, ix *tokenIndex) []token {
	// the lower case of an ASCII word with capitals is its slice of the
	// lowered text (a word without capitals is its own lower case)
	text, lowText := lt.Text(), lt.Low()
	if ix != nil {
		ix.reset()
	}
	toks := dst[:0]
	if cap(toks) < len(text)/4 {
		toks = make([]token, 0, len(text)/4)
	}
	newline := false
	sent := int32(0)
	startNext := true
	for i := 0; i < len(text); {
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
		toks = append(toks, token{start: int32(i), newline: newline})
		t := &toks[len(toks)-1]
		first := nlp.ASCIIKind[text[i]] // 0 for a rune that is not ASCII
		if first != 0 || r >= utf8.RuneSelf && isWordRune(r) {
			// ASCII letters and digits run on without decoding; the word
			// is plain ASCII (lowered apart only when it has a capital),
			// has a lower-case ASCII letter (so it is not written in
			// capitals), a capital or a hyphen, as it goes.
			plain, hyphen := r < utf8.RuneSelf, false
			seen := first // the kinds of its ASCII letters and digits
			j := i + size
			for j < len(text) {
				// the ASCII letters and digits in a loop of their own,
				// which keeps what it reads in registers
				for j < len(text) {
					k := nlp.ASCIIKind[text[j]]
					if k == 0 {
						break
					}
					seen |= k
					j++
				}
				if j == len(text) {
					break
				}
				c := text[j]
				if c < utf8.RuneSelf && c != '\'' && c != '-' {
					break
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					plain = false
					j += s2
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '‑' {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWordRune(r3) {
						// "Russia's": stop before a possessive 's.
						if (r2 == '\'' || r2 == '’') && (r3 == 's' || r3 == 'S') {
							r4, _ := utf8.DecodeRuneInString(text[j+s2+1:])
							if !isWordRune(r4) {
								break
							}
						}
						plain = plain && s2 == 1
						hyphen = hyphen || r2 == '-' || r2 == '‑'
						j += s2
						continue
					}
				}
				break
			}
			// U.S. / U.S.A. / U.N.: single letters joined by dots.
			if j-i == 1 && j < len(text) && text[j] == '.' && isUpper(r) {
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
			lower, capital := seen&nlp.KindLower != 0, seen&nlp.KindUpper != 0
			t.end, t.text, t.word = int32(j), text[i:j], true
			t.cap = first == nlp.KindUpper || r >= utf8.RuneSelf && unicode.IsUpper(r)
			t.upper = !lower && isUpperWord(t.text)
			t.hyphen = hyphen
			switch {
			case !plain:
				t.low = strings.ToLower(t.text)
			case capital: // "U.S." and "Mr." have theirs in their first letter
				t.low = lowText[i:j]
			default:
				t.low = t.text
			}
			i = j
			if i < len(text) && text[i] == ' ' {
				i++ // the space after a word, without another turn of the loop
			}
		} else {
			end := i + size
			if (r == '\'' || r == '’') && end < len(text) && (text[end] == 's' || text[end] == 'S') {
				r4, _ := utf8.DecodeRuneInString(text[end+1:])
				if !isWordRune(r4) {
					end++ // the possessive "'s"
				}
			}
			t.end, t.text = int32(end), text[i:end]
			switch {
			case r >= utf8.RuneSelf:
				t.low = strings.ToLower(t.text)
			case end-i == 2 && text[i+1] == 'S':
				t.low = "'s" // the possessive "'S"
			default:
				t.low = t.text
			}
			i = end
		}
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
