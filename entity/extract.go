// Package entity finds the people, organisations and places an article
// mentions, separates titles from names, and resolves short forms,
// descriptions ("the ambassador") and pronouns to the full name within the
// article. Canonicalize joins entities across articles.
//
// It uses rules, capitalisation, context and gazetteers built from
// permissively licensed data (see gazetteer/README.md); no model.
package entity

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	storyline "github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// mention is a mention under construction: a token range [a, b).
type mention struct {
	a, b       int
	kind       storyline.EntityKind
	name       string
	via        string
	role, aff  string
	unknown    bool
	metonym    bool
	sub        [2]int // byte span inside one hyphenated token, if set
	gender     byte
	appositive int // token index of a description just before ", Name", or -1
	drop       bool
	weak       uint8 // weakPlaceName's answer: 0 not read yet, 1 no, 2 yes
	// shout marks a word the dictionary does not know, alone among
	// ordinary words written in capitals ("ACME" in "ACME FINED AGAIN")
	shout bool
	// cityPerson marks a city's name read as a person's by its context
	// ("his daughter Paris")
	cityPerson bool
}

type extractor struct {
	text string
	toks []token
	lex  *lexicon
	ms   []*mention
	// midCap holds the words the text capitalises inside a sentence.
	midCap map[string]bool
	// headline marks the tokens of title-case lines ("Trump Responds to
	// Jet Crash"), where a capital says nothing of a name.
	headline []bool
	// models holds the words that follow a model number in the text
	// ("737 MAX", "A320 Neo"): parts of a product's name, never names.
	models map[string]bool

	// Buffers one call fills and the next reuses (the extractor goes
	// back to a pool after each call): the mentions' storage, the
	// cover of tokens by mentions, and the quotation marks.
	arena  []mention
	covers []*mention
	ix     tokenIndex
	// spans maps each token to the mention segment cut over it, if any
	// (segment's mentions never overlap; the places inside a hyphenated
	// word are left out).
	spans []*mention
	// resolveAliases' tables, emptied for each text
	aliases aliasTables
	// things holds the unknown names of two words or more that the text
	// writes after "the" ("the Deepwater Horizon rig"): no people.
	things map[string]bool
	// calm holds the words the text writes in capitals outside a
	// stretch of capitals ("BP said"), read once a text (acronymShape).
	calm map[string]bool
	// kept holds the mentions result returns, sorted there.
	kept []*mention
}

// emptied returns m with no entries: m cleared when it holds few, else a
// new map (clearing a map costs as much as the most it ever held).
func emptied[K comparable, V any](m map[K]V) map[K]V {
	if m == nil || len(m) > 256 {
		return map[K]V{}
	}
	clear(m)
	return m
}

// aliasTables are the look-up tables of resolveAliases.
type aliasTables struct {
	personWords, orgFirst, orgInitials map[string][]int
	personsOf, orgsOf                  map[string][]*mention
	known                              map[string]*mention
	words                              []string // the words of the full names
	toks                               []int    // their tokens
}

// reset empties the tables for a text of n tokens.
func (t *aliasTables) reset(n int) {
	t.personWords, t.orgFirst, t.orgInitials = emptied(t.personWords), emptied(t.orgFirst), emptied(t.orgInitials)
	t.personsOf, t.orgsOf, t.known = emptied(t.personsOf), emptied(t.orgsOf), emptied(t.known)
	if cap(t.words) < n {
		// no full name's words need more room than the text's tokens:
		// the slices handed out are never moved
		t.words, t.toks = make([]string, 0, n), make([]int, 0, n)
	}
	t.words, t.toks = t.words[:0], t.toks[:0]
}

// extractors holds extractors for Extract to reuse, with their buffers.
var extractors = sync.Pool{New: func() any { return new(extractor) }}

// prepare readies the extractor for text: its tokens, their index, the
// title-case lines, the common words capitalised inside a sentence and
// the words of model names.
func (x *extractor) prepare(lt nlp.Lowered) {
	x.lex = lex() // first: tokenize reads its given names
	x.text, x.toks = lt.Text(), tokenizeInto(x.toks, lt, &x.ix)
	x.ms, x.arena, x.models, x.calm = x.ms[:0], x.arena[:0], nil, nil
	x.midCap = emptied(x.midCap)
	x.headline = x.headlines()
	for _, i := range x.ix.starts {
		t := &x.toks[i]
		if t.cap && !t.sentStart && i > 0 && x.toks[i-1].word && !x.headline[i] {
			x.midCap[t.text] = true
		}
	}
	x.models = x.modelWords()
}

// spanMentions fills x.spans from segment's mentions.
func (x *extractor) spanMentions() {
	x.spans = resized(x.spans, len(x.toks))
	for _, m := range x.ms {
		if m.sub == [2]int{} {
			for k := m.a; k < m.b; k++ {
				x.spans[k] = m
			}
		}
	}
}

