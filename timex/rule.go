package timex

import (
	"fmt"
	"strconv"
	"strings"
)

// Lang is the rule set of one language: its words and its patterns. The
// tagger's code knows no language; a new language is a new Lang value.
type Lang struct {
	Name string
	// Abbrev lists words that take a glued abbreviation dot ("sept" for "Sept.").
	Abbrev []string
	// Lexicon maps a class name to its words (lower case) and their values.
	// Classes the resolver relies on and their values:
	//   month: "1".."12"; weekday: "1" (Monday).."7"; num: "1".."90" (words
	//   of tens combine with a following unit word: "twenty-four");
	//   ord: "1".."31"; unit: D W M Q Y H DE CE TH TM TS WE;
	//   season: SP SU FA WI; pod: MO AF EV NI DT; rel: -1, 0, +1;
	//   fuzzy: X (an unknown count: "several", "a few").
	Lexicon map[string]map[string]string
	// Rules are tried at every token; the longest match wins, then the
	// earlier rule.
	Rules []Rule
	// PastCues, FutureCues and PresentCues are words, or phrases of words
	// separated by spaces ("is expected to"), that mark the tense of the
	// verb group governing an expression; PastSuffix marks regular past
	// forms ("ed", a weak cue: it may be a participle), with exceptions in
	// NotPast. See tense.go for how they combine.
	PastCues, FutureCues, PresentCues []string
	PastSuffix                        string
	NotPast                           []string
	// PastAux are auxiliaries that make the verb group they open past
	// ("had been due to"); ModalPastAux make a future cue after them
	// uncertain ("was expected to"); GroupWords may stand inside a verb
	// group ("been", "not").
	PastAux, ModalPastAux, GroupWords []string
	// Modifiers are words after which a one-word cue is an adjective, not
	// a verb ("a still unspecified date", "lower-than-expected profit").
	Modifiers []string
	// PastNext and FutureNext are phrases that, right after an expression,
	// fix its direction ("Friday's close" is past).
	PastNext, FutureNext []string
	// PlanCues are past forms that tell of something still to come
	// ("planned to leave on Thursday"): future for an expression after
	// them, past for one before them ("On Friday, the government planned
	// to pay").
	PlanCues []string
	// OpenerCues are cues that do not count when they open the sentence
	// ("Until Friday, they had not ..."): the verb after the expression
	// decides.
	OpenerCues []string
	// Capitalised lists words that match only when written with a capital
	// ("May", not the verb "may").
	Capitalised []string
	// Connectors are words an expression cannot end with ("of", "the").
	Connectors []string
	// VerbLast lists words ("will", "could") after which the word of a
	// duration's modifier is a verb: "the strike will last two weeks" names
	// "two weeks", not "last two weeks". VerbWord is that word.
	VerbLast []string
	VerbWord string
}

// Rule is one pattern of tokens and how to normalise what it matches.
//
// Pattern is a space-separated list of elements; each may carry a slot name
// ("m=@month") that captures its value, and a trailing "?" that makes it
// optional. Elements:
//
//	word|other|,   one of these literal tokens (lower case)
//	@class         a word of the Lexicon class; captures its value
//	#int           digits                       #year   a four-digit year
//	#day           1-31, "17" or "17th"         #n      digits or number words
//	#ord           "3rd" or an ordinal word     #decade "1990s", "80s"
//	#clock         "10:30"                      #hour   1-12, "5" or "5pm"
//	#iso           "2021-03-17"                 #slash  "3/17/2021", "3/17"
//	#frac          "1/2", "3/4"                 #yearw  a year in number words
//	                                                    ("nineteen ninety-six",
//	                                                    "two thousand")
//
// Norm names the resolver: date, shift, dur, ref, set, time. Set holds
// constant slots ("u=D off=-1 ref=dct").
type Rule struct {
	Name    string
	Pattern string
	Type    string // DATE, TIME, DURATION, SET
	Norm    string
	Set     string
	// NotBefore lists words that may not follow the match, a hyphen
	// between allowed ("6-year-old" is an age, not a duration).
	NotBefore string
	// After, when set, lists words one of which must come right before the
	// match ("in|for|within a week" is a duration, "$2 a week" a rate).
	After string
	// Before, when set, lists words one of which must come right after the
	// match ("the year" before "ended" is a fiscal year's duration).
	Before string
	// EndsClause requires punctuation or the end of the text after the
	// match ("two days before." but not "two days before the vote").
	EndsClause bool
	// NotAfterName, when set, forbids a match that starts with a number
	// right after a capitalised word other than those it lists: the
	// number is then part of a name ("Trump 2020", "Tokyo 2020"), while
	// "In 2019" is a year.
	NotAfterName string
	Confidence   float64
}

