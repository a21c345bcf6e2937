package entity

import (
	"strings"
	"testing"

	storyline "github.com/storyline/storyline"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Anatoly Antonov", "anatoly antonov"},
		{"  U.S. ", "us"},
		{"Abdel Fattah el-Sisi", "abdel fattah el sisi"},
		{"O’Brien", "obrien"},
		{"", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatch(t *testing.T) {
	person := func(id, name string, mentions int, aliases ...string) *storyline.Entity {
		return &storyline.Entity{ID: id, Name: name, Kind: storyline.Person, Mentions: mentions, Aliases: aliases}
	}
	antonov := person("a", "Anatoly Antonov", 10)
	joe := person("j", "Joe Biden", 30, "Biden")
	hunter := person("h", "Hunter Biden", 2)
	russia := &storyline.Entity{ID: "r", Name: "Russia", Kind: storyline.Place, Aliases: []string{"Russian"}}
	cands := []*storyline.Entity{antonov, joe, hunter, russia}
	for _, tc := range []struct {
		name string
		kind storyline.EntityKind
		want *storyline.Entity
	}{
		{"Anatoly Antonov", storyline.Person, antonov},
		{"antonov", storyline.Person, antonov},
		{"A. Antonov", storyline.Person, antonov},
		{"Sergei Antonov", storyline.Person, nil},
		{"Biden", storyline.Person, joe},
		{"Hunter Biden", storyline.Person, hunter},
		{"Jill Biden", storyline.Person, nil},
		{"Russian", storyline.Place, russia},
		{"Russian", storyline.Person, nil},
		{"Moscow", storyline.Place, nil},
	} {
		got := Match(tc.name, tc.kind, cands)
		if got != tc.want {
			t.Errorf("Match(%q, %s) = %v, want %v", tc.name, tc.kind, got, tc.want)
		}
	}
}

func TestKeysFindSurnames(t *testing.T) {
	full := Keys("Anatoly Antonov", storyline.Person)
	short := Keys("Antonov", storyline.Person)
	shared := false
	for _, a := range full {
		for _, b := range short {
			shared = shared || a == b
		}
	}
	if !shared {
		t.Errorf("Keys(Anatoly Antonov) = %q and Keys(Antonov) = %q share no key", full, short)
	}
	if got := Keys("Russia", storyline.Place); len(got) != 1 || got[0] != "place:russia" {
		t.Errorf("Keys(Russia, place) = %q", got)
	}
}

func TestBetter(t *testing.T) {
	for _, tc := range []struct {
		name, current string
		kind          storyline.EntityKind
		want          bool
	}{
		{"Anatoly Antonov", "Antonov", storyline.Person, true},
		{"Antonov", "Anatoly Antonov", storyline.Person, false},
		{"Hunter Biden", "Joe Biden", storyline.Person, false},
		{"Donald J. Trump", "Donald Trump", storyline.Person, false},
		{"Donald J. Trump", "Trump", storyline.Person, true},
		{"Russian Federation", "Russia", storyline.Place, false},
		// a given name and a surname are how a paper names a person
		{"Barack Hussein Obama", "Barack Obama", storyline.Person, false},
		{"Barack Obama", "Barack Hussein Obama", storyline.Person, true},
		{"Michael Katherine Jackson", "Michael Jackson", storyline.Person, false},
		{"Michael Jackson", "Michael Joseph Jackson", storyline.Person, true},
		{"Joe Jackson", "Michael Joseph Jackson", storyline.Person, false},
		{"Barack Hussein Obama", "Obama", storyline.Person, true},
	} {
		if got := Better(tc.name, tc.current, tc.kind); got != tc.want {
			t.Errorf("Better(%q, %q) = %v, want %v", tc.name, tc.current, got, tc.want)
		}
	}
}

func TestAlias(t *testing.T) {
	for _, tc := range []struct {
		m    storyline.Mention
		want string
	}{
		{storyline.Mention{Text: "Antonov", Via: "alias"}, "Antonov"},
		{storyline.Mention{Text: "Russian", Via: "adjective"}, "Russian"},
		{storyline.Mention{Text: "he", Via: "pronoun"}, ""},
		{storyline.Mention{Text: "the ambassador", Via: "role"}, ""},
		{storyline.Mention{Text: "Moscow", Via: "metonym"}, ""},
		{storyline.Mention{Text: "Kremlin", Via: "metonym"}, "Kremlin"},
	} {
		if got := Alias(tc.m); got != tc.want {
			t.Errorf("Alias(%+v) = %q, want %q", tc.m, got, tc.want)
		}
	}
}

func TestIsCountry(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Russia", true},
		{"United States", true},
		{"China", true},
		{"Geneva", false},     // a city
		{"Washington", false}, // a state and a capital, never a country by name
		{"Moscow", false},
		{"Crimea", false},
		{"Russian", false}, // a demonym: its mention's Name is the country
		{"Anatoly Antonov", false},
		{"", false},
	} {
		if got := IsCountry(tc.name); got != tc.want {
			t.Errorf("IsCountry(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// An acronym goes to the full name an article has written it for, even
// where an entity of the acronym alone exists; never to a full name that
// merely has the same initials ("NBC" is no "Newtown Baptist Church").
func TestMatchAcronyms(t *testing.T) {
	org := func(id, name string, mentions int, aliases ...string) *storyline.Entity {
		return &storyline.Entity{ID: id, Name: name, Kind: storyline.Org, Mentions: mentions, Aliases: aliases}
	}
	faaAlone := org("f", "FAA", 12)
	faa := org("F", "Federal Aviation Administration", 30, "FAA")
	nbc := org("n", "NBC", 50)
	church := org("c", "Newtown Baptist Church", 3)
	cands := []*storyline.Entity{faaAlone, faa, nbc, church}
	for _, tc := range []struct {
		name string
		kind storyline.EntityKind
		want *storyline.Entity
	}{
		{"FAA", storyline.Org, faa},
		{"F.A.A.", storyline.Org, faa},
		{"Federal Aviation Administration", storyline.Org, faa},
		{"NBC", storyline.Org, nbc},
		{"Newtown Baptist Church", storyline.Org, church},
		{"FAA", storyline.Person, nil},
	} {
		if got := Match(tc.name, tc.kind, cands); got != tc.want {
			t.Errorf("Match(%q, %s) = %v, want %v", tc.name, tc.kind, got, tc.want)
		}
	}
}

// TestFoldASCII: a name in ASCII folds byte by byte as rune by rune, for
// every ASCII byte and the ways names are written.
func TestFoldASCII(t *testing.T) {
	names := []string{"Anatoly Antonov", "anatoly antonov", "  U.S. ", "us", "el-Sisi", "O'Brien",
		"a  b", " a", "a ", "A1-B2", "JOE BIDEN", "joe biden ", "x..y", "'", "", "a-", "-a", "a\tb", "a_b"}
	for c := 0; c < 128; c++ {
		names = append(names, string(rune(c)), "a"+string(rune(c))+"b", string(rune(c))+"z", "q"+string(rune(c)))
	}
	for _, n := range names {
		f, ok := foldASCII(n)
		if !ok {
			t.Fatalf("foldASCII(%q): not ASCII", n)
		}
		if want := foldRunes(n); f != want {
			t.Errorf("foldASCII(%q) = %q, foldRunes %q", n, f, want)
		}
	}
	if _, ok := foldASCII("O’Brien"); ok {
		t.Errorf("foldASCII takes a name with a curly apostrophe for ASCII")
	}
}

// TestFirstLastWord: the first and last words and their count are those
// of strings.Fields, whatever spaces (ASCII, Unicode) or bytes that are
// not UTF-8 the name holds.
func TestFirstLastWord(t *testing.T) {
	names := []string{"", " ", "  \t\n", "putin", " putin ", "vladimir putin", "vladimir vladimirovich putin",
		"j  biden", "a\vb\fc\rd", "a\u00a0b", "a\u0085b", "a\u2003b c", "\u3000x\u3000", "o’brien", "a\xffb c\x80",
		"\xff", "x \xe2\x80", "élysée palace", "a b c d e"}
	for _, n := range names {
		first, last, count := firstLastWord(n)
		words := strings.Fields(n)
		var wf, wl string
		if len(words) > 0 {
			wf, wl = words[0], words[len(words)-1]
		}
		if first != wf || last != wl || count != min(len(words), 2) {
			t.Errorf("firstLastWord(%q) = %q, %q, %d; strings.Fields gives %q", n, first, last, count, words)
		}
	}
}

// TestMatchFolding: matching with a cache of Fold picks what Match picks,
// and folds each name through the function it is given.
func TestMatchFolding(t *testing.T) {
	cands := []*storyline.Entity{
		{ID: "p1", Name: "Anatoly Antonov", Kind: storyline.Person, Mentions: 3},
		{ID: "p2", Name: "Hunter Biden", Kind: storyline.Person, Mentions: 5},
		{ID: "p3", Name: "Joe Biden", Kind: storyline.Person, Aliases: []string{"Biden"}, Mentions: 9},
		{ID: "o1", Name: "Federal Aviation Administration", Kind: storyline.Org, Aliases: []string{"FAA"}, Mentions: 2},
	}
	cache := map[string]string{}
	fold := func(s string) string {
		f, ok := cache[s]
		if !ok {
			f = Fold(s)
			cache[s] = f
		}
		return f
	}
	for _, q := range []struct {
		name string
		kind storyline.EntityKind
	}{{"Antonov", storyline.Person}, {"J. Biden", storyline.Person}, {"BIDEN", storyline.Person},
		{"FAA", storyline.Org}, {"Hunter Biden", storyline.Person}, {"Putin", storyline.Person}, {"Biden", storyline.Org}} {
		want, got := Match(q.name, q.kind, cands), MatchFolding(q.name, q.kind, cands, fold)
		if want != got {
			t.Errorf("MatchFolding(%q, %s) = %v, Match %v", q.name, q.kind, got, want)
		}
	}
	for _, n := range []string{"J. Biden", "Joe Biden", "Biden", "Federal Aviation Administration"} {
		if _, ok := cache[n]; !ok {
			t.Errorf("MatchFolding did not fold %q through the function it was given", n)
		}
	}
}