// newMention stores m in the extractor's arena and returns it.
func (x *extractor) newMention(m mention) *mention {
	if len(x.arena) == cap(x.arena) {
		// a new block: the mentions already made keep the old one
		x.arena = make([]mention, 0, max(64, 2*cap(x.arena)))
	}
	x.arena = append(x.arena, m)
	return &x.arena[len(x.arena)-1]
}

// resized returns buf with length n, every element zero.
func resized[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// Extract finds the mentions of people, organisations and places in text,
// in order, with byte offsets into text. Each carries the entity's full
// name as resolved within the text; descriptions and pronouns are returned
// only when they resolve to a named person. It is safe for concurrent use.
func Extract(text string) []storyline.Mention { return ExtractLowered(nlp.Lower(text)) }

// ExtractLowered is Extract of lt's text, given lowered already (for the
// other extractors reading the same text).
func ExtractLowered(lt nlp.Lowered) []storyline.Mention {
	x := extractors.Get().(*extractor)
	x.prepare(lt)
	x.segment()
	x.citiesAsPersons()
	x.spanMentions()
	x.classify()
	x.unglueVerbs()
	x.resolveAliases()
	x.descriptions(x.readRoles())
	x.pronouns()
	x.dropSpelledOut()
	out := x.result()
	// Nothing of the extractor outlives the call: the mentions hold
	// strings of the text and their own fields.
	x.text = ""
	extractors.Put(x)
	return out
}

func (x *extractor) lower(i int) string { return x.toks[i].low }

// isWord reports whether token i is a word of one of the lists f names.
func (x *extractor) isWord(i int, f wordFlags) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].word && x.is(i, f)
}

// is reports whether token i's word is in one of the closed lists f
// names (read once a token).
func (x *extractor) is(i int, f wordFlags) bool { return x.lex.list(&x.toks[i])&f != 0 }

// isCommon reports whether token i is an ordinary English word: a common
// word, a stop word or a word that is never a name (readWords).
func (x *extractor) isCommon(i int) bool { return x.look(i).flags&fCommon != 0 }

// look returns token i with its dictionary flags read (fLexCommon,
// fCommon).
func (x *extractor) look(i int) *token { return x.lex.look(&x.toks[i]) }

// nameID returns the id of token i's word in the gazetteer's trie, read
// once a token.
func (x *extractor) nameID(i int) int32 {
	t := &x.toks[i]
	if !t.named {
		t.named = true
		t.nameID = x.lex.names.ids[t.low]
	}
	return t.nameID
}

// gaz returns the longest gazetteer entry starting at token i and ending
// before e, and its length in tokens: a name whose last word is
// capitalised, and an acronym's only where it is written in capitals.
func (x *extractor) gaz(i, e int) (entry, int) {
	t := &x.toks[i]
	if !t.cap && !t.upper {
		return entry{}, 0
	}
	best, n := int32(0), 0
	for node, k := int32(0), i; k < e; k++ {
		if node = x.lex.names.step(node, x.nameID(k)); node == 0 {
			break
		}
		last := &x.toks[k]
		if nd := &x.lex.names.nodes[node]; nd.known && last.word && (last.cap || last.upper) && !(nd.en.acronym && k == i && !t.upper) {
			best, n = node, k-i+1
		}
	}
	if n == 0 {
		return entry{}, 0
	}
	return x.lex.names.nodes[best].en, n
}

// named reports whether token i's word alone is a gazetteer name.
func (x *extractor) named(i int) bool {
	return x.lex.names.known(x.nameID(i))
}

// weakPlaceName reports whether m's tokens spell a GeoNames place name
// (read once a mention).
func (x *extractor) weakPlaceName(m *mention) bool {
	if m.weak == 0 {
		m.weak = 1
		if x.spellsWeakPlace(m.a, m.b) {
			m.weak = 2
		}
	}
	return m.weak == 2
}

// spellsWeakPlace reports whether tokens [a, b) spell a GeoNames place name.
func (x *extractor) spellsWeakPlace(a, b int) bool {
	node := int32(0)
	for k := a; k < b; k++ {
		if node = x.lex.weak.step(node, x.lex.weak.ids[x.toks[k].low]); node == 0 {
			return false
		}
	}
	return a < b && x.lex.weak.nodes[node].known
}

func (x *extractor) add(m *mention) {
	x.ms = append(x.ms, m)
}

