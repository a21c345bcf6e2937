package quote

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// The shortcuts that spare the attribution rules work must give what the
// plain code they replace gives.

var firstWordsCases = []string{"", "  ", "For calm", "TO A conversation now", "\u00a0İstanbul\tſo \xff x",
	"ΣΊΣΥΦΟΣ said", "one", "a\u2028b c", "\xe3\x80 x"}

func TestFirstWords(t *testing.T) {
	for _, s := range firstWordsCases {
		checkFirstWords(t, s)
	}
}

func FuzzFirstWords(f *testing.F) {
	for _, s := range firstWordsCases {
		f.Add(s)
	}
	f.Fuzz(checkFirstWords)
}

func checkFirstWords(t *testing.T, s string) {
	want := strings.Fields(strings.ToLower(s))
	want = want[:min(2, len(want))]
	var buf [2]string
	if got := firstWords(s, &buf); !slices.Equal(got, want) {
		t.Errorf("firstWords(%q) = %q, want %q", s, got, want)
	}
}

// cueWords tells what cueWeight and vocalVerbs tell.
func TestCueWords(t *testing.T) {
	for w, cw := range cueWords {
		if cw.weight != cueWeight[w] || cw.vocal != vocalVerbs[w] {
			t.Errorf("cueWords[%q] = %+v, cueWeight %v, vocalVerbs %v", w, cw, cueWeight[w], vocalVerbs[w])
		}
	}
	for w := range cueWeight {
		if _, ok := cueWords[w]; !ok {
			t.Errorf("cueWords lacks %q of cueWeight", w)
		}
	}
	for w := range vocalVerbs {
		if _, ok := cueWords[w]; !ok {
			t.Errorf("cueWords lacks %q of vocalVerbs", w)
		}
	}
}

// mentionAt starts its scan past the mentions that end before the token:
// it must find what a scan of all mentions finds.
func TestMentionAtAsPlainScan(t *testing.T) {
	texts := []string{
		"Russian Ambassador Anatoly Antonov told the State Department on Monday that Moscow's patience with Washington was running out, Antonov said.",
		"“He’s going to pay dearly,” President Joe Biden said of Vladimir Putin. The Kremlin spokesman Dmitry Peskov said Biden had not called.",
		"The Organization of the Petroleum Exporting Countries met in Vienna; OPEC said output would fall. Saudi Arabia's minister agreed.",
		"",
	}
	for _, text := range texts {
		ms := entity.Extract(text)
		for _, mentions := range [][]storyline.Mention{ms, reversed(ms)} {
			x := &extractor{text: text, mentions: mentions, toks: scan(text)}
			for k := range x.toks {
				if got, want := x.mentionAt(k), mentionAtPlain(x, k); got != want {
					t.Errorf("%.30q token %d %q: mentionAt %v, a plain scan %v", text, k, x.toks[k].text, got, want)
				}
			}
		}
	}
}

func reversed(ms []storyline.Mention) []storyline.Mention {
	out := slices.Clone(ms)
	slices.Reverse(out)
	return out
}

// mentionAtPlain is mentionAt scanning every mention from the first.
func mentionAtPlain(x *extractor, k int) *storyline.Mention {
	s, e := x.toks[k].start, x.toks[k].end
	var best *storyline.Mention
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.Start >= e {
			break
		}
		if m.Start <= s && m.End >= e || m.Start >= s && m.End <= e && m.End > m.Start {
			if best == nil || m.Kind == storyline.Person && best.Kind != storyline.Person {
				best = m
			}
		}
	}
	return best
}

// The classes a token carries are what the word sets behind them say.

func TestLexiconClasses(t *testing.T) {
	words := []string{"", ".", "gov.", "gov..", "mr.", "the", "The", "said", "shouting", "xyz", "tuesday.", "a"}
	for _, set := range classSets() {
		for w := range set {
			words = append(words, w, w+".", strings.TrimSuffix(w, "."), w+"s", "x"+w)
		}
	}
	for w := range cueWords {
		words = append(words, w, w+".")
	}
	for _, w := range words {
		checkLexicon(t, w)
	}
}

func FuzzLexicon(f *testing.F) {
	for _, w := range []string{"said", "gov.", "president", "hadn’t", "", "ç"} {
		f.Add(w)
	}
	f.Fuzz(checkLexicon)
}

