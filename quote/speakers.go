package quote

// Speakers: the name a source span stands for (a mention's name, a
// surname expanded to the full name, a pronoun resolved to an earlier
// speaker), and the names the article has given so far.

import (
	"sort"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/nlp"
)

// learnNames remembers runs of two or more capitalised words so that a
// later surname can be expanded to the full name.
func (x *extractor) learnNames(u unit) {
	for k := u.from; k < u.to; {
		if !x.isCap(k) || x.toks[k].inQuote {
			k++
			continue
		}
		j := k
		for j < u.to && x.isCap(j) && !x.toks[j].inQuote {
			j++
		}
		var buf [8]string
		parts := buf[:0]
		for m := k; m < j; m++ {
			if x.toks[m].in(cTitle) || x.toks[m].in(cTitleBare) {
				parts = parts[:0]
				continue
			}
			parts = append(parts, x.toks[m].text)
		}
		// "Ambassador to Washington Anatoly Antonov": a name after a
		// preposition starts after the place
		if len(parts) >= 3 && k > 0 && (x.toks[k-1].lower == "to" || x.toks[k-1].lower == "in" || x.toks[k-1].lower == "from" || x.toks[k-1].lower == "of") {
			parts = parts[1:]
		}
		if len(parts) >= 2 && len(parts) <= 4 {
			last := strings.TrimSuffix(strings.TrimSuffix(parts[len(parts)-1], "’s"), "'s")
			full, ok := x.names[last]
			if !ok {
				full = strings.Join(parts, " ")
				x.names[last] = full
			}
			x.lastName = full
		}
		k = j
	}
}

// titles precede a name and are not part of it.
var titles = map[string]bool{
	"president": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"gov": true, "senator": true, "governor": true, "secretary": true, "minister": true,
	"ambassador": true, "spokeswoman": true, "spokesman": true, "spokesperson": true,
	"chairman": true, "chairwoman": true, "gen": true, "general": true, "judge": true,
	"justice": true, "mayor": true, "former": true, "vice": true, "speaker": true,
	"leader": true, "representative": true, "congressman": true, "congresswoman": true,
	"prime": true, "chancellor": true, "press": true, "state": true, "deputy": true,
	"foreign": true, "director": true, "chief": true, "attorney": true, "candidate": true,
	"nominee": true, "democrat": true, "republican": true, "democratic": true, "gop": true,
	"house": true, "white": true, "russian": true, "american": true, "u.s.": true, "us": true,
	"ceo": true, "cfo": true, "coo": true, "administrator": true,
}

// noteSpeaker remembers a named speaker for later pronouns.
func (x *extractor) noteSpeaker(q storyline.Quote, src [2]int) {
	if src[1] == src[0] || q.Unnamed || x.curWho.kind == kindBody {
		return
	}
	if src[1]-src[0] == 1 && x.toks[src[0]].in(cPronoun) {
		return
	}
	if x.hasCap(src) {
		x.lastPerson = q.Speaker
		x.named++
	}
}

// affiliationWords before a capitalised run make it an affiliation, not
// the speaker's name.
var affiliationWords = map[string]bool{"of": true, "at": true, "from": true, "for": true, "in": true, "with": true}

// roleWords inside a capitalised run are titles of office.
var roleWords = map[string]bool{
	"director": true, "secretary": true, "manager": true, "chair": true, "officer": true,
	"adviser": true, "advisor": true, "strategist": true, "pollster": true, "analyst": true,
	"professor": true, "counsel": true, "commissioner": true, "coordinator": true,
	"communications": true, "campaign": true, "executive": true, "founder": true, "co-founder": true,
}

var unnamedHeads = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "people": true,
	"aide": true, "aides": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"person": true, "advisers": true, "adviser": true, "advisor": true, "advisors": true,
	"diplomat": true, "diplomats": true, "analysts": true, "experts": true, "observers": true,
	"insiders": true, "members": true, "staffers": true, "lawmakers": true,
}

// who is the speaker a source span stands for.
type who struct {
	name      string // as a reader should see it: Quote.Speaker
	ref       string // the entity name it was read from: Quote.SpeakerRef
	principal string // whom the speaker speaks for: Quote.Principal
	unnamed   bool
	kind      whoKind
	head      string // the head noun of a description ("spokesperson")
	named     int    // of a description: how many named speakers came before it
}

