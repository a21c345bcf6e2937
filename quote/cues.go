package quote

// Cues: which words report speech, how strongly, and where a cue stands
// near a quotation or at the end of a clause.

import "strings"

// tellVerbs take the addressee before the content ("told reporters that").
var tellVerbs = map[string]bool{
	"told": true, "tell": true, "tells": true, "telling": true, "asked": true, "ask": true,
	"asks": true, "asking": true, "urged": true, "urging": true, "warned": true, "assured": true,
	"reminded": true, "informed": true, "wrote": true, "said": true, "says": true, "explained": true,
}

// weight is how strongly token k cues an attribution (cueWeight, with
// the phrases and the verbs that cue only beside a quotation), read for
// every token once the quotations are known (readWeight).
func (x *extractor) weight(k int) float64 {
	return x.weights[k]
}

// readWeight is weight, read from the token and its neighbours.
func (x *extractor) readWeight(k int) float64 {
	t := &x.toks[k]
	if t.ent == 0 {
		return 0 // no word of the lexicon: no cue word, nor one of phraseCues
	}
	if t.lower == "according" {
		if k+1 < len(x.toks) && x.toks[k+1].lower == "to" {
			return 0.93
		}
		return 0
	}
	if (t.lower == "put" || t.lower == "puts") && k+1 < len(x.toks) && x.toks[k+1].lower == "it" {
		return 0.9 // "as Amar put it"
	}
	if (t.lower == "shot" || t.lower == "fired") && k+1 < len(x.toks) && x.toks[k+1].lower == "back" {
		return 0.9 // "Lee shot back", "fired back at critics"
	}
	cw := t.cue()
	w := cw.weight
	if w > 0 && x.otherSense(k) {
		return 0
	}
	if t.lower == "read" && w < speechWeight && x.besideQuote(k) {
		return speechWeight // "“...,” the statement read."
	}
	if w > 0 || !cw.vocal {
		return w
	}
	if x.besideQuote(k) {
		return speechWeight
	}
	return 0
}

// phraseCues are the words readWeight reads as cues by the word after
// them ("according to", "put it", "shot back") or beside a quotation
// ("read"): they are in the lexicon (class cPhraseCue) whatever their cue
// weight.
var phraseCues = map[string]bool{"according": true, "put": true, "puts": true, "shot": true, "fired": true, "read": true}

// vocalVerbs are verbs of voicing or writing that are often something
// else ("sang in a choir", "cried at the news", "pressed the button") and
// are cues only right beside a quotation.
var vocalVerbs = map[string]bool{
	"shouting": true, "yelling": true, "screaming": true, "chant": true, "chanted": true, "chanting": true,
	"cried": true, "cries": true, "crying": true, "sang": true, "sing": true, "sings": true, "singing": true,
	"jeered": true, "jeering": true, "mouthed": true, "mouthing": true, "interjecting": true, "beamed": true,
	"pressed": true, "heckled": true, "whispering": true, "cheered": true, "cheering": true, "roared": true,
	"bellowed": true, "hollered": true, "boomed": true, "shrieked": true, "gushed": true, "raged": true,
	"wondered": true, "mused": true, "sighed": true, "tweeting": true, "posting": true, "texted": true,
}

// besideQuote reports whether the word k stands right before a quotation
// (a comma or colon between: "shouting, “...”") or right after one and
// its speaker (“...,” the crowd cried).
func (x *extractor) besideQuote(k int) bool {
	n := k + 1
	if n < len(x.toks) && (x.toks[n].text == "," || x.toks[n].text == ":") {
		n++
	}
	if n < len(x.toks) && x.toks[n].kind == open {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		switch x.toks[j].kind {
		case close:
			return j < k-1
		case word:
		default:
			return false
		}
	}
	return false
}

// bestCue returns the strongest cue among the tokens in [from, to) that
// ok accepts, the earliest on ties, or -1.
func (x *extractor) bestCue(from, to int, ok func(int) bool) int {
	best, bw := -1, minCue
	for k := from; k < to; k++ {
		if !ok(k) {
			continue
		}
		if w := x.weight(k); w >= bw && (best < 0 || w > bw) {
			best, bw = k, w
		}
	}
	return best
}

// itFrames take "it" as a dummy object before an adjective cue ("made it
// clear", "makes it plain").
var itFrames = map[string]bool{"made": true, "make": true, "makes": true, "making": true, "has": true}

// nounCues are nouns of saying that are seldom verbs.
var nounCues = map[string]bool{
	"statement": true, "consensus": true, "description": true, "endorsement": true,
	"speculation": true, "contention": true, "assertion": true, "criticism": true,
	"suggestion": true, "accusations": true, "allegations": true, "accusation": true,
	"allegation": true, "belief": true, "opposition": true, "critique": true, "admission": true,
	"concerns": true, "insistence": true, "announcement": true,
}

// verbNounCues are nouns of saying that are also verbs; they are nouns
// after a determiner when they carry no verb ending and the words before
// them do not end in a plural ("a definitive call", not "some critics fear").
var verbNounCues = map[string]bool{
	"call": true, "view": true, "hope": true, "promise": true, "claim": true, "forecast": true,
	"warning": true, "concern": true, "demand": true, "pledge": true, "vow": true, "fear": true,
}

// infinitiveCues after "to" take the clause's subject ("went on to say").
var infinitiveCues = map[string]bool{"say": true, "tell": true, "add": true}

