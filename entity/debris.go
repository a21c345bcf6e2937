package entity

// Scraped text runs words into a name that are no part of it: a photo
// credit or a caption's last word ("Photograph: Reuters Barack Obama
// today ..."), a time zone ("18.00 BST Barack Obama has ..."), a place at
// the end of a sentence whose stop was lost ("both sides of the Atlantic
// Barack Obama walks away"), a broadcaster's caption ("End Quote Barack
// Obama US president"), a function word opening a sentence ("But
// Obama sang ...", "BECAUSE Obama ..."), a comment's shouting after a
// name ("Obama FAILED"). These rules keep the name alone.

// functionWords open clauses and never start a name. Words that are
// names as well ("May", "Will", "Said") are not among them.
var functionWords = set("but", "because", "if", "is", "was", "are", "were", "what", "when", "where", "why",
	"how", "so", "this", "that", "these", "those", "then", "there", "here", "it", "we", "they", "you", "he",
	"she", "although", "though", "while", "yet", "unless", "until", "whether", "also", "not", "or", "tell",
	// prepositions opening a sentence ("In response, the ministry ...")
	"in", "on", "at", "as", "with", "from", "after", "during", "since", "into")

// functionWord reports whether token i is a function word written with a
// capital: "But", "BECAUSE"; not an acronym of three letters or fewer
// ("IS", "IT", "OR").
func (x *extractor) functionWord(i int) bool {
	t := &x.toks[i]
	if !t.word || t.upper && len(t.text) <= 3 {
		return false
	}
	return functionWords[t.low]
}

// givenName reports whether token i is a known given name.
func (x *extractor) givenName(i int) bool {
	_, ok := x.lex.gender[x.toks[i].text]
	return ok
}

// fullNameAt reports whether a person's full name starts at token i, inside
// the run of capitalised words that ends before e: a known given name and
// a capitalised word after it that is no title ("Barack Obama"). A given
// name alone ("Hurricane Alex", "Camp David") starts none.
func (x *extractor) fullNameAt(i, e int) bool {
	if i+1 >= e || !x.toks[i].cap || x.toks[i].upper || !x.givenName(i) {
		return false
	}
	n := &x.toks[i+1]
	return n.word && n.cap && !n.upper && !x.is(i+1, fTitleNoun|fTitleMod|fNotName|fConnector)
}

// thingNames returns the unknown names of two words or more, not opening
// with a given name, that the text writes after "the" at least once ("the
// Deepwater Horizon rig", "since the Exxon Valdez ran aground"): people
// are not named so, and every mention of such a name is no person. The
// map is the extractor's own, emptied for each text.
func (x *extractor) thingNames() map[string]bool {
	x.things = emptied(x.things)
	for _, m := range x.ms {
		if !m.unknown || m.b-m.a < 2 || x.givenName(m.a) {
			continue
		}
		if p := x.prevWord(m.a); p >= 0 && p == m.a-1 && x.lower(p) == "the" {
			x.things[x.span(m.a, m.b)] = true
		}
	}
	return x.things
}

// shouted reports whether token i is an ordinary word written in capitals
// ("FAILED", "JUST"): after a name written in lower case it is shouting,
// no part of the name; an acronym ("BP", "NATO") is none.
func (x *extractor) shouted(i int) bool {
	return len(x.toks[i].text) >= 4 && x.isCommon(i)
}
