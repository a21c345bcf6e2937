package entity

import "github.com/storyline/storyline"

// sharedSurname reports whether a given name alone and the person's name
// after it share a surname: "Katherine and Joe Jackson" names two
// Jacksons, so "Katherine" is Katherine Jackson. It returns the word
// tokens of the surname the given name m takes from next, the mention
// that follows it, or nil when m is no such given name.
func (x *extractor) sharedSurname(m, next *mention) []int {
	if m.drop || m.b-m.a != 1 || !m.unknown && m.kind != storyline.Person || !x.toks[m.a].cap || !x.givenName(m.a) {
		return nil
	}
	if next.a != m.b+1 || x.lower(m.b) != "and" {
		return nil
	}
	if next.drop || next.unknown || next.kind != storyline.Person || next.sub != [2]int{} || next.b-next.a < 2 || !x.givenName(next.a) {
		return nil
	}
	var sur []int
	for k := next.a + 1; k < next.b; k++ {
		if !x.toks[k].word {
			continue
		}
		if x.givenName(k) || x.isCommon(k) {
			return nil // "Ellen and Mary Grace": two given names; "Adam and Joe Podcast": no surname
		}
		sur = append(sur, k)
	}
	return sur
}