// whoKind is what kind of speaker a source is, as far as the text says:
// what a later pronoun may refer back to.
type whoKind uint8

const (
	kindUnknown whoKind = iota
	kindPerson          // one person, named or described ("the minister")
	kindGroup           // people ("officials", "two people familiar with ...")
	kindBody            // an organisation, a government, a document
)

// resolve returns who the source span stands for. A relative "who" is the
// name before it; of an apposition, the part that names someone ("the
// minister, Sergey Lavrov,"); a pronoun, the source of the attribution it
// continues, else the person an entity mention resolves it to; a phrase,
// the mention at its head ("Putin's spokesman Dmitry Peskov" is Peskov,
// with Putin his principal), a country as its government, else the
// description itself, unnamed ("a state department spokesperson"), which a
// later "the spokesperson" refers back to.
func (x *extractor) resolve(src [2]int) who {
	pl := x.toks[src[0]].lower
	one := src[1]-src[0] == 1
	if one && (pl == "his" || pl == "her") {
		pl = map[string]string{"his": "he", "her": "she"}[pl] // "his own promise"
	}
	if one && pl == "who" {
		if np, ok := x.relative(src[0]); ok {
			return x.resolve(np)
		}
	}
	if one && pronouns[pl] {
		return x.pronoun(pl, src)
	}
	src = x.appositive(src)
	if w, ok := x.fromMentions(src); ok {
		return w
	}
	return x.fromText(src)
}

// relative returns the noun phrase a relative "who" at k refers to:
// "Karl Weber, who ...", "Sen. Ada Morrow (D-Vt.), who ...", "Pete Wilson
// who ...", "Army Capt. Christian Pardo, who ...".
func (x *extractor) relative(k int) ([2]int, bool) {
	if k == 0 {
		return [2]int{}, false
	}
	e := k - 1
	if t := x.toks[e].text; e > 0 && (t == "," || t == "—" || t == "–") {
		e--
	}
	if e > 0 && x.toks[e].text == ")" {
		for m := e - 1; m > 0 && m >= e-8; m-- {
			if x.toks[m].text == "(" {
				e = m - 1
				break
			}
		}
	}
	if e >= 0 && x.isCap(e) && !x.toks[e].inQuote {
		b := e
		for b > 0 && x.isCap(b-1) && !x.toks[b-1].inQuote {
			b--
		}
		return [2]int{b, e + 1}, true
	}
	if k-1 > 0 && x.toks[k-1].text == "," {
		if np := x.sourceNP(k-1, 0); np[1] > np[0] && x.hasCap(np) {
			return np, true
		}
	}
	return [2]int{}, false
}

// appositive returns the part of a source set off by commas that names
// the speaker: the first ("Maria Zakharova, a spokesperson for ..."),
// unless only a later part names someone ("the minister, Sergey Lavrov,").
func (x *extractor) appositive(src [2]int) [2]int {
	var parts [][2]int
	a := src[0]
	for k := src[0]; k <= src[1]; k++ {
		if k == src[1] || x.toks[k].text == "," {
			if x.words(a, k) > 0 {
				parts = append(parts, [2]int{a, k})
			}
			a = k + 1
		}
	}
	if len(parts) < 2 || x.namesSomeone(parts[0]) {
		if len(parts) > 0 {
			return parts[0]
		}
		return src
	}
	for _, p := range parts[1:] {
		if x.namesSomeone(p) {
			return p
		}
	}
	return parts[0]
}

// namesSomeone reports whether the head of the phrase is a name: a name
// mention (not a pronoun or a description resolved to one), or without
// mentions a capitalised word that is no title.
func (x *extractor) namesSomeone(p [2]int) bool {
	h := x.headWord(p)
	if h < 0 {
		return false
	}
	if len(x.mentions) > 0 {
		m := x.mentionAt(h)
		return m != nil && m.Kind != storyline.Place && (m.Via == "" || m.Via == "alias") // "The mayor of Rochester, New York,"
	}
	return x.isCap(h) && !x.toks[h].in(cTitleBare)
}

