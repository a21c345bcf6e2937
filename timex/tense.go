package timex

import "strings"

// Tense.
//
// A weekday, a month or a quarter without a year is resolved in the
// direction the clause around it points: "he met them on Friday" is the
// Friday before the document was written, "he will meet them on Friday" the
// one after. The direction comes from the verb group that governs the
// expression, read from the Lang's data:
//
//   - cues are verb forms and phrases of one tense ("said", "will", "is
//     expected to", "as soon as"); a word ending in the PastSuffix ("ed")
//     is a weak past cue, as it may be a participle;
//   - the verb group is the cue and the auxiliaries before it: PastAux
//     ("had") makes the group past ("had been due to expire"), ModalPastAux
//     ("was", "were") makes a future cue uncertain ("was expected to"),
//     and a future cue before it makes the group future ("will be held");
//     GroupWords may stand between them ("been", "not", "also");
//   - the governing verb is looked for first before the expression, in the
//     same sentence ("officials said Friday", "talks will resume Monday"),
//     then after it ("On Friday, the minister said");
//   - PastNext and FutureNext are phrases that fix the direction when they
//     follow the expression directly ("Friday's close" is past).
//
// Scanning is bounded by a constant window, so tagging stays linear.

// cueSet holds the words and phrases of one tense.
type cueSet struct {
	words   map[string]bool
	phrases map[string][][]string // first word -> phrases starting with it
}

func newCueSet(entries []string) cueSet {
	c := cueSet{words: map[string]bool{}, phrases: map[string][][]string{}}
	for _, e := range entries {
		f := strings.Fields(strings.ToLower(e))
		switch len(f) {
		case 0:
		case 1:
			c.words[f[0]] = true
		default:
			c.phrases[f[0]] = append(c.phrases[f[0]], f)
		}
	}
	return c
}

// at reports whether a cue starts at token k and ends before limit, and the
// index of its last token.
func (c *cueSet) at(toks []token, k, limit int) (end int, ok bool) {
	t := &toks[k]
	for _, p := range c.phrases[t.low] {
		if k+len(p) > limit {
			continue
		}
		match := true
		for i := 1; i < len(p); i++ {
			if toks[k+i].low != p[i] {
				match = false
				break
			}
		}
		if match {
			return k + len(p) - 1, true
		}
	}
	if c.words[t.low] {
		return k, true
	}
	return 0, false
}

// tenseData is a Lang's tense cues, compiled.
type tenseData struct {
	past, future, present  cueSet
	pastNext, futureNext   cueSet
	plan                   cueSet
	opener                 map[string]bool
	pastAux, modalPastAux  map[string]bool
	groupWords             map[string]bool
	modifiers              map[string]bool
	notPast                map[string]bool
	pastSuffix             string
	hasNext, hasFutureNext bool
	// starts holds the first words of the cues of future, plan, past
	// and present: a word not in it starts none of them.
	starts map[string]bool
	// startIDs and modifierIDs are starts and modifiers by word ID
	// (compile numbers their words).
	startIDs, modifierIDs wordBits
}

func compileTense(l *Lang) tenseData {
	td := tenseData{
		past: newCueSet(l.PastCues), future: newCueSet(l.FutureCues), present: newCueSet(l.PresentCues),
		pastNext: newCueSet(l.PastNext), futureNext: newCueSet(l.FutureNext), plan: newCueSet(l.PlanCues),
		opener:  set(l.OpenerCues),
		pastAux: set(l.PastAux), modalPastAux: set(l.ModalPastAux), groupWords: set(l.GroupWords),
		modifiers: set(l.Modifiers),
		notPast:   set(l.NotPast), pastSuffix: l.PastSuffix,
		starts: map[string]bool{},
	}
	for _, c := range []*cueSet{&td.future, &td.plan, &td.past, &td.present} {
		for w := range c.words {
			td.starts[w] = true
		}
		for w := range c.phrases {
			td.starts[w] = true
		}
	}
	return td
}

// Cue strengths.
const (
	noCue = iota
	weakCue
	strongCue
)