// segment cuts the text's capitalised runs into gazetteer names,
// organisations, titles and unknown names.
func (x *extractor) segment() {
	toks := x.toks
	// Only the words of ix.starts can start a run or hold a place: the
	// others are all passed over one by one.
	i := 0
	for _, s := range x.ix.starts {
		if s < i {
			continue // inside the run before
		}
		i = s
		t := &toks[i]
		if t.hyphen && x.hyphenParts(i) {
			i++
			continue
		}
		if !x.capital(i) && !isParticleName(t.text) {
			i++
			continue
		}
		e := i + 1
		for e < len(toks) {
			n := &toks[e]
			if n.newline || n.sentStart {
				break
			}
			if n.word && n.upper && !toks[i].upper && x.shouted(e) {
				break // "Obama FAILED", "Obama JUST GOT BACK": shouting after a name
			}
			if n.word && (x.capital(e) && !n.hyphen || isParticleName(n.text)) {
				e++
				continue
			}
			if n.word && n.hyphen && x.capital(e) && !x.hasPlacePart(e) {
				e++
				continue
			}
			if (n.word && x.is(e, fConnector)) || n.text == "&" {
				// a connector joins only when a capitalised word follows
				k := e + 1
				for k < len(toks) && toks[k].word && x.is(k, fConnector) && !toks[k].cap {
					k++
				}
				if k < len(toks) && toks[k].word && x.capital(k) && !toks[k].newline && k-e <= 2 {
					e = k
					continue
				}
			}
			break
		}
		x.segmentRun(i, e)
		i = e
	}
}

func isParticleName(s string) bool {
	// "el-Sisi", "al-Assad"
	return (strings.HasPrefix(s, "el-") || strings.HasPrefix(s, "al-")) && len(s) > 3 && s[3] >= 'A' && s[3] <= 'Z'
}

// hasPlacePart reports whether hyphenated token i has a part that names a place.
func (x *extractor) hasPlacePart(i int) bool {
	for _, p := range splitHyphen(x.toks[i].text) {
		if _, ok := x.lex.phrases[strings.ToLower(x.toks[i].text[p[0]:p[1]])]; ok && p[0] < p[1] {
			if en := x.lex.phrases[strings.ToLower(x.toks[i].text[p[0]:p[1]])]; en.kind == storyline.Place {
				return true
			}
		}
	}
	return false
}

// hyphenParts emits the places inside a hyphenated word ("Russia-US",
// "anti-Russian", "Iranian-backed") and reports whether it found any.
func (x *extractor) hyphenParts(i int) bool {
	t := &x.toks[i]
	if x.named(i) {
		return false // a name of its own: "Guinea-Bissau"
	}
	found := false
	for _, p := range splitHyphen(t.text) {
		part := t.text[p[0]:p[1]]
		if part == "" || !(part[0] >= 'A' && part[0] <= 'Z') {
			continue
		}
		en, ok := x.lex.phrases[strings.ToLower(part)]
		if !ok || en.kind != storyline.Place {
			continue
		}
		m := x.newMention(mention{a: i, b: i + 1, kind: storyline.Place, name: en.name, sub: [2]int{int(t.start) + p[0], int(t.start) + p[1]}, appositive: -1})
		switch {
		case en.demonym:
			m.via = "adjective"
		case en.metonym:
			m.name, m.via = en.country, "metonym"
		case en.short:
			m.via = "alias"
		}
		x.add(m)
		found = true
	}
	return found
}

func splitHyphen(s string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range s {
		if r == '-' || r == '‑' {
			out = append(out, [2]int{start, i})
			start = i + len(string(r))
		}
	}
	return append(out, [2]int{start, len(s)})
}