// elem is one compiled pattern element.
type elem struct {
	slot  string
	opt   bool
	lits  map[string]bool
	class map[string]string
	// className is class's name in the Lexicon, vals class by word IDs.
	className string
	vals      *idTable
	builtin   string
	// words holds the vocabulary IDs of lits or of class's words: a
	// token whose ID is not in it is none of them.
	words wordBits
}

// wordBits is a set of vocabulary IDs.
type wordBits []uint64

func (b wordBits) has(id int32) bool {
	return int(id>>6) < len(b) && b[id>>6]&(1<<(id&63)) != 0
}

func (b *wordBits) add(id int32) {
	for int(id>>6) >= len(*b) {
		*b = append(*b, 0)
	}
	(*b)[id>>6] |= 1 << (id & 63)
}

type compiledRule struct {
	Rule
	notBefore map[string]bool
	nameOK    map[string]bool // NotAfterName's words
	after     map[string]bool
	before    map[string]bool
	elems     []elem
	set       []capture
	// second, when not nil, is what the token after the first must be for
	// the rule to match: set for a rule whose first element is not
	// optional and which goes on after it. A first element that is a
	// builtin takes one token only when it is a number (number words may
	// take several): then second holds only after a number.
	second      *follow
	secondAtNum bool
	// heads, set for a rule whose first element is optional ("the? last?
	// year", "the? d=#day of? m=@month"), are its elements up to the
	// first required one, each with what may follow it: a match starts
	// with a token one of them takes, followed by a token what follows
	// that one allows.
	heads []head
}

// head is an element a match may start with: what it takes, and what the
// token after it must be (nil: anything, the rest being optional). A
// builtin takes one token only when it is a number (number words may take
// several): after a word, next does not apply to it.
type head struct {
	first   follow
	next    *follow
	builtin bool
}

// canStart reports whether a match of r may start at token i, by its heads.
func (r *compiledRule) canStart(toks []token, i int) bool {
	t := &toks[i]
	for k := range r.heads {
		h := &r.heads[k]
		if !h.first.allows(t) {
			continue
		}
		if h.next == nil || h.builtin && t.kind != kNum || i+1 < len(toks) && h.next.allows(&toks[i+1]) {
			return true
		}
	}
	return false
}

// follow is what a token may be for a pattern element to match it (or
// one of several elements, when those before are optional): a word of
// words, or a number when num is set.
type follow struct {
	words wordBits
	num   bool
}

func (f *follow) allows(t *token) bool {
	return f.words.has(t.id) || f.num && t.kind == kNum
}

type capture struct{ slot, val string }

// compiled is a Lang ready to match.
type compiled struct {
	lang  *Lang
	rules []compiledRule
	// vocab numbers from 1 every word a pattern element names, literally
	// or by its class, and every word a rule may start with (ID 0: any
	// other word); a token's id is its word's.
	vocab  vocabulary
	byWord [][]int // a first token's ID -> rule indexes
	// starts are byWord's rules with what must follow a word token of
	// each ID for them to match there (made by index).
	starts     []starts
	byNum      []int // rules that may start with a number
	abbrev     map[string]bool
	verbBefore map[string]bool
	num        map[string]string
	ord        map[string]string
	// capitalIDs, connectIDs, numIDs and ordIDs are the capitalised
	// words, the connectors, num and ord by word IDs.
	capitalIDs, connectIDs wordBits
	numIDs, ordIDs         *idTable
	tense                  tenseData
}

var builtins = map[string]bool{"#int": true, "#year": true, "#day": true, "#n": true, "#ord": true, "#frac": true, "#yearw": true,
	"#decade": true, "#clock": true, "#hour": true, "#iso": true, "#slash": true}