// headWord returns the last word of the head of the phrase p: before a
// note in parentheses, and before a prepositional phrase after a noun or a
// name ("Scott Hawkins of Cheyenne", "ambassador to the United States",
// "two people familiar with the plan"); -1 if it has none. A title before
// "of" or "to" is part of a name ("Secretary of State John Kerry").
func (x *extractor) headWord(p [2]int) int {
	if l := x.toks[p[1]-1]; p[1]-p[0] > 2 && x.toks[p[0]].in(cDeterminer) && l.kind == word && !x.isCap(p[1]-1) &&
		(l.in(cUnnamedHead) || l.in(cTitle)) {
		// "A French Bureau of Enquiry and Analysis spokesman": a name
		// before the head, its "of" inside the name
		return p[1] - 1
	}
	end := p[1]
	for k := p[0] + 1; k < p[1]; k++ {
		t := &x.toks[k]
		if t.text == "(" {
			end = k
			break
		}
		if t.kind != word || !t.in(cHeadPreposition) {
			continue
		}
		prev := &x.toks[k-1]
		if prev.kind != word || prev.in(cTitleBare) && x.isCap(k-1) && x.personAfter(k, p[1]) || prev.in(cDeterminer) {
			continue
		}
		end = k
		for end-1 > p[0] && x.toks[end-1].in(cPostAdjective) {
			end--
		}
		break
	}
	for k := end - 1; k >= p[0]; k-- {
		if x.toks[k].kind == word {
			return k
		}
	}
	return -1
}

// personAfter reports whether a person is named in [k, end), as the
// entity mentions say (always, without mentions): "Secretary of State
// John Kerry" goes on to its holder, "the Minister of Transport" and "the
// CEO of Ethiopian Airlines" do not.
func (x *extractor) personAfter(k, end int) bool {
	if len(x.mentions) == 0 {
		return true
	}
	for j := k; j < end; j++ {
		if m := x.mentionAt(j); m != nil && m.Kind == storyline.Person {
			return true
		}
	}
	return false
}

// headPrepositions open a phrase after the head of a source.
var headPrepositions = map[string]bool{
	"of": true, "at": true, "from": true, "for": true, "in": true, "with": true, "to": true,
	"on": true, "inside": true, "within": true, "close": true, "familiar": true,
}

// postAdjectives follow the noun they describe ("people familiar with").
var postAdjectives = map[string]bool{
	"familiar": true, "close": true, "knowledgeable": true, "briefed": true, "involved": true,
	"opposed": true, "loyal": true, "sympathetic": true,
}

// mentionAt returns the entity mention that covers the word k, a person
// first, or nil.
func (x *extractor) mentionAt(k int) *storyline.Mention {
	s, e := x.toks[k].start, x.toks[k].end
	var best *storyline.Mention
	for i := x.mentionsFrom(s); i < len(x.mentions); i++ {
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

// mentionsFrom returns the index of the first mention that may cover or
// lie after byte s: the mentions before it start and end before s. With
// mentions out of order, or no longest mention known, it is 0.
func (x *extractor) mentionsFrom(s int) int {
	if !x.inOrder() {
		return 0
	}
	return sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].Start >= s-x.longest })
}

// inOrder reports whether the mentions are in text order, measuring the
// longest of them (x.longest) on first call; out of order, x.longest is
// the text's length, so that a search reads them all.
func (x *extractor) inOrder() bool {
	if !x.measured {
		x.measured = true
		for i := range x.mentions {
			m := &x.mentions[i]
			if i > 0 && m.Start < x.mentions[i-1].Start {
				x.longest = len(x.text) // out of order: read them all
				break
			}
			x.longest = max(x.longest, m.End-m.Start)
		}
	}
	return x.longest < len(x.text)
}

// mentionsStarting returns the range [i, j) of the mentions that may
// start from byte lo up to before byte hi: with the mentions in order,
// those that do; out of order, all of them.
func (x *extractor) mentionsStarting(lo, hi int) (int, int) {
	if !x.inOrder() {
		return 0, len(x.mentions)
	}
	i := sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].Start >= lo })
	j := i
	for j < len(x.mentions) && x.mentions[j].Start < hi {
		j++
	}
	return i, j
}

func mentionName(m *storyline.Mention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Text
}

