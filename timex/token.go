package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// tokKind tells words, numbers and punctuation apart.
type tokKind uint8

const (
	kWord  tokKind = iota // letters, possibly with a glued abbreviation dot ("sept.", "p.m.")
	kNum                  // digits, possibly with glued digit groups and a letter suffix ("1,000", "10:30", "1990s", "16th", "3/17/2021")
	kPunct                // any other single character
)

// token is one word, number or punctuation mark of the text.
type token struct {
	start, end int
	low        string // lowercased text
	id         int32  // low's vocabulary ID (compiled.vocab), 0 if it has none
	kind       tokKind
	// upper reports whether the token's first letter is upper case.
	upper bool
	// plain reports whether the token is a run of ASCII letters, neither
	// glued to a dot nor to a letter that is not ASCII (Found.Words);
	// hash is then nlp.HashWord(low).
	plain bool
	hash  uint32
	// sentence is the index of the sentence the token belongs to.
	sentence int32
}

// tokenizeInto splits lt's text into tokens in one pass, appending to
// dst[:0] (when it has room for the text's tokens, else to a new slice),
// each with its vocabulary ID. abbrev lists lowercased words (without the dot)
// that take a glued abbreviation dot. Letters separated by single dots
// ("p.m.", "a.m.") form one word token.
func tokenizeInto(dst []token, lt nlp.Lowered, abbrev map[string]bool, vocab *vocabulary) []token {
	text := lt.Text()
	tk := tokenizer{text: text, lower: lt.Low(), toks: dst[:0], vocab: vocab}
	if cap(tk.toks) < len(text)/4+1 {
		tk.toks = make([]token, 0, len(text)/4+1)
	}
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
					tk.newSentence = true
				}
				i++
				continue
			case isDigit(c):
				end := scanNumber(text, i)
				tk.add(i, end, kNum)
				i = end
				continue
			case isASCIILetter(c):
				// A run of ASCII letters is a word, looked up by the hash
				// of its lower case taken on the way, unless a dot or a
				// letter that is not ASCII goes on after it.
				h := nlp.HashOffset
				var seen uint8 // the cases of its letters
				j := i
				for ; j < len(text); j++ {
					k := nlp.ASCIIKind[text[j]]
					if k&(nlp.KindLower|nlp.KindUpper) == 0 {
						break // not a letter
					}
					h = nlp.HashStep(h, text[j]|0x20)
					seen |= k
				}
				capital := seen&nlp.KindUpper != 0
				if j < len(text) && (text[j] == '.' || text[j] >= utf8.RuneSelf) {
					j = scanWord(text, i, abbrev)
					tk.add(i, j, kWord)
				} else {
					low := text[i:j]
					if capital {
						low = tk.lower[i:j]
					}
					tk.push(token{start: i, end: j, kind: kWord, low: low, id: vocab.idOf(low, h), upper: c <= 'Z', plain: true, hash: h})
				}
				i = j
				continue
			}
			tk.push(token{start: i, end: i + 1, kind: kPunct, low: text[i : i+1], id: vocab.ascii[c]})
			if c == '!' || c == '?' || (c == '.' && (i+1 >= len(text) || !isDigit(text[i+1]))) {
				tk.newSentence = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r):
			end := scanWord(text, i, abbrev)
			tk.add(i, end, kWord)
			i = end
		default:
			tk.add(i, i+size, kPunct)
			i += size
		}
	}
	return tk.toks
}

// tokenizer is what tokenizeInto knows as it goes.
type tokenizer struct {
	text string
	// lower is the text's nlp.LowerASCII: the lower case of an ASCII
	// word with capitals is its slice of it (a word without is its own
	// lower case).
	lower       string
	toks        []token
	vocab       *vocabulary
	sentence    int32
	newSentence bool
}

// add appends the token text[start:end] of a kind.
func (tk *tokenizer) add(start, end int, kind tokKind) {
	t := token{start: start, end: end, kind: kind, low: tk.lowerOf(start, end)}
	if t.low == "’" {
		t.low = "'"
	}
	if c := tk.text[start]; c < utf8.RuneSelf {
		t.upper = 'A' <= c && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(tk.text[start:end])
		t.upper = unicode.IsUpper(r)
	}
	t.id = tk.vocab.id(t.low)
	tk.push(t)
}

// lowerOf returns the lower case of the text's piece from start to end.
func (tk *tokenizer) lowerOf(start, end int) string {
	w := tk.text[start:end]
	capital := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
		capital = capital || 'A' <= c && c <= 'Z'
	}
	if !capital {
		return w
	}
	return tk.lower[start:end]
}

// push appends t, numbering its sentence.
func (tk *tokenizer) push(t token) {
	if tk.newSentence {
		// A sentence ends at a full stop only when the next word starts a new
		// one (capital letter, digit or quotation), not when a comma follows
		// an abbreviation ("Birmingham, Ala., killed").
		cont := t.low == "," || t.low == ";"
		if (t.kind != kWord || t.upper || len(tk.toks) == 0) && !cont {
			tk.sentence++
		}
		tk.newSentence = false
	}
	t.sentence = tk.sentence
	tk.toks = append(tk.toks, t)
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// scanNumber returns the end of the number starting at i: digits, digit
// groups joined by one of ",.:/-" ("1,000", "2.5", "10:30", "3/17/2021",
// "2021-03-17"), then letters glued on ("1990s", "16th", "10am").
func scanNumber(text string, i int) int {
	j := i
	for {
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j+1 < len(text) && isDigit(text[j+1]) {
			switch text[j] {
			case ',', '.', ':', '/', '-':
				j++
				continue
			}
		}
		break
	}
	k := j
	for k < len(text) && isASCIILetter(text[k]) && k-j < 3 {
		k++
	}
	if k < len(text) && isASCIILetter(text[k]) {
		// A long letter run is a separate word ("10years" stays one token
		// of digits only when the suffix is short).
		return j
	}
	return k
}

// scanWord returns the end of the word starting at i. Letter runs joined by
// single dots ("p.m.", "u.s.") form one word with the final dot; a word in
// abbrev takes a following dot.
func scanWord(text string, i int, abbrev map[string]bool) int {
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
	if j < len(text) && text[j] == '.' && isAbbrev(text[i:j], abbrev) {
		return j + 1
	}
	return j
}

// isAbbrev reports whether w, lower-cased, is in abbrev.
func isAbbrev(w string, abbrev map[string]bool) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return abbrev[strings.ToLower(w)]
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return abbrev[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return abbrev[string(buf[:len(w)])]
}