// compile checks a Lang and indexes its rules by their possible first tokens.
func compile(l *Lang) (*compiled, error) {
	c := &compiled{lang: l, vocab: vocabulary{ids: map[string]int32{}}, abbrev: set(l.Abbrev),
		num: l.Lexicon["num"], ord: l.Lexicon["ord"], tense: compileTense(l),
		verbBefore: set(l.VerbLast)}
	// A word written with a final dot in the lexicon or a pattern is an
	// abbreviation that takes its dot ("sept.", "jan.").
	addAbbrev := func(w string) {
		if len(w) > 1 && strings.HasSuffix(w, ".") && !strings.Contains(w[:len(w)-1], ".") {
			c.abbrev[w[:len(w)-1]] = true
		}
	}
	for _, cls := range l.Lexicon {
		for w := range cls {
			addAbbrev(w)
		}
	}
	for _, r := range l.Rules {
		for _, f := range strings.Fields(r.Pattern) {
			for _, w := range strings.Split(strings.TrimSuffix(f, "?"), "|") {
				addAbbrev(w)
			}
		}
	}
	for ri, r := range l.Rules {
		cr := compiledRule{Rule: r, notBefore: set(strings.Fields(r.NotBefore))}
		if r.After != "" {
			cr.after = set(strings.Fields(r.After))
		}
		if r.Before != "" {
			cr.before = set(strings.Fields(r.Before))
		}
		if r.NotAfterName != "" {
			cr.nameOK = set(strings.Fields(r.NotAfterName))
		}
		if cr.Confidence == 0 {
			cr.Confidence = 0.8
		}
		for _, f := range strings.Fields(r.Set) {
			k, v, ok := strings.Cut(f, "=")
			if !ok {
				return nil, fmt.Errorf("rule %s: constant %q: want slot=value", r.Name, f)
			}
			cr.set = append(cr.set, capture{k, v})
		}
		for _, f := range strings.Fields(r.Pattern) {
			var e elem
			if len(f) > 1 && strings.HasSuffix(f, "?") {
				e.opt = true
				f = f[:len(f)-1]
			}
			if k, v, ok := strings.Cut(f, "="); ok && k != "" && v != "" {
				e.slot, f = k, v
			}
			switch {
			case strings.HasPrefix(f, "@"):
				cls, ok := l.Lexicon[f[1:]]
				if !ok {
					return nil, fmt.Errorf("rule %s: unknown lexicon class %s", r.Name, f)
				}
				e.class, e.className = cls, f[1:]
			case strings.HasPrefix(f, "#") && len(f) > 1:
				if !builtins[f] {
					return nil, fmt.Errorf("rule %s: unknown builtin %s", r.Name, f)
				}
				e.builtin = f
			default:
				e.lits = set(strings.Split(f, "|"))
			}
			cr.elems = append(cr.elems, e)
		}
		if len(cr.elems) == 0 {
			return nil, fmt.Errorf("rule %s: empty pattern", r.Name)
		}
		// Index by every token the rule can start with.
		words, num := map[string]bool{}, false
		for _, e := range cr.elems {
			for w := range e.lits {
				words[w] = true
			}
			for w := range e.class {
				words[w] = true
			}
			if e.builtin != "" {
				num = true
				if e.builtin == "#n" || e.builtin == "#yearw" {
					for w := range c.num {
						words[w] = true
					}
				}
				if e.builtin == "#ord" {
					for w := range c.ord {
						words[w] = true
					}
				}
			}
			if !e.opt {
				break
			}
		}
		for w := range words {
			id := c.word(w)
			for int(id) >= len(c.byWord) {
				c.byWord = append(c.byWord, nil)
			}
			c.byWord[id] = append(c.byWord[id], ri)
		}
		if num {
			c.byNum = append(c.byNum, ri)
		}
		c.rules = append(c.rules, cr)
	}
	for ri := range c.rules {
		for ei := range c.rules[ri].elems {
			e := &c.rules[ri].elems[ei]
			for w := range e.lits {
				e.words.add(c.word(w))
			}
			for w := range e.class {
				e.words.add(c.word(w))
			}
		}
	}
	for ri := range c.rules {
		r := &c.rules[ri]
		r.second = c.follows(r.elems)
		r.secondAtNum = r.elems[0].builtin != ""
		if r.elems[0].opt {
			r.heads = c.heads(r.elems)
		}
	}
	c.index()
	// The words matching looks up by a token's ID: numbered first, then
	// the tables are made, as long as the vocabulary.
	for _, ws := range [][]string{l.Capitalised, l.Connectors} {
		for _, w := range ws {
			c.word(w)
		}
	}
	for _, m := range []map[string]string{c.num, c.ord} {
		for w := range m {
			c.word(w)
		}
	}
	for _, m := range []map[string]bool{c.tense.starts, c.tense.modifiers} {
		for w := range m {
			c.word(w)
		}
	}
	c.tense.startIDs = c.bits(keys(c.tense.starts))
	c.tense.modifierIDs = c.bits(keys(c.tense.modifiers))
	c.capitalIDs = c.bits(l.Capitalised)
	c.connectIDs = c.bits(l.Connectors)
	c.numIDs = c.table(c.num)
	c.ordIDs = c.table(c.ord)
	classes := map[string]*idTable{}
	for ri := range c.rules {
		for ei := range c.rules[ri].elems {
			e := &c.rules[ri].elems[ei]
			if e.class == nil {
				continue
			}
			if classes[e.className] == nil {
				classes[e.className] = c.table(e.class)
			}
			e.vals = classes[e.className]
		}
	}
	c.vocab.freeze()
	return c, nil
}