// fromMentions reads the speaker from the entity mention at the head of
// the source; ok is false when there is none and the head is capitalised
// (a name the entity extractor missed), for fromText.
func (x *extractor) fromMentions(src [2]int) (who, bool) {
	if len(x.mentions) == 0 {
		return who{}, false
	}
	if w, ok := x.pair(src); ok {
		return w, true
	}
	if w, ok := x.clauseSource(src); ok {
		return w, true
	}
	h := x.headWord(src)
	if h < 0 {
		return who{}, false
	}
	m := x.mentionAt(h)
	if m == nil {
		if x.isCap(h) {
			return who{}, false
		}
		return x.description(src, h), true
	}
	name := mentionName(m)
	switch m.Kind {
	case storyline.Person:
		w := who{name: name, ref: name, kind: kindPerson}
		if m.Via == "role" || m.Via == "pronoun" {
			w.ref = name // "the Russian president": the person the role names
		}
		w.principal = x.principal(src, m.Start, false)
		if kin(name, w.principal) {
			w.principal = "" // "Michael Jackson's mother Katherine Jackson": she speaks for herself
		}
		return w, true
	case storyline.Place:
		if m.Via == "metonym" || entity.IsCountry(name) {
			return who{name: government(name), ref: name, kind: kindBody}, true
		}
		return who{name: name, ref: name, kind: kindBody}, true
	default:
		return who{name: name, ref: name, kind: kindBody}, true
	}
}

// pair reads a source of two names joined by "and" ("Vladimir Putin and
// Joe Biden") as both together.
func (x *extractor) pair(src [2]int) (who, bool) {
	for k := src[0] + 1; k < src[1]-1; k++ {
		if x.toks[k].lower != "and" {
			continue
		}
		if x.wholeName([2]int{src[0], k}) && x.wholeName([2]int{k + 1, src[1]}) {
			a, b := x.mentionAt(k-1), x.mentionAt(src[1]-1)
			return who{name: mentionName(a) + " and " + mentionName(b), kind: kindGroup}, true
		}
		break
	}
	return who{}, false
}

// clauseSource reads a source span that is a clause ("Vladimir Putin
// answered Joe Biden's remarks ... saying"): a name, then a verb; the
// speaker is the name.
func (x *extractor) clauseSource(src [2]int) (who, bool) {
	m := x.mentionAt(src[0])
	if m == nil || m.Kind == storyline.Place || m.Via == "pronoun" || m.Start != x.toks[src[0]].start {
		return who{}, false
	}
	k := src[0]
	for k < src[1] && x.toks[k].start < m.End {
		k++
	}
	if k >= src[1]-1 || x.toks[k].kind != word || x.toks[k].text != x.toks[k].lower {
		return who{}, false
	}
	if l := x.toks[k].lower; len(l) > 4 && strings.HasSuffix(l, "ed") || commonVerbs[l] || x.weight(k) >= minCue {
		name := mentionName(m)
		kind := kindPerson
		if m.Kind == storyline.Org {
			kind = kindBody
		}
		return who{name: name, ref: name, kind: kind}, true
	}
	return who{}, false
}

// government is how a country acting as a speaker is shown: "Russia’s
// government", "the United States’ government".
func government(country string) string {
	if strings.HasSuffix(country, "s") {
		return "the " + country + "’ government"
	}
	return country + "’s government"
}

// principal returns whom the phrase src says its head speaks for, from
// the mentions before the head (which starts at byte before): a
// possessor ("Putin's spokesman", "his press secretary"), else an
// organisation ("Russian Foreign Ministry spokeswoman"), else, for a
// description, a person or country ("US senators").
func (x *extractor) principal(src [2]int, before int, description bool) string {
	start := x.toks[src[0]].start
	var poss, org, other string
	possAt, orgAt := -1, -1
	from, to := x.mentionsStarting(start, before+1)
	for i := from; i < to; i++ {
		m := &x.mentions[i]
		if m.Start < start || m.End > before {
			continue
		}
		name := mentionName(m)
		switch {
		case x.possessive(m):
			poss, possAt = name, m.Start
		case m.Kind == storyline.Org:
			if org == "" {
				org, orgAt = name, m.Start // the body first named: "the Dutch Board of Inquiry and Review ... spokesman"
			}
		case description && other == "":
			other = name
		}
	}
	switch {
	case poss != "" && orgAt < possAt:
		return poss // "Putin's spokesman"; not "Iran's Defense Ministry spokesman"
	case org != "":
		return org
	case poss != "":
		return poss
	}
	return other
}

