package entity

import storyline "github.com/storyline/storyline"

// kinWords name a relative: "his daughter Paris", "the singer's son, Austin,".
var kinWords = set("daughter", "son", "sister", "brother", "wife", "husband", "mother", "father",
	"niece", "nephew", "granddaughter", "grandson", "cousin", "aunt", "uncle", "widow", "widower",
	"stepdaughter", "stepson", "girlfriend", "boyfriend", "fiancee", "fiancée", "fiance", "twin")

// cityAsPerson reports whether a city's name at token p is a person's given
// name by its context: after a word for a relative ("his daughter Paris",
// "Jackson's daughter, Paris,"), before ", who" and a speech verb ("Paris,
// who said ..."), or in a list with a given name alone ("Paris and Amber").
// A city that acts ("Paris said on Monday") is left to actsAsState.
func (x *extractor) cityAsPerson(p, e int) bool {
	k := p - 1
	if k >= 0 && x.toks[k].text == "," {
		k--
	}
	if k >= 0 && x.toks[k].word && x.toks[k].sent == x.toks[p].sent && kinWords[x.lower(k)] {
		return true
	}
	if p+3 < len(x.toks) && x.toks[p+1].text == "," && x.lower(p+2) == "who" && x.isWord(p+3, fSpeechVerb) {
		return true
	}
	return x.listedWithGivenName(p, e)
}

// listedWithGivenName: "Amber, Paris and Jade", "Paris and Amber", where the
// name beside it is a given name alone, no place and no part of a full name.
func (x *extractor) listedWithGivenName(p, e int) bool {
	if p >= 1 {
		if w := x.lower(p - 1); (w == "between" || w == "from") && x.toks[p-1].word {
			return false // "between Paris and Amber": places
		}
	}
	alone := func(k int) bool {
		if k < 0 || k >= len(x.toks) || !x.toks[k].word || !x.toks[k].cap || !x.givenName(k) {
			return false
		}
		if _, n := x.gaz(k, len(x.toks)); n > 0 {
			return false
		}
		if k+1 < len(x.toks) && x.toks[k+1].word && x.toks[k+1].cap {
			return false // "Paris and Amber Smith": a full name
		}
		if k >= 1 && x.toks[k-1].word && x.toks[k-1].cap {
			return false // "Stella Lawrence, Paris, France": a full name's end
		}
		return true
	}
	// a comma joins only inside a list that "and" closes after the city:
	// "Amber, Paris and Jade", not "Stella Lawrence, Paris, France"
	closed := false
	for k := p + 1; k < len(x.toks) && k < p+8 && x.toks[k].sent == x.toks[p].sent; k++ {
		if x.lower(k) == "and" {
			closed = true
			break
		}
		if x.toks[k].text != "," && !(x.toks[k].word && x.toks[k].cap) {
			break
		}
	}
	join := func(k int) bool {
		if k < 0 || k >= len(x.toks) {
			return false
		}
		w := x.lower(k)
		return w == "and" || (w == "," && closed)
	}
	if join(p+1) && alone(p+2) && (x.lower(p+1) == "and" || join(p+3)) {
		return true
	}
	if join(p-1) && alone(p-2) && (x.lower(p-1) == "and" || join(p+1)) {
		return true
	}
	return false
}

// citiesAsPersons: once an article names a person by a city's name, its
// other mentions of that name that speak ("Paris said", "Paris told") are
// her too, not the city's government.
func (x *extractor) citiesAsPersons() {
	var names []string
	for _, m := range x.ms {
		if m.kind == storyline.Person && m.cityPerson {
			names = append(names, x.span(m.a, m.b))
		}
	}
	if len(names) == 0 {
		return
	}
	for _, m := range x.ms {
		if m.kind != storyline.Place || m.b-m.a != 1 || m.sub != [2]int{} || !x.isWord(m.b, fSpeechVerb) {
			continue
		}
		w := x.span(m.a, m.b)
		for _, n := range names {
			if n == w {
				m.kind, m.name, m.via, m.metonym = storyline.Person, w, "", false
				break
			}
		}
	}
}
