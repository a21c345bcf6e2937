package entity

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// tokenizeSlow is the tokenizer as it was before it read ASCII words,
// spaces and case in one pass: the reference TestTokenizeAsSlow and
// FuzzTokenize hold tokenizeInto to.
func tokenizeSlow(dst []token, text string) []token {
	toks := dst[:0]
	if cap(toks) < len(text)/4 {
		toks = make([]token, 0, len(text)/4)
	}
	lowText := nlp.LowerASCII(text)
	newline := false
	sent := int32(0)
	startNext := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if unicode.IsSpace(r) {
			if r == '\n' {
				newline = true
			}
			i += size
			continue
		}
		start := i
		t := token{start: int32(start), newline: newline}
		if isWordRune(r) {
			j := i + size
			for j < len(text) {
				if c := text[j]; c < utf8.RuneSelf {
					if isASCIIWordByte(c) {
						j++
						continue
					}
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
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
						j += s2
						continue
					}
				}
				break
			}
			// U.S. / U.S.A. / U.N.: single letters joined by dots.
			if j-i == 1 && j < len(text) && text[j] == '.' && unicode.IsUpper(r) {
				k := j
				for k+2 < len(text) && text[k] == '.' && isASCIIUpper(text[k+1]) && (k+2 == len(text) || text[k+2] == '.') {
					k += 2
				}
				if k > j && k < len(text) && text[k] == '.' {
					j = k + 1
				} else if k == j && middleInitial(toks, text, j) {
					j++ // "Donald J. Trump": a middle initial, no sentence's end
				}
			} else if j < len(text) && text[j] == '.' && abbreviations[text[i:j]] {
				j++
			}
			t.end, t.text, t.word = int32(j), text[i:j], true
			t.cap = unicode.IsUpper(r)
			t.upper = isUpperWord(t.text)
			i = j
		} else {
			end := i + size
			if (r == '\'' || r == '’') && end < len(text) && (text[end] == 's' || text[end] == 'S') {
				r4, _ := utf8.DecodeRuneInString(text[end+1:])
				if !isWordRune(r4) {
					end++ // the possessive "'s"
				}
			}
			t.end, t.text = int32(end), text[i:end]
			i = end
		}
		if newline {
			startNext = true
		}
		if startNext && t.word {
			t.sentStart = true
			startNext = false
			if len(toks) > 0 {
				sent++
			}
		}
		t.sent = sent
		t.low = nlp.LowerIn(lowText, int(t.start), int(t.end))
		if t.word {
			for k := 0; k < len(t.text); k++ {
				if t.text[k] == '-' {
					t.hyphen = true
					break
				}
			}
			if !t.hyphen && strings.Contains(t.text, "‑") {
				t.hyphen = true
			}
		}
		newline = false
		if !t.word && (t.text == "." || t.text == "!" || t.text == "?") {
			startNext = true
		}
		toks = append(toks, t)
	}
	return toks
}

var tokenizeCases = []string{
	"Russia's ambassador, Anatoly Antonov, said U.S.-Russia ties were at a low. Mr. Antonov added: \"No.\"",
	"Donald J. Trump met U.N. envoys in the U.S.A.\nSTATE DEPARTMENT’s view\u00a0was clear — anti-Russian, pre‑election.",
	"Ελληνικά ΑΘΗΝΑ 'quoted' ’s O'Brien ’Tis rock'n'roll 737-MAX F-16s el-Sisi",
	"\xff\xfeMoscow\x00 Washington\u2028Kyiv\u0085Lviv\tX\vY\fZ\r\n",
	"A. B. C.D. e.g. Plan B. Then U.S Jr. Co.",
	"",
}

func TestTokenizeAsSlow(t *testing.T) {
	lex() // middleInitial reads the given names
	for _, s := range tokenizeCases {
		checkTokenize(t, s)
	}
}

func FuzzTokenize(f *testing.F) {
	lex()
	for _, s := range tokenizeCases {
		f.Add(s)
	}
	f.Fuzz(checkTokenize)
}

func checkTokenize(t *testing.T, text string) {
	got, want := tokenizeInto(nil, nlp.Lower(text), nil), tokenizeSlow(nil, text)
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) || got[i] != want[i] {
				t.Fatalf("tokenize(%q): token %d differs:\n got %+v\nwant %+v", text, i, got[min(i, len(got)-1)], want[min(i, len(want)-1)])
			}
		}
	}
}

// The tokenizer looks a word up in abbreviations only when it is short
// and capitalised: every abbreviation must be.
func TestAbbreviationsShortAndCapitalised(t *testing.T) {
	for a := range abbreviations {
		if len(a) > 6 || !isASCIIUpper(a[0]) {
			t.Errorf("abbreviation %q: the tokenizer would never look it up", a)
		}
	}
}
