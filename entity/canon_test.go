package entity

import (
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
		{"Russian Federation", "Russia", storyline.Place, false},
		{"Federal Aviation Administration", "FAA", storyline.Org, true},
		{"FAA", "Federal Aviation Administration", storyline.Org, false},
		{"Food and Drug Administration", "FAA", storyline.Org, false},
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

// An organisation written only as its acronym in one article and only in
// full in another is one entity; acronyms of other names are not.
func TestMatchAcronyms(t *testing.T) {
	org := func(id, name string, mentions int) *storyline.Entity {
		return &storyline.Entity{ID: id, Name: name, Kind: storyline.Org, Mentions: mentions}
	}
	faa := org("f", "FAA", 12)
	ntsb := org("n", "National Transportation Safety Board", 4)
	bea := org("b", "Bureau of Enquiry and Analysis", 2)
	un := org("u", "UN", 9)
	cands := []*storyline.Entity{faa, ntsb, bea, un}
	for _, tc := range []struct {
		name string
		kind storyline.EntityKind
		want *storyline.Entity
	}{
		{"Federal Aviation Administration", storyline.Org, faa},
		{"NTSB", storyline.Org, ntsb},
		{"N.T.S.B.", storyline.Org, ntsb},
		{"BEA", storyline.Org, bea},
		{"Federal Aviation Agency", storyline.Org, faa}, // same initials: the acronym cannot tell
		{"Food and Drug Administration", storyline.Org, nil},
		{"Union of Nations", storyline.Org, nil}, // two initials are too few
		{"FAA", storyline.Person, nil},
		{"Ntsb", storyline.Org, nil}, // not written as an acronym
	} {
		if got := Match(tc.name, tc.kind, cands); got != tc.want {
			t.Errorf("Match(%q, %s) = %v, want %v", tc.name, tc.kind, got, tc.want)
		}
	}
	shared := func(a, b []string) bool {
		for _, x := range a {
			for _, y := range b {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	if k1, k2 := Keys("FAA", storyline.Org), Keys("Federal Aviation Administration", storyline.Org); !shared(k1, k2) {
		t.Errorf("Keys(FAA) = %q and Keys(Federal Aviation Administration) = %q share no key", k1, k2)
	}
	if k1, k2 := Keys("FAA", storyline.Org), Keys("Food and Drug Administration", storyline.Org); shared(k1, k2) {
		t.Errorf("Keys(FAA) = %q and Keys(Food and Drug Administration) = %q share a key", k1, k2)
	}
}