// kin reports whether two people's names share a surname: a relative, who
// speaks for no one but themselves, not a spokesperson.
func kin(a, b string) bool {
	fa, fb := strings.Fields(entity.Fold(a)), strings.Fields(entity.Fold(b))
	return len(fa) > 1 && len(fb) > 1 && fa[len(fa)-1] == fb[len(fb)-1] && fa[0] != fb[0]
}

// possessive reports whether the mention is a possessor: a name followed
// by 's, or a possessive pronoun.
func (x *extractor) possessive(m *storyline.Mention) bool {
	if m.Via == "pronoun" {
		l := strings.ToLower(m.Text)
		return l == "his" || l == "her" || l == "their" || l == "its"
	}
	rest := x.text[m.End:min(len(x.text), m.End+4)]
	return strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’ ") || strings.HasPrefix(rest, "' ")
}

// description is the speaker of a source that names no one, with the
// word h its head: a country's government ("the Russian government"), an
// earlier unnamed source the phrase refers back to ("the spokesperson"
// after "a state department spokesperson"), else the description itself,
// shown as written, with its organisation or country as principal.
func (x *extractor) description(src [2]int, h int) who {
	head := x.toks[h].lower
	first := x.toks[src[0]].lower
	if governmentWords[head] {
		from, to := x.mentionsStarting(x.toks[src[0]].start, x.toks[h].start+1)
		for i := from; i < to; i++ {
			m := &x.mentions[i]
			if m.Start >= x.toks[src[0]].start && m.End <= x.toks[h].start && m.Kind == storyline.Place &&
				(m.Via == "metonym" || entity.IsCountry(mentionName(m))) {
				return who{name: government(mentionName(m)), ref: mentionName(m), kind: kindBody}
			}
		}
	}
	if first == "the" || first == "this" || first == "that" {
		for i := len(x.described) - 1; i >= 0; i-- {
			if x.described[i].head == head {
				return x.described[i]
			}
		}
		if titles[head] && src[1]-src[0] == 2 {
			if name := x.onlyHolder(head); name != "" {
				return who{name: name, ref: name, kind: kindPerson} // "..., the ambassador said" in a headline
			}
			if w, ok := x.continued("he", src[0]); ok && !w.unnamed {
				return w // "“...,” Glaz told reporters. The spokesman stressed ..."
			}
		}
	}
	text := x.text[x.toks[src[0]].start:x.toks[src[1]-1].end]
	switch {
	case determiners[first] && len(text) == len(first):
		// "Some said": its lower case alone is a slice of the text's
		// lowered copy, which a copy of its own keeps from living as
		// long as the quote
		text = strings.Clone(first)
	case determiners[first]:
		text = first + text[len(first):] // "A state department spokesperson" as "a ..."
	}
	w := who{name: text, head: head, kind: descriptionKind(head)}
	w.unnamed = !(first == "the" || first == "his" || first == "her" || first == "their") || unnamedHeads[head] ||
		titles[head] || roleWords[head]
	if len(x.mentions) > 0 {
		// "a State Department spokesperson", "the Russian foreign
		// minister": a person's principal may be a country too
		w.principal = x.principal(src, x.toks[src[1]-1].end, w.kind == kindPerson)
	}
	if w.principal == "" {
		w.principal = x.institution(src, h)
	}
	if w.unnamed && w.kind != kindBody {
		w.named = x.named
		x.described = append(x.described, w)
	}
	return w
}

// onlyHolder returns the one person the article's mentions give a role
// that starts with the title ("ambassador to the United States"), or ""
// when none or several do.
func (x *extractor) onlyHolder(title string) string {
	name := ""
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.Kind != storyline.Person || m.Role == "" {
			continue
		}
		if r := strings.ToLower(m.Role); r != title && !strings.HasPrefix(r, title+" ") {
			continue
		}
		if name != "" && name != mentionName(m) {
			return ""
		}
		name = mentionName(m)
	}
	return name
}

// governmentWords head a phrase that names a country's government.
var governmentWords = map[string]bool{"government": true, "authorities": true, "leadership": true}

// descriptionKind is the kind of speaker a description with this head
// noun is.
func descriptionKind(head string) whoKind {
	switch {
	case bodyWords[head] || documentNouns[head]:
		return kindBody
	case unnamedHeads[head] && strings.HasSuffix(head, "s") || head == "people" || groupWords[head]:
		return kindGroup
	case unnamedHeads[head] || titles[head] || roleWords[head]:
		return kindPerson
	case len(head) > 3 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss"):
		return kindGroup
	}
	return kindUnknown
}

