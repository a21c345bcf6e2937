package entity

import (
	"sort"
	"strings"

	storyline "github.com/storyline/storyline"
)

// cover maps each token to the (kept) mention that covers it.
func (x *extractor) cover() []*mention {
	x.covers = resized(x.covers, len(x.toks))
	c := x.covers
	for _, m := range x.ms {
		if m.drop || m.unknown || m.kind == "" || m.sub != [2]int{} {
			continue
		}
		for k := m.a; k < m.b; k++ {
			c[k] = m
		}
	}
	return c
}

// rolePhrase reads a title from tokens ending just before end, leftwards:
// title words, places and organisations already found, and "to", "of",
// "for", "the" between them. It returns the first token of the phrase, or
// end when there is none.
func (x *extractor) rolePhrase(end int, cover []*mention) int {
	start := end
	for k := end - 1; k >= 0; {
		t := &x.toks[k]
		if t.sent != x.toks[end-1].sent && end-1 >= 0 {
			break
		}
		if m := cover[k]; m != nil && (m.kind == storyline.Place || m.kind == storyline.Org) {
			k = m.a - 1
			start = m.a
			continue
		}
		if t.text == "'s" || t.text == "’s" {
			if k > 0 && cover[k-1] != nil {
				k--
				continue
			}
			break
		}
		if !t.word {
			break
		}
		w := t.low
		if x.is(k, fTitleNoun|fTitleMod) || (x.is(k, fOrgHead) && !t.cap) {
			start = k
			k--
			continue
		}
		if w == "to" || w == "of" || w == "for" || w == "the" {
			k--
			continue
		}
		break
	}
	// the phrase must hold a title noun
	for k := start; k < end; k++ {
		if x.toks[k].word && x.is(k, fTitleNoun) && cover[k] == nil {
			return start
		}
	}
	return end
}

// roleOf turns tokens [a, b) into a role and an affiliation: "Russian
// Ambassador to the United States" is the role "ambassador to the United
// States" and the affiliation Russia.
func (x *extractor) roleOf(a, b int, cover []*mention) (role, aff string) {
	for a < b && x.toks[a].word && (strings.EqualFold(x.toks[a].text, "the") || strings.EqualFold(x.toks[a].text, "a") || strings.EqualFold(x.toks[a].text, "an")) {
		a++
	}
	for b > a && x.toks[b-1].word && x.is(b-1, fConnector) {
		b--
	}
	// a leading place or organisation is the affiliation
	if a < b && cover[a] != nil {
		m := cover[a]
		aff = m.name
		if m.kind == storyline.Org {
			// "Russian Foreign Ministry": the state it belongs to
			if en, n := x.gaz(m.a, m.b); n == 1 && en.demonym {
				aff = en.country
			}
		}
		a = m.b
		if a < b && (x.toks[a].text == "'s" || x.toks[a].text == "’s") {
			a++
		}
	}
	var parts []string
	for k := a; k < b; {
		if m := cover[k]; m != nil {
			parts = append(parts, x.roleName(m, parts))
			if aff == "" && m.kind == storyline.Place {
				aff = m.name
			}
			k = m.b
			continue
		}
		t := &x.toks[k]
		w := t.low // strings.ToLower(t.text)
		switch {
		case x.is(k, fHonorific):
			// "Mr Muilenburg": a form of address, no role
		case t.text == "'s" || t.text == "’s":
			if len(parts) > 0 {
				parts[len(parts)-1] += t.text
			}
		case x.is(k, fTitleNoun|fTitleMod|fConnector) || !t.cap:
			if full, ok := titleAbbrevs[w]; ok {
				w = full // "Adm Thad Allen": admiral
			}
			parts = append(parts, w)
		default:
			parts = append(parts, t.text)
		}
		k++
	}
	if len(parts) == 1 {
		// a role of one word may be the lower case of a capitalised
		// one ("President"), a slice of the text's lowered copy: a copy
		// of its own keeps that copy from living as long as the mention
		return strings.Clone(parts[0]), aff
	}
	return strings.Join(parts, " "), aff
}