// bits returns the IDs of words, which must have IDs.
func (c *compiled) bits(words []string) wordBits {
	var b wordBits
	for _, w := range words {
		b.add(c.vocab.ids[w])
	}
	return b
}

func keys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// idTable is a map from words to values by the words' IDs.
type idTable struct {
	has  wordBits
	vals []string
}

func (t *idTable) get(id int32) (string, bool) {
	if !t.has.has(id) {
		return "", false
	}
	return t.vals[id], true
}

// table returns m by its words' IDs, which must have IDs.
func (c *compiled) table(m map[string]string) *idTable {
	t := &idTable{vals: make([]string, c.vocab.size())}
	for w, v := range m {
		id := c.vocab.ids[w]
		t.has.add(id)
		t.vals[id] = v
	}
	return t
}

// starts are the rules that may match at a word (or punctuation) token
// of one ID, each with what the token after it must be then; any is the
// union of those (nil when one of them takes any token after it): a
// token followed by none of any starts no match.
type starts struct {
	any   *follow
	rules []start
}

type start struct {
	rule *compiledRule
	next *follow // nil: anything
}

// index makes c.starts from byWord and the rules' second and heads.
func (c *compiled) index() {
	c.starts = make([]starts, len(c.byWord))
	for id, ris := range c.byWord {
		st := &c.starts[id]
		st.any = &follow{}
		for _, ri := range ris {
			r := &c.rules[ri]
			next, ok := r.nextAfterWord(int32(id))
			if !ok {
				continue
			}
			st.rules = append(st.rules, start{rule: r, next: next})
			if next == nil {
				st.any = nil
			} else if st.any != nil {
				st.any.union(next)
			}
		}
	}
}

// nextAfterWord returns what the token after a word of ID id must be for
// r to match there (nil: anything), by r.second and r.heads; ok is false
// when no match of r starts with that word.
func (r *compiledRule) nextAfterWord(id int32) (next *follow, ok bool) {
	if r.heads == nil {
		if r.secondAtNum {
			return nil, true // the builtin may take several words
		}
		return r.second, true
	}
	var u *follow
	for k := range r.heads {
		h := &r.heads[k]
		if !h.first.words.has(id) {
			continue
		}
		if h.next == nil || h.builtin {
			return nil, true
		}
		if u == nil {
			u = &follow{}
		}
		u.union(h.next)
	}
	return u, u != nil
}

func (f *follow) union(g *follow) {
	for k, b := range g.words {
		for k >= len(f.words) {
			f.words = append(f.words, 0)
		}
		f.words[k] |= b
	}
	f.num = f.num || g.num
}

