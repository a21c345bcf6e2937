package entity

import (
	"strings"

	"github.com/storyline/storyline"
)

// Lookup picks the entity a user means by a name typed into a search
// (storyline entity NAME, timeline --entity NAME) among the candidates a
// store found by the name's keys, or nil when none fits. A name or alias
// written exactly as typed comes first ("Barack Obama" is the alias of
// the person before the name of an organisation that one article wrote
// "BARACK OBAMA"), then one equal to it in case and punctuation folded,
// then, for a person, one that agrees on the surname (see Match); among
// equals the one most articles mention, then the most mentioned, then the
// lowest ID, so that the answer never depends on the store's order.
func Lookup(name string, candidates []*storyline.Entity) *storyline.Entity {
	name = strings.TrimSpace(name)
	f := Fold(name)
	var exact, folded *storyline.Entity
	for _, e := range candidates {
		switch namedAs(e, name, f) {
		case 2:
			exact = moreMentioned(exact, e)
		case 1:
			folded = moreMentioned(folded, e)
		}
	}
	if exact != nil {
		return exact
	}
	if folded != nil {
		return folded
	}
	var best *storyline.Entity
	for _, k := range []storyline.EntityKind{storyline.Person, storyline.Org, storyline.Place} {
		if e := Match(name, k, candidates); e != nil {
			best = moreMentioned(best, e)
		}
	}
	return best
}

// namedAs reports how e is named name (folded f): 2 when its name or an
// alias is written exactly so, 1 when one is equal folded, else 0.
func namedAs(e *storyline.Entity, name, f string) int {
	how := 0
	for i := -1; i < len(e.Aliases); i++ {
		n := e.Name
		if i >= 0 {
			n = e.Aliases[i]
		}
		if n == name {
			return 2
		}
		if how == 0 && Fold(n) == f {
			how = 1
		}
	}
	return how
}

// moreMentioned returns whichever of best and e more articles mention,
// then more mentions, then the lower ID; best may be nil.
func moreMentioned(best, e *storyline.Entity) *storyline.Entity {
	switch {
	case best == nil:
		return e
	case e.Articles != best.Articles:
		if e.Articles > best.Articles {
			return e
		}
		return best
	case e.Mentions != best.Mentions:
		if e.Mentions > best.Mentions {
			return e
		}
		return best
	case e.ID < best.ID:
		return e
	}
	return best
}