// segmentRun splits one run of capitalised words [s, e).
func (x *extractor) segmentRun(s, e int) {
	toks := x.toks
	for p := s; p < e; {
		w := x.lower(p)
		if x.is(p, fConnector) || toks[p].text == "&" || !toks[p].word || w == "a" || w == "an" {
			p++ // "A State Department spokesperson": the article is no part of a name
			continue
		}
		en, n := x.gaz(p, e)
		if n == 1 && en.demonym {
			// "British Museum", "Russian Foreign Ministry": the adjective
			// is part of the organisation's name
			if h := x.orgEnd(p, e); h > p+1 && !x.writtenAlone(p+1, h) {
				x.add(x.newMention(mention{a: p, b: h, kind: storyline.Org, name: x.orgName(p, h), appositive: -1}))
				p = h
				continue
			}
		}
		if n > 0 && (en.demonym || en.short) {
			x.addGaz(p, p+n, en)
			p += n
			continue
		}
		if n == 0 && x.capsFiller(p, s, e) {
			p++ // "AT", "THEY" in a line of capitals: no name starts there
			continue
		}
		if h := x.orgEnd(p, e); h > 0 && p+n < h {
			x.add(x.newMention(mention{a: p, b: h, kind: storyline.Org, name: x.orgName(p, h), appositive: -1}))
			p = h
			continue
		}
		if n == 1 && !en.demonym && !en.short && !en.metonym && en.country != en.name && p+1 < e &&
			toks[p+1].word && toks[p+1].cap && !x.isCommon(p+1) && !x.is(p+1, fTitleNoun|fTitleMod) {
			if _, k := x.gaz(p+1, e); k == 0 && (x.givenName(p) || !x.fullNameAt(p+1, e)) {
				n = 0 // "Aurora Williams": a region's name as a given name; not "Miami Barack Obama"
			}
		}
		// "Paris Michael Katherine Jackson": a city's name as the first of
		// three given names, not a dateline before a full name
		firstOfThree := n == 1 && x.fullNameAt(p+1, e) && x.fullNameAt(p+2, e)
		if firstOfThree {
			n = 0
		}
		if n == 1 && (en.city || en.metonym) && x.cityAsPerson(p, e) {
			x.add(x.newMention(mention{a: p, b: p + 1, kind: storyline.Person, name: x.span(p, p+1), appositive: -1, cityPerson: true}))
			p++
			continue
		}
		if n > 0 {
			x.addGaz(p, p+n, en)
			p += n
			continue
		}
		if x.is(p, fTitleNoun|fTitleMod|fNotName|fPluralTitle) || x.functionWord(p) {
			p++ // "Presidents Vladimir Putin and Joe Biden": a title, no name; "But Obama"
			continue
		}
		if toks[p].sentStart && x.isCommon(p) && !x.midCap[toks[p].text] {
			p++
			continue
		}
		if b := x.capsPlace(p, s, e); b > 0 {
			x.add(x.newMention(mention{a: p, b: b, kind: storyline.Place, name: x.span(p, b), appositive: -1}))
			p = b
			continue
		}
		if x.capsCommon(p, s, e) {
			p++ // "SHARES HIT NEW LOW": shouting, no name
			continue
		}
		q := p + 1
		for q < e {
			if x.is(q, fParticle) || isParticleName(toks[q].text) {
				q++
				continue
			}
			if toks[q].text == "&" && q+1 < e {
				q++
				continue
			}
			if x.is(q, fConnector|fTitleNoun|fNotName) || x.functionWord(q) {
				break
			}
			if toks[q].upper && !toks[p].upper && x.shouted(q) {
				break // "BECAUSE Marsh KNEW": shouting after a name
			}
			if toks[p].upper && x.capsCommon(q, s, e) {
				break // "ACME FINED AGAIN": an acronym before shouting
			}
			if x.fullNameAt(q, e) && !x.givenName(p) && !firstOfThree {
				break // "Reuters Barack Obama", "End Quote Barack Obama": debris before a full name
			}
			if en, k := x.gaz(q, e); k > 0 && !(en.city && !en.metonym && k == 1) {
				break // a city inside a run is part of the name: "Morgan Stanley"
			}
			q++
		}
		for q > p+1 && x.is(q-1, fParticle) {
			q--
		}
		x.add(x.newMention(mention{a: p, b: q, unknown: true, appositive: -1, shout: q == p+1 && x.inCaps(p, s, e)}))
		p = q
	}
}

func (x *extractor) addGaz(a, b int, en entry) {
	m := x.newMention(mention{a: a, b: b, kind: en.kind, name: en.name, appositive: -1})
	switch {
	case en.demonym:
		m.via = "adjective"
	case en.metonym:
		m.metonym = true
		m.name = en.name
		if x.actsAsState(a, b, en) {
			m.name, m.via = en.country, "metonym"
		}
	case en.short || !strings.EqualFold(x.span(a, b), en.name):
		m.via = "alias"
	}
	x.add(m)
}

// actsAsState reports whether a capital at [a, b) stands for its country:
// "Moscow said", "relations between Moscow and Washington", but not "in
// Moscow" or "returned to Moscow". The Kremlin always does.
func (x *extractor) actsAsState(a, b int, en entry) bool {
	if strings.EqualFold(en.name, "Kremlin") || strings.EqualFold(en.name, "Downing Street") || strings.EqualFold(en.name, "Whitehall") {
		return true
	}
	prev := a - 1
	if prev >= 0 && x.toks[prev].word && x.lower(prev) == "the" {
		prev--
	}
	if prev >= 0 && x.toks[prev].word {
		w := x.lower(prev)
		if w == "between" || w == "and" {
			return true
		}
		if x.is(prev, fLocative) {
			return false
		}
	}
	return true
}

// orgEnd returns the end of an organisation name that starts at p and ends
// with a head word ("Foreign Ministry", "Food and Drug Administration",
// "University of Otago"), or 0.
func (x *extractor) orgEnd(p, e int) int {
	toks := x.toks
	for h := p; h < e; h++ {
		w := x.lower(h)
		if !toks[h].word && toks[h].text != "&" {
			return 0
		}
		f := x.lex.list(&toks[h])
		if w == "and" || w == "&" {
			if h == p || !(x.isCommon(h-1) || x.is(h-1, fOrgHead)) {
				return 0
			}
			if _, n := x.gaz(p, h); n == h-p {
				return 0 // "United States and ...": a place, not part of a name
			}
			continue
		}
		if f&fStopword != 0 && w != "of" && w != "the" && x.inCaps(h, p, e) {
			return 0 // "NEW CAP FOR LEAKING OIL": a headline, not a name
		}
		if f&fOrgHead != 0 && f&fTitleMod != 0 && h+1 < e && x.is(h+1, fTitleNoun) {
			return 0 // "Energy Minister", "Health Minister": a title
		}
		if f&fOrgHead != 0 && h > p {
			if x.commonOrg(p, h) {
				return 0
			}
			end := h + 1
			for end < e && toks[end].word && (x.is(end, fOrgHead) || x.lower(end) == "co" || x.lower(end) == "co.") {
				end++ // "Rochester Police Department", "Huawei Technologies Co Ltd"
			}
			if end < e && (x.lower(end) == "of" || x.lower(end) == "for") {
				end = e
				for k := h + 1; k < e; k++ {
					if lk := x.lower(k); lk == "and" || lk == "&" {
						end = k
						break
					}
				}
			}
			return end
		}
		if (f&fTitleNoun != 0 && f&fTitleMod == 0) || w == "of" {
			if w == "of" && x.is(p, fOrgHead) {
				continue
			}
			return 0
		}
		if f&fOrgHead != 0 && h == p {
			// "University of Otago", "Bank of England", "Office of ..."
			if h+1 < e && x.lower(h+1) == "of" {
				end := e
				for k := h + 1; k < e; k++ {
					if lk := x.lower(k); lk == "and" || lk == "&" {
						end = k
						break
					}
				}
				return end
			}
			continue
		}
	}
	return 0
}