// follows returns what the token after the first must be for elems to
// match (the union of what the elements after the first may start with,
// up to the first that is not optional), or nil when it cannot tell:
// the first element is optional, or all after it are.
func (c *compiled) follows(elems []elem) *follow {
	if len(elems) < 2 || elems[0].opt {
		return nil
	}
	return c.firstOf(elems[1:])
}

// heads returns the heads of elems: the elements up to the first that is
// not optional, each with what may follow it; nil when all elements are
// optional.
func (c *compiled) heads(elems []elem) []head {
	var hs []head
	for k := range elems {
		e := &elems[k]
		h := head{next: c.firstOf(elems[k+1:]), builtin: e.builtin != ""}
		c.addFirst(&h.first, e)
		hs = append(hs, h)
		if !e.opt {
			return hs
		}
	}
	return nil
}

// firstOf returns what the first token of a match of elems may be (the
// union of what the elements may start with, up to the first that is
// not optional), or nil when it cannot tell: all are optional.
func (c *compiled) firstOf(elems []elem) *follow {
	f := &follow{}
	for k := range elems {
		c.addFirst(f, &elems[k])
		if !elems[k].opt {
			return f
		}
	}
	return nil
}

// addFirst adds to f what the first token e takes may be.
func (c *compiled) addFirst(f *follow, e *elem) {
	switch e.builtin {
	case "":
		for w := range e.lits {
			f.words.add(c.word(w))
		}
		for w := range e.class {
			f.words.add(c.word(w))
		}
	case "#n", "#yearw":
		// A number, or number words (numberWords starts at one).
		f.num = true
		for w := range c.num {
			f.words.add(c.word(w))
		}
	case "#ord":
		f.num = true
		for w := range c.ord {
			f.words.add(c.word(w))
		}
	default:
		f.num = true // the other builtins read numbers only
	}
}

// word returns the vocabulary ID of w, numbering it if it has none.
func (c *compiled) word(w string) int32 { return c.vocab.add(w) }