// bodyWords head the name of an organisation or a document that speaks.
var bodyWords = map[string]bool{
	"government": true, "ministry": true, "department": true, "office": true, "agency": true,
	"embassy": true, "council": true, "committee": true, "commission": true, "administration": true,
	"kremlin": true, "campaign": true, "company": true, "party": true, "court": true, "statement": true,
	"document": true, "documents": true, "letter": true, "authorities": true, "leadership": true,
}

// groupWords head a description of several people.
var groupWords = map[string]bool{"group": true, "team": true, "panel": true, "delegation": true, "crowd": true}

// institution returns the words before the head h of a description that
// name an institution ("a state department spokesperson": state
// department, as "State Department"), or "".
func (x *extractor) institution(src [2]int, h int) string {
	e := h
	if e-1 < src[0] || !x.toks[e-1].in(cBodyWord) || x.toks[e-1].lower == "statement" {
		return ""
	}
	a := e - 1
	for a-1 >= src[0] && x.toks[a-1].kind == word && !x.toks[a-1].in(cDeterminer) && e-a < 3 {
		a--
	}
	words := make([]string, 0, e-a)
	for k := a; k < e; k++ {
		w := x.toks[k].text
		if w == x.toks[k].lower {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// pronoun resolves a pronoun source: to the source of the attribution the
// text continues, else the person an entity mention resolves it to, else
// (without mentions) the last named speaker; unresolved, the pronoun.
func (x *extractor) pronoun(pl string, src [2]int) who {
	if w, ok := x.continued(pl, src[0]); ok {
		return w
	}
	text := x.toks[src[0]].text
	kind := map[string]whoKind{"he": kindPerson, "she": kindPerson, "they": kindGroup, "it": kindBody}[pl]
	if len(x.mentions) > 0 {
		if m := x.mentionAt(src[0]); m != nil && m.Kind == storyline.Person {
			return who{name: mentionName(m), ref: mentionName(m), kind: kindPerson}
		}
		if pl == "he" || pl == "she" {
			start := x.toks[src[0]].start
			for i := len(x.mentions) - 1; i >= 0; i-- {
				m := &x.mentions[i]
				if m.End <= start && m.Kind == storyline.Person {
					return who{name: mentionName(m), ref: mentionName(m), kind: kindPerson}
				}
			}
		}
	}
	if pl == "he" || pl == "she" {
		if x.lastPerson != "" {
			return who{name: x.lastPerson, kind: kindPerson}
		}
		if x.lastName != "" {
			return who{name: x.lastName, kind: kindPerson}
		}
	}
	if pl == "it" || pl == "they" {
		if w, ok := x.nearestBody(src[0], pl == "they"); ok {
			return w
		}
	}
	return who{name: text, kind: kind}
}

// nearestBody returns the organisation or country nearest before the
// word k, in its sentence or the one before, outside quotations: what
// "it" or "they" stands for when no attribution came before ("Russia has
// withdrawn its envoy amid relations they describe as ..."). An
// organisation is an entity mention or a phrase headed by a word like
// "ministry"; for they, a plural description will do too.
func (x *extractor) nearestBody(k int, plural bool) (who, bool) {
	ends := 0
	from := k - 1
	if from > 0 && x.toks[from].text == "," {
		// "Russia, it said, was ready ...": the words before the comma
		// are what it said, not who
		for from >= 0 && !(x.toks[from].kind == para || x.toks[from].kind == punct && (x.toks[from].text == "." || x.toks[from].text == "?" || x.toks[from].text == "!")) {
			from--
		}
	}
	for j := from; j >= 0 && j >= k-80; j-- {
		t := &x.toks[j]
		if t.kind == para || t.kind == punct && (t.text == "." || t.text == "?" || t.text == "!") {
			if ends++; ends > 1 {
				break
			}
			continue
		}
		if t.kind != word || t.inQuote {
			continue
		}
		if len(x.mentions) > 0 {
			if m := x.mentionAt(j); m != nil {
				name := mentionName(m)
				switch {
				case m.Kind == storyline.Org:
					return who{name: name, ref: name, kind: kindBody}, true
				case m.Kind == storyline.Place && (m.Via == "metonym" || entity.IsCountry(name)):
					return who{name: government(name), ref: name, kind: kindBody}, true
				}
			}
		}
		if t.text == t.lower && (t.in(cInstitution) || plural && descriptionKind(t.lower) == kindGroup && t.in(cUnnamedHead)) {
			if np := x.sourceNP(j+1, max(0, j-6)); np[1] > np[0] && x.toks[np[0]].in(cDeterminer) {
				return x.description(np, j), true
			}
		}
	}
	return who{}, false
}

// bodyAfter reports whether an organisation or country is named outside
// quotations in the tokens [from, to).
func (x *extractor) bodyAfter(from, to int) bool {
	for j := from; j < to; j++ {
		t := &x.toks[j]
		if t.kind != word || t.inQuote {
			continue
		}
		if t.text == t.lower && t.in(cInstitution) {
			return true
		}
		if m := x.mentionAt(j); m != nil && (m.Kind == storyline.Org || m.Kind == storyline.Place && (m.Via == "metonym" || entity.IsCountry(mentionName(m)))) {
			return true
		}
	}
	return false
}

// institutions head a phrase that names an organisation ("the foreign
// ministry", "the embassy").
var institutions = map[string]bool{
	"ministry": true, "department": true, "office": true, "agency": true, "embassy": true,
	"government": true, "council": true, "committee": true, "commission": true, "administration": true,
	"campaign": true, "company": true, "party": true, "court": true, "kremlin": true,
}

// continued returns the source of the attribution before when the
// pronoun pl at token k continues it: the attribution is at most two
// sentences back, its source can be what the pronoun stands for (he or
// she a person; they people, a body or an unnamed source; it a body or an
// unnamed source), and no person is named outside quotations between the
// sentence that holds it and the pronoun.
func (x *extractor) continued(pl string, k int) (who, bool) {
	p := x.prev
	if p.who.name == "" || x.curSent-p.sentence > 2 {
		return who{}, false
	}
	w := p.who
	switch pl {
	case "he", "she":
		if w.kind != kindPerson {
			return who{}, false
		}
	case "they":
		if !(w.kind == kindGroup || w.kind == kindBody || w.unnamed && w.kind != kindUnknown) {
			return who{}, false
		}
	case "it":
		if !(w.kind == kindBody || w.unnamed && w.kind == kindPerson) {
			return who{}, false
		}
	default:
		return who{}, false
	}
	if x.personBetween(p.tok, k) {
		return who{}, false
	}
	if pl == "it" || pl == "they" {
		if b, ok := x.nearestBody(k, pl == "they"); ok && b.name != w.name && x.bodyAfter(p.tok, k) {
			return who{}, false // "The office published a report. It says ..."
		}
	}
	return w, true
}

// personBetween reports whether a person is named outside quotations in
// the tokens [from, to): by a mention (not a pronoun), or without
// mentions by a capitalised word the article uses as a surname.
func (x *extractor) personBetween(from, to int) bool {
	if from >= to {
		return false
	}
	if len(x.mentions) > 0 {
		a, b := x.toks[from].start, x.toks[to].start
		lo, hi := x.mentionsStarting(a, b)
		for i := lo; i < hi; i++ {
			m := &x.mentions[i]
			if m.Start < a || m.Start >= b || m.Kind != storyline.Person || m.Via == "pronoun" {
				continue
			}
			if t := x.tokenAt(m.Start); t >= 0 && !x.toks[t].inQuote {
				return true
			}
		}
		return false
	}
	for k := from; k < to; k++ {
		if x.toks[k].inQuote || !x.isCap(k) {
			continue
		}
		last := strings.TrimSuffix(strings.TrimSuffix(x.toks[k].text, "’s"), "'s")
		if _, ok := x.names[last]; ok {
			return true
		}
	}
	return false
}

// tokenAt returns the index of the token that starts at or covers the
// byte offset off, or -1.
func (x *extractor) tokenAt(off int) int {
	k := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].end > off })
	if k < len(x.toks) && x.toks[k].start <= off {
		return k
	}
	return -1
}