// span returns the text of tokens [a, b).
func (x *extractor) span(a, b int) string {
	return x.text[x.toks[a].start:x.toks[b-1].end]
}

// prevWord returns the index of the word before token i in its sentence, or -1.
func (x *extractor) prevWord(i int) int {
	for k := i - 1; k >= 0; k-- {
		if x.toks[k].word {
			if x.toks[k].sent != x.toks[i].sent || x.shoutedStop(k) {
				return -1
			}
			return k
		}
		if x.toks[k].text != "'s" && x.toks[k].text != "’s" {
			return -1
		}
	}
	return -1
}

// classify decides what the unknown names are, from their words and context.
func (x *extractor) classify() {
	x.things = x.thingNames()
	for _, m := range x.ms {
		if !m.unknown {
			continue
		}
		allCommon := true
		for k := m.a; k < m.b; k++ {
			if x.toks[k].word && (!x.isCommon(k) || (x.toks[k].sentStart && x.midCap[x.toks[k].text])) {
				allCommon = false
			}
		}
		first := x.toks[m.a].text
		_, given := x.lex.gender[first]
		prev := m.a - 1
		prevW := ""
		if prev >= 0 && x.toks[prev].word && x.toks[prev].sent == x.toks[m.a].sent && !x.shoutedStop(prev) {
			prevW = x.lower(prev)
		}
		hasAmp := false
		allUpper := true
		for k := m.a; k < m.b; k++ {
			if x.toks[k].text == "&" {
				hasAmp = true
			}
			if x.toks[k].word && !x.toks[k].upper {
				allUpper = false
			}
		}
		titled := prevW != "" && x.is(prev, fTitleNoun|fMale|fFemale|fPluralTitle)
		if m.b-m.a == 1 && !hasAmp && !allUpper && !titled && !x.orgContext(m) {
			continue // single words wait for resolveAliases
		}
		switch {
		case allUpper && allCommon:
			m.drop = true // "BREAKING", "UPDATE": shouting, not an acronym
		case hasAmp || allUpper:
			m.kind = storyline.Org
		case x.orgContext(m):
			m.kind = storyline.Org
		case !titled && x.weakPlace(m, given):
			m.kind = storyline.Place
		case titled:
			m.kind = storyline.Person
		case (prevW == "in" || prevW == "near") && m.b-m.a == 1:
			m.kind = storyline.Place
		case m.b-m.a >= 2 && x.coordinated(m) != "" && !given:
			// "Washington and John Sullivan": a given name makes a person
			m.kind = x.coordinated(m)
		case given:
			m.kind = storyline.Person
		case allCommon:
			m.drop = true
		case x.is(m.b-1, fPlaceHead) && m.b-m.a >= 2:
			m.kind = storyline.Place // "Suez Canal", "Black Sea"
		case x.isWord(m.b, fPlaceNoun) || ((prevW == "in" || prevW == "near" || prevW == "of") && m.b-m.a <= 2 && x.townOf(prev)):
			m.kind = storyline.Place
		case (prevW == "in" || prevW == "near") && !given:
			m.kind = storyline.Place
		case (prevW == "at" || prevW == "of") && !given && !titled:
			m.kind = storyline.Org
		case m.b-m.a >= 2 && x.things[x.span(m.a, m.b)]:
			m.kind = storyline.Org // "the Deepwater Horizon", "the Exxon Valdez": a thing's name
		case m.b-m.a >= 2:
			m.kind = storyline.Person
		default:
			continue // single words wait for resolveAliases
		}
		m.name = x.span(m.a, m.b)
		m.unknown = false
	}
}

// placeHeads end the names of natural and built places.
var placeHeads = set("canal", "strait", "straits", "sea", "ocean", "gulf", "bay", "river", "lake",
	"mountains", "mountain", "island", "islands", "peninsula", "desert", "valley", "coast", "plateau",
	"cathedral", "mosque", "temple", "palace", "stadium", "square", "bridge")