func set(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// match is one rule matched at a token range [i, j).
type match struct {
	rule *compiledRule
	i, j int
	caps []capture
}

// mayStart reports whether a rule may match at token t: it is a number,
// or a word that starts some rule.
func (c *compiled) mayStart(t *token) bool {
	return t.kind == kNum || int(t.id) < len(c.starts) && len(c.starts[t.id].rules) > 0
}

// matchAt returns the longest match of any rule starting at token i.
func (c *compiled) matchAt(toks []token, i int, caps []capture) (best match, ok bool) {
	if toks[i].kind == kNum {
		for _, ri := range c.byNum {
			r := &c.rules[ri]
			if r.second != nil && (i+1 >= len(toks) || !r.second.allows(&toks[i+1])) {
				continue // it cannot match: see follows
			}
			if r.heads != nil && !r.canStart(toks, i) {
				continue // it cannot match: see heads
			}
			best, ok = c.try(toks, i, r, caps, best, ok)
		}
		return best, ok
	}
	id := toks[i].id
	if int(id) >= len(c.starts) {
		return best, ok
	}
	st := &c.starts[id]
	if st.any != nil && (i+1 >= len(toks) || !st.any.allows(&toks[i+1])) {
		return best, ok
	}
	for k := range st.rules {
		s := &st.rules[k]
		if s.next != nil && (i+1 >= len(toks) || !s.next.allows(&toks[i+1])) {
			continue // it cannot match: see nextAfterWord
		}
		best, ok = c.try(toks, i, s.rule, caps, best, ok)
	}
	return best, ok
}

// try matches r at token i and returns the longer of its match and best.
func (c *compiled) try(toks []token, i int, r *compiledRule, caps []capture, best match, ok bool) (match, bool) {
	j, cs, m := c.matchElems(toks, i, r.elems, caps[:0])
	if !m {
		return best, ok
	}
	// A match neither starts nor ends on punctuation or a connecting
	// word the optional parts left dangling ("the third quarter of").
	for j > i && (toks[j-1].kind == kPunct || c.connectIDs.has(toks[j-1].id)) {
		j--
	}
	if j <= i || !r.fits(toks, i, j) || ok && j <= best.j {
		return best, ok
	}
	return match{rule: r, i: i, j: j, caps: append([]capture(nil), cs...)}, true
}

// fits reports whether the match of r at tokens [i, j) fits its context:
// it starts with no punctuation but an apostrophe, and the rule's words
// before and after it and its other conditions allow it.
func (r *compiledRule) fits(toks []token, i, j int) bool {
	if toks[i].kind == kPunct && toks[i].low != "'" {
		return false
	}
	if len(r.notBefore) > 0 {
		k := j
		if k < len(toks) && toks[k].low == "-" {
			k++
		}
		if k < len(toks) && r.notBefore[toks[k].low] {
			return false
		}
	}
	if r.after != nil && (i == 0 || !r.after[toks[i-1].low]) {
		return false
	}
	if r.before != nil && (j >= len(toks) || !r.before[toks[j].low]) {
		return false
	}
	if r.EndsClause && j < len(toks) && toks[j].kind != kPunct {
		return false
	}
	if r.nameOK != nil && toks[i].kind == kNum && i > 0 && toks[i-1].kind == kWord && toks[i-1].upper && toks[i-1].sentence == toks[i].sentence && !r.nameOK[toks[i-1].low] {
		return false
	}
	return true
}

// matchElems matches elems at token i, trying an optional element first
// with and then without it. Patterns are short, so the backtracking is
// bounded by a constant per start token.
func (c *compiled) matchElems(toks []token, i int, elems []elem, caps []capture) (int, []capture, bool) {
	if len(elems) == 0 {
		return i, caps, true
	}
	e := &elems[0]
	if i < len(toks) {
		if n, val, ok := c.matchElem(toks, i, e); ok {
			cs := caps
			if e.slot != "" {
				cs = append(cs, capture{e.slot, val})
			}
			if j, cs2, ok := c.matchElems(toks, i+n, elems[1:], cs); ok {
				return j, cs2, true
			}
		}
	}
	if e.opt {
		return c.matchElems(toks, i, elems[1:], caps)
	}
	return 0, caps, false
}

// matchElem matches one element at token i and returns how many tokens it
// took and its value.
func (c *compiled) matchElem(toks []token, i int, e *elem) (int, string, bool) {
	t := &toks[i]
	switch {
	case e.lits != nil:
		if e.words.has(t.id) && (t.upper || !c.capitalIDs.has(t.id)) {
			return 1, t.low, true
		}
	case e.class != nil:
		if v, ok := e.vals.get(t.id); ok && (t.upper || !c.capitalIDs.has(t.id)) {
			return 1, v, true
		}
	default:
		return c.matchBuiltin(toks, i, e.builtin)
	}
	return 0, "", false
}

func (c *compiled) matchBuiltin(toks []token, i int, b string) (int, string, bool) {
	t := &toks[i]
	s := t.low
	if t.kind != kNum {
		switch b {
		case "#n":
			n, k, ok := c.numberWords(toks, i)
			if !ok {
				return 0, "", false
			}
			return k, strconv.Itoa(n), true
		case "#yearw":
			return c.yearWords(toks, i)
		case "#ord":
			v, ok := c.ordIDs.get(t.id)
			return 1, v, ok
		}
		return 0, "", false
	}
	digits, suffix := splitDigits(s)
	switch b {
	case "#int", "#n":
		if suffix == "" && digits == s && len(s) <= 9 {
			return 1, strings.TrimLeft(s, "0"), true
		}
	case "#year":
		if len(s) == 4 && digits == s && (s[0] == '1' || s[0] == '2') {
			return 1, s, true
		}
	case "#day", "#ord":
		if len(digits) <= 2 && digits == s[:len(digits)] && (suffix == "" && b == "#day" || isOrdSuffix(suffix)) {
			n, _ := strconv.Atoi(digits)
			if n >= 1 && n <= 31 {
				return 1, strconv.Itoa(n), true
			}
		}
	case "#decade":
		if suffix == "s" && (len(digits) == 4 && digits[3] == '0' || len(digits) == 2 && digits[1] == '0') {
			return 1, digits, true
		}
	case "#hour":
		if len(digits) <= 2 && (suffix == "" || suffix == "am" || suffix == "pm") {
			n, _ := strconv.Atoi(digits)
			if n >= 1 && n <= 12 {
				return 1, strconv.Itoa(n) + suffix, true
			}
		}
	case "#clock":
		h, m, ok := strings.Cut(s, ":")
		if ok && len(h) <= 2 && len(m) >= 2 && allDigits(h) && allDigits(m[:2]) {
			rest := m[2:]
			if rest == "" || rest == "am" || rest == "pm" {
				hn, _ := strconv.Atoi(h)
				mn, _ := strconv.Atoi(m[:2])
				if hn <= 24 && mn < 60 {
					var buf [16]byte
					b := append(appendPadded(buf[:0], hn, 2), ':')
					return 1, string(append(appendPadded(b, mn, 2), rest...)), true
				}
			}
		}
	case "#frac":
		num, den, ok := strings.Cut(s, "/")
		if ok && len(num) == 1 && len(den) == 1 && allDigits(num) && allDigits(den) && num[0] < den[0] && num[0] > '0' {
			return 1, s, true
		}
	case "#iso":
		if len(s) == 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:]) {
			return 1, s, true
		}
	case "#slash":
		parts := strings.Split(s, "/")
		if (len(parts) == 2 || len(parts) == 3) && suffix == "" {
			for _, p := range parts {
				if !allDigits(p) || len(p) == 0 || len(p) > 4 {
					return 0, "", false
				}
			}
			return 1, s, true
		}
	}
	return 0, "", false
}