// titleAbbrevs are the titles written short, as a role spells them.
var titleAbbrevs = map[string]string{
	"adm": "admiral", "adm.": "admiral", "gen": "general", "gen.": "general", "col": "colonel", "col.": "colonel",
	"lt": "lieutenant", "lt.": "lieutenant", "sgt": "sergeant", "sgt.": "sergeant", "capt": "captain",
	"capt.": "captain", "cmdr": "commander", "cmdr.": "commander", "gov": "governor", "gov.": "governor",
	"sen": "senator", "sen.": "senator", "rep": "representative", "rep.": "representative",
	"rev": "reverend", "rev.": "reverend", "prof.": "professor",
}

// honorifics are forms of address, not offices: they give a gender, never a role.
var honorifics = set("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "messrs", "messrs.", "mx", "mx.")

// roleName is how a place is written inside a role: by its canonical
// name, a capital as its country, so that "ambassador to the US" and
// "ambassador to Washington" both read "ambassador to the United States".
func (x *extractor) roleName(m *mention, before []string) string {
	if m.kind != storyline.Place {
		return x.span(m.a, m.b)
	}
	name := m.name
	if m.metonym {
		if en, ok := x.lex.phrases[phraseKey(m.name)]; ok && en.country != "" {
			name = en.country
		}
	}
	if len(before) > 0 && before[len(before)-1] != "the" && (strings.HasPrefix(name, "United ") || name == "Netherlands" || name == "Philippines") {
		switch before[len(before)-1] {
		case "to", "in", "of", "for", "at", "from":
			name = "the " + name
		}
	}
	return name
}

// hasWord reports whether w, a word without spaces, is one of the
// space-separated words of s: strings.Contains(" "+s+" ", " "+w+" ").
func hasWord(s, w string) bool {
	for i := 0; i+len(w) <= len(s); {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		if (k == 0 || s[k-1] == ' ') && (k+len(w) == len(s) || s[k+len(w)] == ' ') {
			return true
		}
		i = k + 1
	}
	return false
}

// roleHead is the last title noun of a role: "press secretary" -> "secretary".
func roleHead(role string) string {
	head := ""
	for w := range strings.FieldsSeq(role) {
		if w == "to" || w == "of" || w == "for" {
			break
		}
		if titleNouns[w] {
			head = w
		}
	}
	return head
}

// readRoles finds the title before each named person ("President Joe
// Biden"), or in apposition after it ("Maria Zakharova, a spokesperson for
// ..."), or before it with a comma ("The Russian ambassador, Anatoly
// Antonov,"), where that description is a mention too. It returns the
// cover of the tokens by the mentions, those descriptions included.
func (x *extractor) readRoles() []*mention {
	cover := x.cover()
	var extra []*mention
	for _, m := range x.ms {
		if m.drop || m.unknown || m.kind != storyline.Person || m.sub != [2]int{} {
			continue
		}
		if r := x.rolePhrase(m.a, cover); r < m.a {
			m.role, m.aff = x.roleOf(r, m.a, cover)
			m.gender = genderOfWords(x, r, m.a)
			continue
		}
		// "The Russian ambassador to the United States, Anatoly Antonov,"
		if m.a >= 2 && x.toks[m.a-1].text == "," {
			if r := x.rolePhrase(m.a-1, cover); r < m.a-1 {
				d := r
				if d > 0 && x.toks[d-1].word && isDeterminer(x.lower(d-1)) {
					d--
				}
				if d < r || (x.toks[r].word && isDeterminer(x.lower(r))) {
					definite := x.lower(d) != "a" && x.lower(d) != "an"
					m.role, m.aff = x.roleOf(r, m.a-1, cover)
					m.gender = genderOfWords(x, r, m.a-1)
					if definite && x.toks[d].sent == x.toks[m.a].sent {
						end := x.headEnd(d, m.a-1)
						extra = append(extra, x.newMention(mention{a: d, b: end, kind: storyline.Person, name: m.name, via: "role", appositive: -1}))
					}
					continue
				}
			}
		}
		// "Maria Zakharova, a spokesperson for Russia's foreign ministry,"
		if m.b+1 < len(x.toks) && x.toks[m.b].text == "," {
			k := m.b + 1
			if x.toks[k].word && (isDeterminer(x.lower(k)) || cover[k] != nil) {
				e := k
				for e < len(x.toks) && e-k < 12 && x.toks[e].sent == x.toks[m.b].sent {
					if !x.toks[e].word && x.toks[e].text != "'s" && x.toks[e].text != "’s" && x.toks[e].text != "-" {
						break
					}
					if lw := x.lower(e); x.toks[e].word && !(cover[e] != nil || isDeterminer(lw) || x.is(e, fTitleNoun|fTitleMod|fConnector|fOrgHead) || lw == "to" || lw == "in" || lw == "at") {
						break
					}
					e++
				}
				if e < len(x.toks) {
					has := false
					for j := k; j < e; j++ {
						if x.toks[j].word && cover[j] == nil && x.is(j, fTitleNoun) {
							has = true
						}
					}
					if has {
						m.role, m.aff = x.roleOf(k, e, cover)
						m.gender = genderOfWords(x, k, e)
					}
				}
			}
		}
	}
	// the descriptions cover their tokens as cover() would, the mentions
	// after all others
	for _, m := range extra {
		for k := m.a; k < m.b; k++ {
			cover[k] = m
		}
	}
	x.ms = append(x.ms, extra...)
	return cover
}

// headEnd returns the end of a description [a, limit) at its first title
// noun that is followed by no further title word: "the Russian ambassador".
func (x *extractor) headEnd(a, limit int) int {
	end := limit
	for k := a; k < limit; k++ {
		if x.toks[k].word && x.is(k, fTitleNoun) {
			end = k + 1
			if k+1 < limit && x.toks[k+1].word && x.is(k+1, fTitleNoun) {
				continue
			}
			break
		}
	}
	return end
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "its", "his", "her", "their", "our":
		return true
	}
	return false
}