// prefixes are word prefixes written with a hyphen: "pre-election".
var prefixes = set("pre", "post", "anti", "non", "ex", "co", "re", "mid", "pro", "semi", "multi", "inter", "self", "vice")

// weakPlace reports whether m is a GeoNames place name in a place's
// context: after "in", "from", "to", "between" and the like, before ", "
// and a country or region, beside another place, or, for a name of two
// words or more that does not start with a given name, anywhere.
func (x *extractor) weakPlace(m *mention, given bool) bool {
	if !x.weakPlaceName(m) {
		return false
	}
	if m.b-m.a >= 2 && !given {
		return true
	}
	if p := x.prevWord(m.a); p >= 0 {
		switch x.lower(p) {
		case "in", "near", "from", "to", "between", "across", "outside", "via", "into", "toward", "towards", "around":
			return true
		case "and":
			// "between Leith and Aberdeen"
			for k, n := p-1, 0; k >= 0 && n < 4 && x.toks[k].sent == x.toks[p].sent; k, n = k-1, n+1 {
				if x.lower(k) == "between" || x.lower(k) == "from" {
					return true
				}
			}
		}
	}
	if m.b+1 < len(x.toks) && x.toks[m.b].text == "," {
		if en, n := x.gaz(m.b+1, len(x.toks)); n > 0 && en.kind == storyline.Place && !en.city && !en.demonym {
			return true
		}
	}
	return x.coordinated(m) == storyline.Place
}

// coordinated returns the kind of a known mention joined to m by "and",
// "or" or a comma ("Leeds, Bristol and Glasgow"), or "".
func (x *extractor) coordinated(m *mention) storyline.EntityKind {
	// at is the kind of the known mention over token k
	at := func(k int) storyline.EntityKind {
		if o := x.spans[k]; o != nil && o != m && !o.unknown && !o.drop && o.kind != "" && o.via != "adjective" {
			return o.kind
		}
		return ""
	}
	word := func(k int) string {
		if k < 0 || k >= len(x.toks) {
			return ""
		}
		return x.toks[k].low
	}
	// a comma joins only inside a list that "and" or "or" closes
	list := false
	for k := m.b; k < len(x.toks) && k < m.b+8 && x.toks[k].sent == x.toks[m.a].sent; k++ {
		if w := word(k); w == "and" || w == "or" {
			list = true
			break
		} else if w != "," && !(x.toks[k].word && x.toks[k].cap) {
			break
		}
	}
	isJoin := func(k int) bool {
		w := word(k)
		return w == "and" || w == "or" || (w == "," && list)
	}
	if isJoin(m.a-1) && m.a >= 2 {
		if k := at(m.a - 2); k != "" {
			return k
		}
	}
	if isJoin(m.b) && m.b+1 < len(x.toks) {
		if k := at(m.b + 1); k != "" {
			return k
		}
	}
	return ""
}

// townOf reports whether the word before token i is a place noun ("the town of").
func (x *extractor) townOf(i int) bool {
	if x.lower(i) != "of" {
		return true
	}
	p := x.prevWord(i)
	return p >= 0 && x.is(p, fPlaceNoun)
}

// orgContext: "the company Codelco", "Helvia Pharma, a drug maker".
func (x *extractor) orgContext(m *mention) bool {
	if k := m.a - 1; k >= 0 && x.toks[k].word && x.is(k, fOrgClass) {
		return true
	}
	if x.makerBefore(m.a, m.b) {
		return true // "Boeing 737": the maker of a model
	}
	if x.isWord(m.b, fCorporateTitle) {
		return true // "Boeing CEO Dennis Muilenburg"
	}
	if m.b-m.a == 1 && (x.itsAfter(m.b) || x.itReported(m.b)) && !x.surname(x.toks[m.a].text) {
		return true // "Boeing has fired its CEO", "Boeing announced Friday it would cut"
	}
	if p := x.prevWord(m.a); p >= 0 && p == m.a-1 && x.lower(p) == "of" && x.isWord(p-1, fCorporateTitle) {
		return true // "the CEO of Boeing"
	}
	if m.b+1 < len(x.toks) && x.toks[m.b].text == "," {
		k := m.b + 1
		if w := x.lower(k); w == "a" || w == "an" || w == "the" {
			for n := 0; n < 6 && k < len(x.toks) && x.toks[k].word; n, k = n+1, k+1 {
				if x.is(k, fTitleNoun) {
					return false // "Maria Zakharova, a spokesperson for the ministry"
				}
				if x.is(k, fOrgClass) {
					// "Codelco, the state miner," but not "to replace
					// Muilenburg, the company announced": a clause
					return !x.isWord(k+1, fSpeechVerb)
				}
			}
		}
	}
	return false
}