// tierWeight is the weight that places the cue at c of the clause from a
// in a tier: "say" after its own subject is as strong as "said" ("Voters
// say he was unsure until Lee said ..." is the voters'), though as a
// word form it is often something else ("to say", "say, a week"). (The
// same for other plain present forms, "claim", "note", "admit", ...,
// lowered speaker accuracy on train.)
func (x *extractor) tierWeight(c, a int) float64 {
	w := x.weight(c)
	if x.toks[c].lower == "say" && c > a && x.toks[c-1].lower != "to" && !x.toks[c-1].in(cAuxiliary) {
		if src := x.sourceBefore(c, a); src[1] > src[0] {
			return cueTiers[0].lo
		}
	}
	return w
}

// cueTiers: a clause's cues are tried strongest tier first, each tier in
// text order, so "X said Y believes Z" is X's.
var cueTiers = []struct{ lo, hi float64 }{{0.6, 2}, {minCueDefault, 0.6}}

// tailCue returns the cue of a source-and-cue tail that closes the clause
// [a, b) after its last comma ("..., the agency reported", "..., said
// Lee"), or -1.
func (x *extractor) tailCue(a, b int) int {
	m := b - 1
	for m > a && b-m <= 12 && x.toks[m].text != "," {
		if x.toks[m].kind != word || x.toks[m].inQuote {
			return -1
		}
		m--
	}
	if m <= a || x.toks[m].text != "," || x.words(a, m) < 3 {
		return -1
	}
	// "..., but that if the mayor made one, he should have insisted": the
	// comma closes a subordinate clause, not the content
	for p := m - 1; p >= a; p-- {
		if t := x.toks[p]; t.inQuote || t.text == "," || t.lower == "that" {
			if p+1 < m && x.toks[p+1].in(cOpener) && x.toks[p+1].lower != "with" && x.toks[p+1].lower != "as" {
				return -1
			}
			break
		}
	}
	for c := m + 1; c < b; c++ {
		if w := x.weight(c); w < 0.5 && !(w >= minCue && c == b-1) || x.toks[c].lower == "according" || strings.HasSuffix(x.toks[c].lower, "ing") {
			continue // "..., records show." may take a weaker cue
		}
		if src := x.sourceBefore(c, m+1); src[1] > src[0] && src[0] == m+1 {
			return c
		}
		if c == m+1 && x.toks[c].in(cInversionVerb) {
			if src := x.sourceAfter(c+1, b); src[1] == b && (x.personLike(src) || !x.ownCue(a, m)) {
				// "..., said a spokesman"; not "Rask said his band, ...,
				// wrote a dozen songs", where said has its subject
				return c
			}
		}
		return -1
	}
	return -1
}

// inversionVerbs stand before their subject after a quotation or a
// reported clause ("..., said Ann Bell").
var inversionVerbs = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "wrote": true, "writes": true,
	"asked": true, "asks": true, "explained": true, "noted": true, "argued": true,
	"continued": true, "replied": true, "insisted": true, "recalled": true, "observed": true,
	"declared": true, "countered": true, "conceded": true, "acknowledged": true, "warned": true,
}

// verbAfterName returns the verb right after the name, pronoun or
// determined noun phrase that opens [af, at) ("...," Lee shot back, "...,"
// an angry Lee retorted), or -1: the first lower-case word after a name
// or pronoun, or a past form in -ed after a noun phrase of a few words.
func (x *extractor) verbAfterName(af, at int) int {
	if af >= at || x.toks[af].kind != word {
		return -1
	}
	k := af
	switch {
	case x.toks[k].lower == "he" || x.toks[k].lower == "she" || x.toks[k].lower == "they":
		k++
	case x.isCap(k):
		for k < at && (x.isCap(k) || x.toks[k].in(cTitleBare)) {
			k++
		}
	case x.toks[k].in(cDeterminer):
		for m := k + 1; m < at && m <= k+5; m++ {
			t := &x.toks[m]
			if t.kind != word || t.in(cClauseWord) {
				return -1
			}
			if m > k+1 && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ed") && !x.isCap(m) {
				return m
			}
		}
		return -1
	default:
		return -1
	}
	if k < at && k > af && x.toks[k].kind == word && !x.isCap(k) && !x.toks[k].in(cClauseWord) && !x.toks[k].in(cSkipBack) {
		return k
	}
	return -1
}

// negated reports whether the word k is a cue negated: "did not say
// whether", "never claimed", "declined to comment", "refused to say".
// Such a cue makes an attribution (PolNeAR annotates them, "did not
// respond to requests for comment" most of all) but no quote of anyone.
func (x *extractor) negated(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		t := &x.toks[j]
		if t.kind != word || t.inQuote != x.toks[k].inQuote {
			return false
		}
		switch l := t.lower; {
		case l == "not" || l == "never" || l == "cannot" || strings.HasSuffix(l, "n't") || strings.HasSuffix(l, "n’t"):
			return true
		case l == "to" && j > 0 && x.toks[j-1].in(cRefusal):
			return true
		case skipBack[l] || len(l) > 4 && strings.HasSuffix(l, "ly"):
		default:
			return false
		}
	}
	return false
}

// refusals before "to" negate the cue after it ("declined to comment").
var refusals = map[string]bool{
	"declined": true, "declines": true, "declining": true, "decline": true, "refused": true,
	"refuses": true, "refusing": true, "refuse": true, "failed": true, "fails": true,
}
