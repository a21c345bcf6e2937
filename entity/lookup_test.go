package entity

import (
	"testing"

	"github.com/storyline/storyline"
)

// A name typed by a user finds the entity a reader would mean: the one
// named or aliased exactly so, before one that matches only once case is
// folded, and among equals the one most articles mention.
func TestLookup(t *testing.T) {
	president := &storyline.Entity{ID: "pe_1", Name: "Barack Hussein Obama", Kind: storyline.Person,
		Aliases: []string{"Obama", "Barack Obama"}, Articles: 600, Mentions: 3800}
	shouting := &storyline.Entity{ID: "or_1", Name: "BARACK OBAMA", Kind: storyline.Org, Articles: 1, Mentions: 1}
	singer := &storyline.Entity{ID: "pe_2", Name: "Michael Jackson", Kind: storyline.Person,
		Aliases: []string{"Jackson"}, Articles: 100, Mentions: 900}
	town := &storyline.Entity{ID: "pl_1", Name: "Jackson", Kind: storyline.Place, Articles: 3, Mentions: 4}
	brother := &storyline.Entity{ID: "pe_3", Name: "Jermaine Jackson", Kind: storyline.Person,
		Aliases: []string{"Jermaine"}, Articles: 12, Mentions: 20}
	all := []*storyline.Entity{shouting, president, town, singer, brother}
	cases := []struct {
		name string
		want *storyline.Entity
	}{
		{"Barack Obama", president},   // an alias written so, before a name equal folded
		{" Barack Obama ", president}, // space around the name is no part of it
		{"barack obama", president},   // folded: the most mentioned of both
		{"BARACK OBAMA", shouting},    // written exactly so
		{"Obama", president},          // an alias
		{"Jackson", singer},           // a name and an alias: the one most articles mention
		{"Jermaine Jackson", brother}, // the exact name, not the more mentioned surname
		{"Michael Jackson", singer},   // the exact name
		{"Tito Jackson", nil},         // the surname agrees, the given name contradicts
		{"Hussein", nil},              // no name, alias or surname
		{"J. Jackson", brother},       // the surname, and the initial agrees with Jermaine, not Michael
	}
	for _, c := range cases {
		got := Lookup(c.name, all)
		if got != c.want {
			t.Errorf("Lookup(%q) = %v, want %v", c.name, name(got), name(c.want))
		}
	}
	// among equals, more articles outweigh more mentions: a name one
	// article repeats is no more meant than one many articles write
	spread := &storyline.Entity{ID: "pe_8", Name: "Ann Lee", Kind: storyline.Person, Articles: 10, Mentions: 12}
	repeated := &storyline.Entity{ID: "pe_9", Name: "Ann Lee", Kind: storyline.Person, Articles: 3, Mentions: 90}
	for _, cands := range [][]*storyline.Entity{{spread, repeated}, {repeated, spread}} {
		if got := Lookup("Ann Lee", cands); got != spread {
			t.Errorf("Lookup(Ann Lee) = %v, want %v (more articles)", name(got), name(spread))
		}
	}
	// the order of the candidates does not matter
	for i := range all {
		rot := append(append([]*storyline.Entity{}, all[i:]...), all[:i]...)
		if got := Lookup("Jackson", rot); got != singer {
			t.Errorf("Lookup(Jackson) with candidates rotated by %d = %v", i, name(got))
		}
	}
}

func name(e *storyline.Entity) string {
	if e == nil {
		return "nil"
	}
	return e.ID + " " + e.Name
}