// resolveAliases gives short names their full name within the article:
// "Antonov" after "Anatoly Antonov", "Nortek" after "Nortek Systems",
// "WHO" after "World Health Organization".
func (x *extractor) resolveAliases() {
	type full struct {
		m     *mention
		words []string
		toks  []int // the tokens of words
		// initials of an organisation's words but "of", "and", "the",
		// "for" and "&" ("WHO" for "World Health Organization")
		initials string
	}
	tables := &x.aliases
	tables.reset(len(x.toks))
	var persons, orgs []full
	for _, m := range x.ms {
		if m.unknown || m.drop || m.b-m.a < 2 || m.kind != storyline.Person && m.kind != storyline.Org {
			continue
		}
		from := len(tables.words)
		for k := m.a; k < m.b; k++ {
			if x.toks[k].word {
				tables.words = append(tables.words, x.toks[k].text)
				tables.toks = append(tables.toks, k)
			}
		}
		ws, ks := tables.words[from:len(tables.words):len(tables.words)], tables.toks[from:len(tables.toks):len(tables.toks)]
		switch m.kind {
		case storyline.Person:
			persons = append(persons, full{m: m, words: ws, toks: ks})
		case storyline.Org:
			var ini strings.Builder
			for _, fw := range ws {
				if lw := strings.ToLower(fw); lw != "of" && lw != "and" && lw != "the" && lw != "for" && lw != "&" {
					ini.WriteByte(fw[0])
				}
			}
			orgs = append(orgs, full{m, ws, ks, ini.String()})
		}
	}
	// "Katherine" in "Katherine and Joe Jackson" is Katherine Jackson, a
	// full name of its own that a later "Katherine" is short for
	var shared []*mention
	for i, m := range x.ms {
		if i+1 < len(x.ms) {
			if sur := x.sharedSurname(m, x.ms[i+1]); sur != nil {
				m.kind, m.name, m.unknown, m.via = storyline.Person, x.span(m.a, m.b)+" "+x.span(sur[0], sur[len(sur)-1]+1), false, "alias"
				ws := []string{x.toks[m.a].text}
				for _, k := range sur {
					ws = append(ws, x.toks[k].text)
				}
				persons = append(persons, full{m: m, words: ws, toks: append([]int{m.a}, sur...)})
				shared = append(shared, m)
			}
		}
	}
	// find returns the full name in list that m's word is short for: the
	// nearest one before m, else the first. matching holds, for each word
	// asked about, the full names in list it matches, in order.
	// Only the full names that hold a word m's word equals in case-folded
	// form (or, for organisations, whose initials it spells) can match
	// it: cands lists those, in list order, so find tries no other.
	find := func(m *mention, list []full, cands func(k int) []int, match func(f full, w string) bool, matching map[string][]*mention) *mention {
		w := x.span(m.a, m.b)
		fulls, ok := matching[w]
		if !ok {
			for _, i := range cands(m.a) {
				if f := list[i]; match(f, w) {
					fulls = append(fulls, f.m)
				}
			}
			matching[w] = fulls
		}
		var best *mention
		for _, f := range fulls {
			if f == m {
				continue
			}
			if best == nil || (f.a < m.a && (best.a > m.a || f.a > best.a)) {
				best = f
			}
		}
		return best
	}
	personWords, orgFirst, orgInitials := tables.personWords, tables.orgFirst, tables.orgInitials
	for i, f := range persons {
		for _, k := range f.toks {
			key := x.foldKey(k)
			if ids := personWords[key]; len(ids) == 0 || ids[len(ids)-1] != i {
				personWords[key] = append(ids, i)
			}
		}
	}
	for i, f := range orgs {
		if len(f.toks) == 0 {
			continue
		}
		orgFirst[x.foldKey(f.toks[0])] = append(orgFirst[x.foldKey(f.toks[0])], i)
		orgInitials[f.initials] = append(orgInitials[f.initials], i)
	}
	personCands := func(k int) []int { return personWords[x.foldKey(k)] }
	orgCands := func(k int) []int {
		first, ini := orgFirst[x.foldKey(k)], orgInitials[strings.ReplaceAll(x.toks[k].text, ".", "")]
		if len(ini) == 0 {
			return first
		}
		return slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(first), ini...))))
	}
	personsOf, orgsOf := tables.personsOf, tables.orgsOf
	personMatch := func(f full, w string) bool {
		if strings.EqualFold(f.words[len(f.words)-1], w) || strings.EqualFold(f.words[0], w) {
			return true
		}
		// "Lula" in "Luiz Inacio Lula da Silva", "Sidorenko" in a three-word
		// name; not a given name in the middle: "Katherine" alone is not
		// Michael Katherine Jackson, whose first name is another
		for _, fw := range f.words[1:] {
			if fw == w && !particles[strings.ToLower(fw)] && x.lex.gender[fw] == 0 {
				return true
			}
		}
		return false
	}
	orgMatch := func(f full, w string) bool {
		if strings.EqualFold(f.words[0], w) && !x.lex.common[strings.ToLower(w)] {
			return true
		}
		return len(f.initials) >= 2 && f.initials == strings.ReplaceAll(w, ".", "")
	}
	// places first, so that a later "Rotterdam said" is still the place
	for _, m := range x.ms {
		if m.unknown && !m.drop && m.b-m.a == 1 && x.weakPlace(m, false) {
			m.kind, m.name, m.unknown = storyline.Place, x.span(m.a, m.b), false
		}
	}
	known := tables.known
	for _, m := range x.ms {
		if !m.unknown && !m.drop && m.kind != "" && m.sub == [2]int{} && m.via == "" {
			known[x.span(m.a, m.b)] = m
		}
	}
	for _, m := range x.ms {
		if m.drop || m.b-m.a != 1 || slices.Contains(shared, m) {
			continue
		}
		if !m.unknown && m.kind != storyline.Person && m.kind != storyline.Org {
			continue
		}
		k := known[x.span(m.a, m.b)]
		if m.unknown && k != nil && k != m && k.kind != storyline.Person {
			m.kind, m.name, m.unknown = k.kind, k.name, false // the same word as before
			continue
		}
		if m.kind == storyline.Person || m.unknown || m.shout && !x.acronymShape(m.a) {
			if f := find(m, persons, personCands, personMatch, personsOf); f != nil {
				m.kind, m.name, m.unknown = storyline.Person, f.name, false
				if m.name != x.span(m.a, m.b) {
					m.via = "alias"
				}
				continue
			}
		}
		if m.unknown && k != nil && k != m && k.b-k.a == 1 {
			// "Trump," after "President Trump": the person the same
			// word named, when no full name is known
			m.kind, m.name, m.unknown = k.kind, k.name, false
			continue
		}
		if m.kind == storyline.Org && !m.unknown && !x.toks[m.a].upper {
			continue // an organisation by its context ("Boeing 737") keeps its own name
		}
		if m.kind == storyline.Org || m.unknown {
			if f := find(m, orgs, orgCands, orgMatch, orgsOf); f != nil {
				m.kind, m.name, m.unknown, m.via = storyline.Org, f.name, false, "alias"
				continue
			}
		}
		if m.shout && !x.acronymShape(m.a) {
			m.drop = true // "RESCUERS", "WEEKS" in a headline, no name of the text's
			continue
		}
		if !m.unknown {
			continue
		}
		m.unknown = false
		prev := x.prevWord(m.a)
		switch {
		case x.weakPlace(m, false):
			m.kind = storyline.Place
		case prev >= 0 && (x.lower(prev) == "in" || x.lower(prev) == "near") && !x.isCommon(m.a):
			m.kind = storyline.Place
		case x.isWord(m.b, fSpeechVerb) && !x.isCommon(m.a) && !x.is(m.a, fOrgHead):
			m.kind = storyline.Person // not "Department indicated", "Office says"
		case x.coordinated(m) != "":
			m.kind = x.coordinated(m)
		case prev >= 0 && prev == m.a-1 && x.is(prev, fTitleNoun|fMale|fFemale):
			m.kind = storyline.Person // "Minister Ivanov"; not "the Prime Minister's Office"
		case prev >= 0 && x.is(prev, fOrgClass):
			m.kind = storyline.Org
		case prev >= 0 && x.lower(prev) == "at" && !x.isCommon(m.a):
			m.kind = storyline.Org
		default:
			m.drop = true
			continue
		}
		m.name = x.span(m.a, m.b)
	}
}