// checkLexicon checks the entry lookup gives w against the sets (and
// that it is the lexicon's: the filter never hides a word).
func checkLexicon(t *testing.T, w string) {
	e := lookup(w)
	if e != lexicon[w] {
		t.Fatalf("lookup(%q) = %v, lexicon has %v", w, e, lexicon[w])
	}
	tok := token{lower: w}
	if e != nil {
		tok.cls, tok.ent = e.cls, e.id
		if entries[e.id] != e {
			t.Errorf("entry of %q has id %d, entries[%d] is another", w, e.id, e.id)
		}
	}
	for c, set := range classSets() {
		if got, want := tok.in(c), set[w]; got != want {
			t.Errorf("%q in class %b: %v, its set says %v", w, c, got, want)
		}
	}
	bare := strings.TrimSuffix(w, ".")
	for c, set := range map[class]map[string]bool{cTitleBare: titles, cUnnamedHeadBare: unnamedHeads, cRoleWordBare: roleWords} {
		if got, want := tok.in(c), set[bare]; got != want {
			t.Errorf("%q in class %b: %v, its set says %v of %q", w, c, got, want, bare)
		}
	}
	if got, want := tok.cue(), cueWords[w]; got != want {
		t.Errorf("cue of %q = %+v, cueWords %+v", w, got, want)
	}
}

// Every word token carries the entry of its lower case and whether it
// starts in upper case.
func FuzzScanClasses(f *testing.F) {
	for _, s := range []string{"Gov. Ann Lee said, “We will.”", "ÉLAN told the Mr. X", "\xff said", "İstanbul ſays"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tok := range scan(text) {
			if tok.kind != word {
				if tok.ent != 0 || tok.cls != 0 || tok.capital {
					t.Errorf("%q: non-word %q has entry %d, classes %b, capital %v", text, tok.text, tok.ent, tok.cls, tok.capital)
				}
				continue
			}
			if tok.lower != strings.ToLower(tok.text) {
				t.Errorf("%q: word %q has lower case %q", text, tok.text, tok.lower)
			}
			r, _ := utf8.DecodeRuneInString(tok.text)
			e := lexicon[tok.lower]
			if e == nil {
				e = entries[0]
			}
			if tok.ent != e.id || tok.cls != e.cls || tok.capital != unicode.IsUpper(r) {
				t.Errorf("%q: word %q has entry %d classes %b capital %v, want %d %b %v", text, tok.text, tok.ent, tok.cls, tok.capital, e.id, e.cls, unicode.IsUpper(r))
			}
		}
	})
}

var isUpperCases = []string{"", "WASHINGTON", "Washington", "U.S.", "ÉTÉ", "été", "\xff", "ǅ", "ß", "İSTANBUL", "ﬁ", "\uFFFD", "ΣΊΣΥΦΟΣ"}

func TestIsUpper(t *testing.T) {
	for _, s := range isUpperCases {
		checkIsUpper(t, s)
	}
}

func FuzzIsUpper(f *testing.F) {
	for _, s := range isUpperCases {
		f.Add(s)
	}
	f.Fuzz(checkIsUpper)
}

func checkIsUpper(t *testing.T, s string) {
	if got, want := isUpper(s), strings.ToUpper(s) == s; got != want {
		t.Errorf("isUpper(%q) = %v, strings.ToUpper gives %v", s, got, want)
	}
}

var isPronounCases = []string{"", "He", "THEY", "they", "Lee", "Anatoly Antonov", "\u212Ae", "İt", "ſhe", "WHO", "whom"}

func TestIsPronoun(t *testing.T) {
	for _, s := range isPronounCases {
		checkIsPronoun(t, s)
	}
}

func FuzzIsPronoun(f *testing.F) {
	for _, s := range isPronounCases {
		f.Add(s)
	}
	f.Fuzz(checkIsPronoun)
}

func checkIsPronoun(t *testing.T, s string) {
	if got, want := isPronoun(s), pronouns[strings.ToLower(s)]; got != want {
		t.Errorf("isPronoun(%q) = %v, pronouns of its lower case %v", s, got, want)
	}
}

// ExtractSaid gives what Said(Extract(...)) gives, nil or empty alike.
var extractSaidCases = []string{
	"",
	"Nothing was said here at all.",
	"“We will rebuild the pier,” Mayor Ada Quist said on Thursday. Her deputy said in 2019 that the pier was safe.",
	"Antonov did not say whether he would return. The decision was disclosed after the talks.",
	"Russian Ambassador Anatoly Antonov told the State Department on Monday that Moscow's patience was running out, he said.",
}

func TestExtractSaid(t *testing.T) {
	for _, s := range extractSaidCases {
		checkExtractSaid(t, s)
	}
}

func FuzzExtractSaid(f *testing.F) {
	for _, s := range extractSaidCases {
		f.Add(s)
	}
	f.Fuzz(checkExtractSaid)
}

func checkExtractSaid(t *testing.T, text string) {
	for _, ms := range [][]storyline.Mention{nil, entity.Extract(text)} {
		if got, want := ExtractSaid(text, ms), Said(Extract(text, ms)); !reflect.DeepEqual(got, want) || (got == nil) != (want == nil) {
			t.Errorf("%q: ExtractSaid = %#v, Said(Extract) = %#v", text, got, want)
		}
	}
}
