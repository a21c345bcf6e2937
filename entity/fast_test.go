package entity

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/nlp"
)

// The shortcuts that spare Extract work must give what the plain rules
// they replace give.

var fastCases = []string{
	"Trump Responds to Ethiopian Jet Crash\nThe plane crashed on Sunday, killing 157 people.",
	"Boeing Shares Fall After Second Crash of 737 MAX Jet\nBoeing shares fell.",
	"U.S. And Russia Agree On New Talks Over Ukraine\nMOSCOW (Reuters) - Russia said.",
	strings.Repeat("Big Red Car ", 9) + "\nA line of prose follows here.",
	"Short Title\n\nAnother Big Headline About The Crisis In Syria Today",
	"Obama Says 2010 Will Be The Year Of Jobs\n",
	"",
	"\n\n",
}

func TestHeadlinesAsThePlainRule(t *testing.T) {
	for _, s := range fastCases {
		checkHeadlines(t, s)
	}
}

func FuzzHeadlines(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Fuzz(checkHeadlines)
}

func checkHeadlines(t *testing.T, text string) {
	x := &extractor{text: text, toks: tokenize(text), lex: lex()}
	if got, want := x.headlines(), headlinesPlain(x); !slices.Equal(got, want) {
		t.Errorf("headlines(%q) = %v, the plain rule gives %v", text, got, want)
	}
}

// headlinesPlain is headlines counting every word of every line.
func headlinesPlain(x *extractor) []bool {
	h := make([]bool, len(x.toks))
	for a := 0; a < len(x.toks); {
		b := a + 1
		for b < len(x.toks) && !x.toks[b].newline {
			b++
		}
		words, content, caps, commonCaps := 0, 0, 0, 0
		for k := a; k < b; k++ {
			t := x.toks[k]
			if !t.word {
				continue
			}
			words++
			if t.text[0] >= '0' && t.text[0] <= '9' || connectors[t.low] || smallWords[t.low] {
				continue
			}
			content++
			if t.cap {
				caps++
				if x.lex.common[t.low] {
					commonCaps++
				}
			}
		}
		if words <= 25 && caps >= 4 && caps == content && commonCaps >= 2 {
			for k := a; k < b; k++ {
				h[k] = true
			}
		}
		a = b
	}
	return h
}

// foldKey must tell two words equal exactly when strings.EqualFold does:
// resolveAliases finds a short name's full names by it.
func TestFoldKey(t *testing.T) {
	words := []string{"Antonov", "ANTONOV", "antonov", "Kelvin", "\u212aelvin", "kelvin", "Straße", "STRASSE",
		"ſtate", "State", "ǅemal", "Ǆemal", "ǆemal", "Σίσυφος", "σίσυφοσ", "ΣΊΣΥΦΟΣ", "İstanbul", "istanbul",
		"U.S.", "us", "", "\xff", "\xfe", "\uFFFD", "Ωmega", "\u2126mega", "ωmega", "µ", "μ", "Μ"}
	for _, a := range words {
		for _, b := range words {
			checkFoldKey(t, a, b)
		}
	}
}

func FuzzFoldKey(f *testing.F) {
	f.Add("Kelvin", "\u212aelvin")
	f.Add("ſtate", "STATE")
	f.Add("Σίσυφος", "ΣΊΣΥΦΟΣ")
	f.Add("\xff", "\uFFFD")
	f.Fuzz(checkFoldKey)
}

func checkFoldKey(t *testing.T, a, b string) {
	if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
		t.Errorf("foldKey(%q) == foldKey(%q) is %v (%q, %q), strings.EqualFold says %v", a, b, got, foldKey(a), foldKey(b), want)
	}
}

// coordinated reads the mention over a token from x.spans, which holds
// one mention a token: segment's mentions (but the places inside a
// hyphenated word) must never overlap.
func TestSegmentDisjoint(t *testing.T) {
	for _, s := range append(fastCases, benchTexts(t)...) {
		checkSegmentDisjoint(t, s)
	}
}

func FuzzSegmentDisjoint(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Add("The Bank of England and the U.S. Federal Reserve, Moscow-based Gazprom & Co. Ltd, Lion Air and Indonesian Lion Air")
	f.Fuzz(checkSegmentDisjoint)
}

func checkSegmentDisjoint(t *testing.T, text string) {
	x := new(extractor)
	x.prepare(nlp.Lower(text))
	x.segment()
	over := make([]*mention, len(x.toks))
	for _, m := range x.ms {
		if m.sub != [2]int{} {
			continue
		}
		for k := m.a; k < m.b; k++ {
			if over[k] != nil {
				t.Fatalf("%q: mentions [%d,%d) and [%d,%d) overlap", text, over[k].a, over[k].b, m.a, m.b)
			}
			over[k] = m
		}
	}
}

func TestHasWord(t *testing.T) {
	for _, c := range [][2]string{{"ambassador to the United States", "ambassador"}, {"press secretary", "secretary"},
		{"secretary", "secretary"}, {"undersecretary", "secretary"}, {"secretary-general", "secretary"}, {"a  b", "b"},
		{"", "a"}, {"aa a", "a"}, {"a", "aa"}, {"x secretarysecretary secretary", "secretary"}} {
		checkHasWord(t, c[0], c[1])
	}
}

func FuzzHasWord(f *testing.F) {
	f.Add("ambassador to the United States", "ambassador")
	f.Add("aa a", "a")
	f.Fuzz(func(t *testing.T, s, w string) {
		if w == "" || strings.Contains(w, " ") {
			return
		}
		checkHasWord(t, s, w)
	})
}

func checkHasWord(t *testing.T, s, w string) {
	if got, want := hasWord(s, w), strings.Contains(" "+s+" ", " "+w+" "); got != want {
		t.Errorf("hasWord(%q, %q) = %v, want %v", s, w, got, want)
	}
}

// readRoles hands descriptions the cover with its own descriptions added,
// which must be the cover of all the mentions after it.
func TestCoverAfterRoles(t *testing.T) {
	for _, s := range append(fastCases, benchTexts(t)...) {
		checkCoverAfterRoles(t, s)
	}
}

func FuzzCoverAfterRoles(f *testing.F) {
	f.Add("The Russian ambassador to the United States, Anatoly Antonov, said. Maria Zakharova, a spokesperson for Russia's foreign ministry, agreed.")
	f.Add("President Joe Biden met the diplomat, Zhao Wei, in Geneva.")
	f.Fuzz(checkCoverAfterRoles)
}

func checkCoverAfterRoles(t *testing.T, text string) {
	x := new(extractor)
	x.prepare(nlp.Lower(text))
	x.segment()
	x.spanMentions()
	x.classify()
	x.resolveAliases()
	got := slices.Clone(x.readRoles())
	if want := x.cover(); !slices.Equal(got, want) {
		t.Errorf("%q: readRoles' cover differs from the cover of its mentions", text)
	}
}