// numberWords reads a number in words from token i: "five", "twenty
// four", "twenty-four", "two thousand". It returns the number and how many
// tokens it took.
func (c *compiled) numberWords(toks []token, i int) (n, took int, ok bool) {
	v, ok := c.numIDs.get(toks[i].id)
	if !ok {
		return 0, 0, false
	}
	n, _ = strconv.Atoi(v)
	took = 1
	// "twenty four", "twenty-four"
	if n >= 20 && n < 100 && n%10 == 0 {
		k := i + 1
		if k < len(toks) && toks[k].low == "-" && toks[k].start == toks[i].end {
			k++
		}
		if k < len(toks) {
			if u, ok := c.numIDs.get(toks[k].id); ok {
				if un, _ := strconv.Atoi(u); un >= 1 && un <= 9 {
					n, took = n+un, k-i+1
				}
			}
		}
	}
	// "two hundred", "two thousand"
	if n < 100 && i+took < len(toks) {
		if m, ok := c.numIDs.get(toks[i+took].id); ok && (m == "100" || m == "1000") {
			mult, _ := strconv.Atoi(m)
			n, took = n*mult, took+1
		}
	}
	return n, took, true
}

// yearWords reads a year said in words: "nineteen ninety-six" (two pairs
// of digits), "nineteen hundred", "two thousand", "two thousand and one".
// The words for hundred and thousand are the num lexicon's 100 and 1000.
func (c *compiled) yearWords(toks []token, i int) (int, string, bool) {
	n, k, ok := c.numberWords(toks, i)
	if !ok {
		return 0, "", false
	}
	j := i + k
	switch {
	case n == 1000 || n == 2000:
		y, took := n, k
		// "two thousand and one", "two thousand five"
		m := j
		if m < len(toks) && toks[m].low == "and" {
			m++
		}
		if m < len(toks) {
			if lo, k2, ok := c.numberWords(toks, m); ok && lo < 100 {
				y, took = y+lo, m+k2-i
			}
		}
		return took, strconv.Itoa(y), true
	case n >= 1500 && n <= 2000 && n%100 == 0:
		return k, strconv.Itoa(n), true
	case n >= 15 && n <= 20 && j < len(toks):
		lo, k2, ok := c.numberWords(toks, j)
		if !ok || lo < 10 || lo > 99 {
			return 0, "", false
		}
		return k + k2, strconv.Itoa(n*100 + lo), true
	}
	return 0, "", false
}

func isOrdSuffix(s string) bool { return s == "st" || s == "nd" || s == "rd" || s == "th" }

// splitDigits returns the leading digits of s and the letters after them
// (empty unless s is digits followed by letters only).
func splitDigits(s string) (digits, suffix string) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	rest := s[i:]
	for j := 0; j < len(rest); j++ {
		if !isASCIILetter(rest[j]) {
			return s[:i], "?"
		}
	}
	return s[:i], rest
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}