// foldKey is the foldKey of token k's text, read from its lower case
// when that is plain ASCII.
func (x *extractor) foldKey(k int) string {
	t := &x.toks[k]
	for i := 0; i < len(t.low); i++ {
		if t.low[i] >= utf8.RuneSelf {
			return foldKey(t.text)
		}
	}
	return t.low
}

// result turns the mentions into storyline.Mentions, in text order.
func (x *extractor) result() []storyline.Mention {
	x.kept = x.kept[:0]
	for _, m := range x.ms {
		if !m.drop && !m.unknown && m.kind != "" {
			x.kept = append(x.kept, m)
		}
	}
	// sorted as pointers, not as the mentions they become (a stable sort
	// of the kept is the kept of a stable sort)
	slices.SortStableFunc(x.kept, func(a, b *mention) int { return cmp.Compare(x.start(a), x.start(b)) })
	out := make([]storyline.Mention, 0, len(x.kept))
	for _, m := range x.kept {
		start, end := int(x.toks[m.a].start), int(x.toks[m.b-1].end)
		if m.sub != [2]int{} {
			start, end = m.sub[0], m.sub[1]
		}
		out = append(out, storyline.Mention{
			Start: start, End: end, Text: x.text[start:end],
			Kind: m.kind, Name: m.name, Role: m.role, Affiliation: m.aff, Via: m.via,
		})
	}
	return out
}

// start returns where m starts in the text.
func (x *extractor) start(m *mention) int {
	if m.sub != [2]int{} {
		return m.sub[0]
	}
	return int(x.toks[m.a].start)
}