// cue reads a tense cue starting at token k that ends before limit: its
// tense (-1 past, +1 future, 0 present), its strength, and its last token.
func (td *tenseData) cue(toks []token, k, limit int) (tense, strength, end int) {
	t := &toks[k]
	if t.kind != kWord && t.low != "'" {
		return 0, noCue, k
	}
	// A one-word cue right after a modifier is an adjective: "a still
	// unspecified date", "lower-than-expected earnings".
	adjective := k > 0 && td.modifierIDs.has(toks[k-1].id)
	if td.startIDs.has(t.id) { // else no cue of the four sets starts here
		if e, ok := td.future.at(toks, k, limit); ok && !(adjective && e == k) {
			return 1, strongCue, e
		}
		if e, ok := td.plan.at(toks, k, limit); ok {
			return 1, strongCue, e
		}
		if e, ok := td.past.at(toks, k, limit); ok && !(adjective && e == k) {
			return -1, strongCue, e
		}
		if e, ok := td.present.at(toks, k, limit); ok {
			return 0, strongCue, e
		}
	}
	if adjective {
		return 0, noCue, k
	}
	if sfx := td.pastSuffix; sfx != "" && t.kind == kWord && len(t.low) > len(sfx)+2 &&
		strings.HasSuffix(t.low, sfx) && !td.notPast[t.low] && !t.upper {
		return -1, weakCue, k
	}
	return 0, noCue, k
}

// group widens a cue at token k to its verb group: the auxiliaries before
// it decide ("had been due to" is past, "was expected to" uncertain,
// "will be held" future).
func (td *tenseData) group(toks []token, k, tense int) int {
	sent := toks[k].sentence
	for j, n := k-1, 0; j >= 0 && n < 4 && toks[j].sentence == sent; j, n = j-1, n+1 {
		w := toks[j].low
		switch {
		case td.pastAux[w]:
			return -1
		case td.modalPastAux[w]:
			if tense > 0 {
				return 0
			}
			return -1
		case td.groupWords[w] || w == "'":
			continue
		}
		if td.future.words[w] {
			return 1
		}
		break
	}
	return tense
}

// tense is the direction of the clause around a match: -1 past, +1
// future, 0 unknown. m is the match being resolved (st.cur).
func (st *state) tense(m match) int {
	if st.tenses == nil {
		return st.readTense(m)
	}
	if t := st.tenses[st.cur]; t != 0 {
		return int(t) - 2
	}
	t := st.readTense(m)
	st.tenses[st.cur] = int8(t + 2)
	return t
}

// readTense is tense, read from the tokens around m.
func (st *state) readTense(m match) int {
	const window = 32
	toks := st.toks
	td := &st.c.tense
	sent := toks[m.i].sentence
	// A phrase right after the expression fixes its direction.
	if m.j < len(toks) && toks[m.j].sentence == sent {
		if _, ok := td.pastNext.at(toks, m.j, len(toks)); ok {
			return -1
		}
		if _, ok := td.futureNext.at(toks, m.j, len(toks)); ok {
			return 1
		}
	}
	// Before the expression: the nearest cue, widened to its verb group.
	// A weak cue gives way to a strong one a few words further back
	// ("will almost certainly be reduced").
	weak, weakAt := 0, -1
	for k := m.i - 1; k >= 0 && k >= m.i-window && toks[k].sentence == sent; k-- {
		tense, strength, _ := td.cue(toks, k, m.i)
		if strength == noCue {
			continue
		}
		if td.opener[toks[k].low] && (k == 0 || toks[k-1].sentence != sent) {
			continue
		}
		if strength == weakCue {
			if weakAt < 0 {
				weak, weakAt = td.group(toks, k, tense), k
			}
			continue
		}
		if weakAt >= 0 && weakAt-k > 10 {
			break
		}
		return td.group(toks, k, tense)
	}
	if weakAt >= 0 {
		return weak
	}
	// After it: the first verb group. A plan told after the expression
	// was made then ("On Friday, the board planned to ...").
	for k := m.j; k < len(toks) && k < m.j+window && toks[k].sentence == sent; k++ {
		if _, ok := td.plan.at(toks, k, len(toks)); ok {
			return td.group(toks, k, -1)
		}
		tense, strength, end := td.cue(toks, k, len(toks))
		if strength == noCue {
			continue
		}
		if strength == strongCue {
			return td.group(toks, k, tense)
		}
		// A weak cue after the expression: a stronger one close behind it
		// wins ("On Friday, police arrested ... and will ...").
		for k2 := end + 1; k2 < len(toks) && k2 <= end+3 && toks[k2].sentence == sent; k2++ {
			if t2, s2, _ := td.cue(toks, k2, len(toks)); s2 == strongCue {
				return td.group(toks, k2, t2)
			}
		}
		return tense
	}
	return 0
}
