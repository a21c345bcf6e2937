package quote

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The scanner reads words with shortcuts (an ASCII byte that neither is a
// word byte nor joins two words ends the word without decoding it; an
// abbreviation is looked up without a lowered copy; an initialism is read
// without splitting it; an ASCII word's lower case is a slice of the
// lowered text, and its lexicon entry is found by the hash taken as the
// word is read): each word must end where the plain reading ends it, with
// the lower case and the lexicon entry of the plain reading.

var scanCases = []string{
	"Gov. Ann Lee said, “We will.” The U.S. and AT&T's ex-president agreed.",
	"Mr. X, of U.\u212a. said 3.5% on p.m. e.g. D.C.; rock'n'roll — don’t",
	"Officials SAID it. Spokesman Told AT&T's Ex-President, Who Said: 'Dr. No Comment'",
	"İstanbul ſays \xff\xfe A.B.C.d word.lower ÉTÉ.Été a.",
	"",
}

func TestScanWordEnds(t *testing.T) {
	for _, s := range scanCases {
		checkScanWordEnds(t, s)
	}
}

func FuzzScanWordEnds(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(checkScanWordEnds)
}

func checkScanWordEnds(t *testing.T, text string) {
	for _, tok := range scan(text) {
		if tok.kind != word {
			continue
		}
		end := wordEndPlain(text, tok.start)
		if end < len(text) && text[end] == '.' && isAbbrevPlain(text[tok.start:end]) {
			end++
		}
		if tok.end != end {
			t.Fatalf("%q: the word at %d ends at %d (%q), the plain reading at %d", text, tok.start, tok.end, text[tok.start:tok.end], end)
		}
		if low := strings.ToLower(tok.text); tok.lower != low {
			t.Fatalf("%q: the word %q is read as %q, lowered %q", text, tok.text, tok.lower, low)
		}
		var cls class
		var ent uint16
		if e := lexicon[tok.lower]; e != nil {
			cls, ent = e.cls, e.id
		}
		if tok.cls != cls || tok.ent != ent {
			t.Fatalf("%q: the word %q has class %d, entry %d; the lexicon gives %d, %d", text, tok.text, tok.cls, tok.ent, cls, ent)
		}
	}
	for _, w := range strings.Fields(text) {
		if got, want := isInitialism(w), isInitialismPlain(w); got != want {
			t.Errorf("isInitialism(%q) = %v, the plain reading %v", w, got, want)
		}
		if got, want := isAbbrev(w), isAbbrevPlain(w); got != want {
			t.Errorf("isAbbrev(%q) = %v, the plain reading %v", w, got, want)
		}
	}
}

// wordEndPlain is the end of the word starting at i, decoding every rune.
func wordEndPlain(text string, i int) int {
	_, size := utf8.DecodeRuneInString(text[i:])
	j := i + size
	for j < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r2) {
			j += s2
			continue
		}
		if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' {
			r3, _ := utf8.DecodeRuneInString(text[j+s2:])
			if j+s2 < len(text) && isWordRune(r3) {
				if r2 == '.' && unicode.IsLower(r3) && !isInitialismPlain(text[i:j]) {
					break
				}
				j += s2
				continue
			}
		}
		break
	}
	return j
}

func isAbbrevPlain(w string) bool {
	if abbrevs[strings.ToLower(w)] {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return strings.Contains(w, ".") && isInitialismPlain(w)
}

func isInitialismPlain(w string) bool {
	for k, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 && !(k > 0 && part == "") {
			return false
		}
	}
	return true
}