// fromText reads the speaker from the words of the source alone: the
// first run of capitalised words that is not an affiliation ("Scott
// Hawkins of Cheyenne") or a possessor ("Putin's spokesman Dmitry
// Peskov"), titles before the name dropped, a surname expanded to the
// full name used earlier; "the senator" as the last named speaker (without
// mentions); else the description.
func (x *extractor) fromText(src [2]int) who {
	var run []string
	possessor := ""
	for k := src[0]; k < src[1]; {
		if !x.isCap(k) {
			k++
			continue
		}
		j := k
		for j < src[1] && x.isCap(j) {
			j++
		}
		affiliation := k > src[0] && x.toks[k-1].in(cAffiliation) && len(run) == 0
		var r []string
		for m := k; m < j; m++ {
			if x.toks[m].in(cTitleBare) || x.toks[m].in(cRoleWord) {
				r = r[:0] // "Communications Director Jennifer Palmieri"
				continue
			}
			if len(r) == 0 && x.toks[m].in(cDeterminer) {
				continue // "Some critics": a determiner opening the sentence names no one
			}
			r = append(r, x.toks[m].text)
		}
		if len(r) > 0 && j < src[1] && possessiveWord(r[len(r)-1]) && x.hasCap([2]int{j, src[1]}) {
			r[len(r)-1] = strings.TrimSuffix(strings.TrimSuffix(r[len(r)-1], "’s"), "'s")
			possessor = x.fullName(r) // "Putin's spokesman Dmitry Peskov"
			k = j
			continue
		}
		if len(r) > 0 && !affiliation {
			run = r
			break
		}
		if len(r) > 0 && run == nil && !x.toks[src[0]].in(cDeterminer) {
			// keep an affiliation only if nothing better follows, and
			// never after a determiner: "the Ethiopian Minister of
			// Transport" is a description, not "Transport"
			run = r
		}
		k = j
	}
	if len(run) > 1 {
		if name := x.personIn(run); name != "" {
			// "Trump Responds to ... by Tweeting": a headline's capitals
			// around a person's surname
			return who{name: name, ref: name, principal: possessor, kind: kindPerson}
		}
	}
	if len(run) > 0 {
		name := x.fullName(run)
		return who{name: name, principal: possessor, kind: kindPerson}
	}
	h := x.headWord(src)
	if h < 0 {
		h = src[1] - 1
	}
	first := x.toks[src[0]].lower
	if len(x.mentions) == 0 && first == "the" && x.toks[h].in(cTitle) && x.lastPerson != "" && !x.describedAs(x.toks[h].lower) {
		return who{name: x.lastPerson, kind: kindPerson} // "the senator", "the ambassador"
	}
	return x.description(src, h)
}