func genderOfWords(x *extractor, a, b int) byte {
	for k := a; k < b; k++ {
		if x.is(k, fFemale) {
			return 'f'
		}
		if x.is(k, fMale) {
			return 'm'
		}
	}
	return 0
}

// descriptions resolves "the ambassador", "the diplomat", "the Russian
// president" to the person the article has given that role. cover is the
// cover of the tokens by the mentions (readRoles).
func (x *extractor) descriptions(cover []*mention) {
	// name -> the roles its mentions carry, in order, with their heads
	type carried struct{ role, head, aff string }
	roles := map[string][]carried{}
	for _, m := range x.ms {
		if !m.drop && m.kind == storyline.Person && m.role != "" {
			roles[m.name] = append(roles[m.name], carried{m.role, roleHead(m.role), m.aff})
		}
	}
	var persons []*mention
	for _, m := range x.ms {
		if !m.drop && !m.unknown && m.kind == storyline.Person && m.sub == [2]int{} {
			persons = append(persons, m)
		}
	}
	// unnamed people: "a state department spokesperson"
	type unnamed struct {
		at   int
		head string
	}
	var indefinite []unnamed
	for _, i := range x.ix.articles {
		if w := x.lower(i); w == "a" || w == "an" {
			for k := i + 1; k < len(x.toks) && k <= i+4 && x.toks[k].word; k++ {
				if lw := x.lower(k); x.is(k, fTitleNoun) && cover[k] == nil {
					indefinite = append(indefinite, unnamed{k, lw})
					break
				}
			}
		}
	}
	sameRole := func(a, b string) bool {
		return a == b || (roleClass[a] != "" && roleClass[a] == roleClass[b])
	}
	sortMentions(persons)
	var extra []*mention
	for _, i := range x.ix.articles {
		if x.lower(i) != "the" || cover[i] != nil {
			continue
		}
		k := i + 1
		affName := ""
		for k < len(x.toks) && x.toks[k].sent == x.toks[i].sent {
			if m := cover[k]; m != nil && m.kind == storyline.Place {
				affName = m.name
				k = m.b
				continue
			}
			if x.toks[k].word && x.is(k, fTitleMod) && !x.is(k, fTitleNoun) {
				k++
				continue
			}
			break
		}
		if k >= len(x.toks) || !x.toks[k].word || !x.is(k, fTitleNoun) || cover[k] != nil {
			continue
		}
		head := x.lower(k)
		// a title before a name is not a description
		if k+1 < len(x.toks) && x.toks[k+1].word && cover[k+1] != nil && cover[k+1].kind == storyline.Person {
			continue
		}
		if k+1 < len(x.toks) && x.toks[k+1].text == "," && k+2 < len(x.toks) && cover[k+2] != nil && cover[k+2].kind == storyline.Person {
			continue // "the diplomat, Zhao Wei": readRoles made it a mention
		}
		var best *mention
		for _, p := range persons {
			if p.a >= i {
				break
			}
			if p.via == "pronoun" {
				continue
			}
			for _, r := range roles[p.name] {
				rh := r.head
				if !(rh == head || (roleClass[rh] != "" && roleClass[rh] == roleClass[head]) || hasWord(r.role, head)) {
					continue
				}
				if affName != "" && r.aff != affName {
					continue
				}
				best = p
				break
			}
		}
		if best == nil {
			continue
		}
		for _, u := range indefinite {
			if u.at > best.a && u.at < i && sameRole(u.head, head) {
				best = nil // the description is about the unnamed one
				break
			}
		}
		if best == nil {
			continue
		}
		extra = append(extra, x.newMention(mention{a: i, b: k + 1, kind: storyline.Person, name: best.name, via: "role", appositive: -1}))
	}
	x.ms = append(x.ms, extra...)
}

// pronouns resolves he, him, his, she and her outside quotations to the
// subject of the same sentence before it, or of the latest sentence
// (within three) that names a person of a compatible gender.
func (x *extractor) pronouns() {
	gender := map[string]byte{}
	var persons []*mention
	for _, m := range x.ms {
		if m.drop || m.unknown || m.kind != storyline.Person || m.sub != [2]int{} {
			continue
		}
		persons = append(persons, m)
		if g, ok := x.lex.gender[firstWord(m.name)]; ok && gender[m.name] == 0 {
			gender[m.name] = g
		}
		if m.gender != 0 {
			gender[m.name] = m.gender
		}
	}
	sortMentions(persons)
	var extra []*mention
	for _, i := range x.ix.pronouns {
		t := &x.toks[i]
		if t.quoted {
			continue
		}
		w := t.low
		var g byte
		switch w {
		case "he", "him", "his", "himself":
			g = 'm'
		case "she", "her", "hers", "herself":
			g = 'f'
		default:
			continue
		}
		ok := func(p *mention) bool { return gender[p.name] == 0 || gender[p.name] == g }
		// persons are in text order: the first of sentence s is found
		// by halving
		firstIn := func(s int32) int {
			return sort.Search(len(persons), func(j int) bool { return x.toks[persons[j].a].sent >= s })
		}
		var best *mention
		// the subject of this sentence, before the pronoun
		for _, p := range persons[firstIn(t.sent):] {
			if p.a >= i {
				break
			}
			if ok(p) && !x.toks[p.a].quoted {
				best = p
				break
			}
		}
		if best == nil {
			// the latest earlier sentence that names someone compatible: its first such person
			for s := t.sent - 1; s >= t.sent-3 && s >= 0 && best == nil; s-- {
				for _, p := range persons[firstIn(s):] {
					if x.toks[p.a].sent != s {
						break
					}
					if ok(p) && !x.toks[p.a].quoted {
						best = p
						break
					}
				}
			}
		}
		if best == nil {
			continue
		}
		if gender[best.name] == 0 {
			gender[best.name] = g
		}
		pm := x.newMention(mention{a: i, b: i + 1, kind: storyline.Person, name: best.name, via: "pronoun", appositive: -1})
		extra = append(extra, pm)
		persons = insertMention(persons, pm)
	}
	x.ms = append(x.ms, extra...)
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

func sortMentions(ms []*mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].a < ms[j-1].a; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func insertMention(ms []*mention, m *mention) []*mention {
	ms = append(ms, m)
	for j := len(ms) - 1; j > 0 && ms[j].a < ms[j-1].a; j-- {
		ms[j], ms[j-1] = ms[j-1], ms[j]
	}
	return ms
}