// personIn returns the person the article's mentions name whose surname
// is a word of a run of capitalised words that no mention names ("Trump
// Responds"), or "" when there is none or the run holds another name.
func (x *extractor) personIn(run []string) string {
	name := ""
	for _, w := range run {
		for i := range x.mentions {
			m := &x.mentions[i]
			if m.Kind != storyline.Person || m.Via == "pronoun" || m.Via == "role" {
				continue
			}
			full := mentionName(m)
			var last [1]string
			if ws := nlp.LastFields(full, last[:]); len(ws) > 0 && ws[0] == w {
				if name != "" && name != full {
					return ""
				}
				name = full
			}
		}
	}
	return name
}

// describedAs reports whether an unnamed source with this head noun was
// seen since the last named speaker.
func (x *extractor) describedAs(head string) bool {
	for _, w := range x.described {
		if w.head == head && w.named == x.named {
			return true
		}
	}
	return false
}

// fullName joins a run of name words and expands a lone surname to the
// full name used earlier; a possessor's 's is dropped ("Putin's").
func (x *extractor) fullName(run []string) string {
	last := strings.TrimSuffix(strings.TrimSuffix(run[len(run)-1], "’s"), "'s")
	if len(run) == 1 {
		if full, ok := x.names[last]; ok {
			return full
		}
	}
	return strings.Join(run, " ")
}

func possessiveWord(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")
}

// copySpeaker gives q the speaker of prev ("..., adding that ...").
func copySpeaker(q *storyline.Quote, prev storyline.Quote) {
	q.Speaker, q.SpeakerRef, q.SpeakerEntity, q.Principal, q.Unnamed = prev.Speaker, prev.SpeakerRef, prev.SpeakerEntity, prev.Principal, prev.Unnamed
	q.SpeakerStart, q.SpeakerEnd = prev.SpeakerStart, prev.SpeakerEnd
}
