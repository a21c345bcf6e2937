package timeline

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// background reports whether the time expression between before and after
// (the rest of its sentence on either side) dates another happening than
// the main clause's: one named in a noun phrase ("similar to the October
// crash", "October's Lion Air crash", "the Oct. 29 Lion Air crash", "Lion
// Air Flight 610 in October 2018"), in a relative clause ("the flight that
// plunged into the sea in October") or in a subordinate or comparing
// clause after the main one ("began after the plane crashed late last
// year", "similar difficulties to a flight in October"). Such a date is
// background: the main clause takes its own date, or the publication day
// when its tense allows.
//
// A date in the sentence's first noun phrase ("October's crash killed 189",
// "The March 10 crash ...") or in a clause opening the sentence ("After
// the crash on Sunday, ...") is left to the other rules.
func background(before, after string) bool {
	_, ok := backgroundFrom(before, after)
	return ok
}

// backgrounds holds backgroundFrom of the time expressions of one
// sentence, each read once however many rules ask.
type backgrounds struct {
	text string
	sp   nlp.Span
	read []backgroundRead
}

type backgroundRead struct {
	start, end int // the time expression's
	from       int
	ok         bool
}

// reset makes b the backgrounds of the sentence at sp of text.
func (b *backgrounds) reset(text string, sp nlp.Span) { b.text, b.sp, b.read = text, sp, b.read[:0] }

// of is backgroundFrom of t, a time expression inside the sentence.
func (b *backgrounds) of(t *storyline.Timex) (int, bool) {
	for _, r := range b.read {
		if r.start == t.Start && r.end == t.End {
			return r.from, r.ok
		}
	}
	from, ok := backgroundFrom(b.text[b.sp.Start:t.Start], b.text[t.End:b.sp.End])
	b.read = append(b.read, backgroundRead{t.Start, t.End, from, ok})
	return from, ok
}

// is is background of t, a time expression inside the sentence.
func (b *backgrounds) is(t *storyline.Timex) bool {
	_, ok := b.of(t)
	return ok
}

// backgroundFrom is background, also returning where in before the
// background phrase or clause starts (the relative pronoun or the
// subordinating word; the time expression itself, len(before), for a
// noun phrase): what comes before it is the main clause's.
func backgroundFrom(before, after string) (int, bool) {
	lead := strings.TrimSpace(before)
	if lead == "" {
		return 0, false
	}
	clause := before[clauseStart(before):]
	subject := opensSentence(lead)
	// "October's Lion Air crash", "last year's tragedy".
	if possessiveAfter.MatchString(after) && !subject {
		return len(before), true
	}
	// "the Oct. 29 Lion Air crash", "an October 2018 crash".
	if !subject && determinerBefore.MatchString(lastWords(before)) && happensAfter(after) {
		return len(before), true
	}
	// "Lion Air Flight 610 in October 2018", "a Lion Air crash in
	// Indonesia last October": the date of a happening named after the
	// main clause began.
	// "the crash of an Ethiopian jet on March 10", "the crash involving
	// its carrier last month": the same, with the happening's object
	// between; unless a verb follows ("said the attack on the embassy on
	// Monday killed two": the date is that clause's).
	for _, re := range []*rule{&happeningIn, &happeningPost} {
		if m := re.FindStringIndex(clause); m != nil && hasVerbish(before[:len(before)-len(clause)+m[0]]) && !verbNext(after) {
			return len(before), true
		}
	}
	// A photo caption's participle ("..., pictured in Moses Lake in
	// September") dates the picture, not the sentence.
	if m := captionParticiple.FindStringIndex(before); m != nil {
		return m[0], true
	}
	at := len(before) - len(clause)
	if i, ok := relativeIn(clause); ok {
		return at + i, true
	}
	// An appositive list closing a relative clause ("the systems that
	// downed two jets, a Lion Air 737 MAX in late 2018 and ...") is
	// that clause's.
	if at > 0 && appositive(clause) {
		prev := before[:at-1]
		pat := clauseStart(prev)
		if i, ok := relativeIn(prev[pat:]); ok && strings.TrimSpace(prev[pat:]) != "" {
			return pat + i, true
		}
	}
	if i, ok := subordinateIn(clause, lead); ok {
		return at + i, true
	}
	return 0, false
}

// happensAfter is happeningAfter.MatchString(after), tried only when a
// happening word opens one of the first six words after the white space:
// the expression allows four words before it, then "deadly" or "fatal".
func happensAfter(after string) bool {
	if !foldsIntoASCII(after) && !happeningOpensWord(after, 6) {
		return false
	}
	return happeningAfter.MatchString(after)
}

// happeningOpensWord reports whether one of the first n words of s, which
// must open with white space, opens with a happening word as a whole word
// (a run of ASCII letters, digits and '_' between two non-word bytes),
// whatever its case; words are split at white space as \s sees it.
func happeningOpensWord(s string, n int) bool {
	if s == "" || !isSpace(s[0]) {
		return false
	}
	i := 0
	for range n {
		if i = skipSpace(s, i); i == len(s) {
			return false
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if happeningSet.has(s[i:j]) {
			return true
		}
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		i = j
	}
	return false
}

// captionParticiple: a comma or bracket, the participle, then its place
// (one more comma allowed: "Moses Lake, Washington").
var captionParticiple = keyedRule(`(?i)[,(]\s*(?:pictured|photographed)\b[^,;()]*(?:,[^,;()]*)?$`, "pictured", "photographed")

// clauseStart returns where the clause holding the end of before starts:
// after its last comma, semicolon, colon, dash or bracket.
func clauseStart(before string) int {
	i := strings.LastIndexAny(before, ",;:()") // ASCII: one quick scan
	for _, dash := range [...]string{"—", "–"} {
		if j := strings.LastIndex(before, dash); j > i {
			i = j
		}
	}
	if j := strings.LastIndex(before, " - "); j > i {
		i = j + 2
	}
	if i < 0 {
		return 0
	}
	_, n := firstRune(before[i:])
	return i + n
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// opensSentence reports whether lead, the words before a time expression,
// is at most a determiner opening the sentence ("The", "Last"): the date
// then sits in the sentence's subject.
func opensSentence(lead string) bool {
	first, n := "", 0
	for w := range strings.FieldsSeq(lead) {
		if n++; n > 1 {
			return false
		}
		first = w
	}
	switch strings.ToLower(first) {
	case "the", "a", "an", "this", "that", "its", "their", "his", "her", "last":
		return true
	}
	return false
}

var (
	possessiveAfter  = regexp.MustCompile(`^(?:'s|’s)\b`)
	determinerBefore = keyedRule(`(?i)\b(the|a|an|its|their|this|that|last)\s+$`, strings.Split("the|a|an|its|their|this|that|last", "|")...)
	happeningWords   = `crash|crashes|accident|accidents|disaster|tragedy|incident|flight|plane|jet|attack|attacks|bombing|shooting|explosion|fire|earthquake|quake|collision|downing|hijacking|grounding|ban|sinking|derailment|blast|storm|flood|floods|outbreak|raid`
	happeningKeys    = strings.Split(happeningWords, "|")
	happeningSet     = newKeySet(happeningKeys)
	// happeningAfter: up to four words (names allowed) then a happening.
	happeningAfter = regexp.MustCompile(`^\s+(?:[\p{L}\d.'’-]+\s+){0,4}?(?i:deadly\s+|fatal\s+)?(?i:` + happeningWords + `)\b`)
	// happeningIn: a happening, its name or number, then "in" and the date.
	happeningIn = leadingRule(`\b(?i:`+happeningWords+`)\s+(?:[A-Z\d][\p{L}\d-]*\s+){0,2}?(?i:in|of)\s+(?:[A-Z][\p{L}-]*\s+)?(?:in\s+)?$`, happeningKeys...)

	happeningPost = leadingRule(`\b(?i:`+happeningWords+`)\s+(?i:of|involving|on|near|off|against)\s+(?:[\p{L}\d'’-]+\s+){1,5}?(?i:in\s+|on\s+|at\s+)?$`, happeningKeys...)

	// relativeWord is the expression lastRelativeWord reads.
	relativeWord = keyedRule(`(?i)(?:^|\s)(that|which|who)\s+\S`, "that", "which", "who")
	// complementizers: words before "that" that make it open a reported
	// or complement clause ("said that", "showed that", "so that").
	complementizers = wordSet(strings.Fields(`said says say told tell tells showed shows show found finds revealed reveals reported reports ` +
		`noted notes announced announces confirmed confirms stated states added adds warned warns believe believes believed ` +
		`think thinks thought know knows knew suggest suggests suggested indicate indicates indicated claim claims claimed ` +
		`argue argues argued mean means meant ensure ensured decide decided agree agreed insist insisted explain explained ` +
		`acknowledge acknowledged admit admitted deny denied learn learned emerged hope hoped fear feared so now such given ` +
		`except clear evidence news sure aware estimated expected expects predicted predicts alleged alleges`))

	subordinator = wordsRule(`after|since|before|until|following|because|although|though`)
	comparing    = wordsRule(`similar|similarly|similarities|similarity|resembles|resembled|resembling`)
)

// relativeIn reports whether clause, the clause before a time expression,
// holds a relative clause ("the flight that plunged into the sea in",
// "a jet which crashed", "the FAA, which approved the plane in") the
// expression belongs to.
func relativeIn(clause string) (int, bool) {
	m, ok := lastRelativeWord(clause)
	if !ok {
		return 0, false
	}
	w := strings.ToLower(clause[m[2]:m[3]])
	var last [3]string
	head := nlp.LastFields(clause[:m[2]], last[:]) // the last three words before it
	if len(head) == 0 {
		// The clause opens with it: after a comma, "which" and "who"
		// are relative; "that" is not.
		return m[2], w != "that"
	}
	if w == "that" {
		// "said that", "told reporters that", "so that": a complement.
		for k := len(head) - 1; k >= 0; k-- {
			if complementizers[strings.ToLower(strings.Trim(head[k], `"“”'’.`))] {
				return 0, false
			}
		}
		if strings.HasSuffix(strings.ToLower(head[len(head)-1]), "ed") {
			return 0, false // "delivered that jet"
		}
	}
	return m[2], true
}

// lastRelativeWord returns the last match of relativeWord in s, as
// FindAllStringSubmatchIndex finds them, one after the other from the
// start, each after the one before ends: the expression read by hand.
// ("that", "which" and "who" hold neither "k" nor "s", the letters (?i)
// folds to others than their capitals.)
func lastRelativeWord(s string) ([4]int, bool) {
	var last [4]int
	found := false
	for p := 0; p < len(s); {
		// (?:^|\s): the word at the start, or white space then the word
		n, end := 0, 0
		if p == 0 {
			n, end = relativeWordAt(s, 0)
		}
		w := p
		if end == 0 && isSpace(s[p]) {
			w = p + 1
			n, end = relativeWordAt(s, w)
		}
		if end == 0 {
			p++
			continue
		}
		last, found = [4]int{p, end, w, w + n}, true
		p = end
	}
	return last, found
}

// relativeWordAt reads (that|which|who)\s+\S at i of s, whatever the
// word's case: it returns the word's length and where the match ends, or
// 0, 0 when it is not there.
func relativeWordAt(s string, i int) (n, end int) {
	rest := s[i:]
	switch {
	case hasPrefixFold(rest, "that"):
		n = 4
	case hasPrefixFold(rest, "which"):
		n = 5
	case hasPrefixFold(rest, "who"):
		n = 3
	default:
		return 0, 0
	}
	j := i + n
	if j >= len(s) || !isSpace(s[j]) {
		return 0, 0
	}
	if j = skipSpace(s, j); j == len(s) {
		return 0, 0
	}
	_, size := utf8.DecodeRuneInString(s[j:])
	return n, j + size
}

// hasPrefixFold reports whether s starts with word, a word of lower-case
// ASCII letters, in any case (equalLower).
func hasPrefixFold(s, word string) bool {
	return len(s) >= len(word) && equalLower(s[:len(word)], word)
}

// subordinateIn reports whether clause holds a subordinate or comparing
// clause ("after the plane crashed in Indonesia", "similar difficulties
// to a flight in") after the sentence's main clause began: one that opens
// the sentence is left alone.
func subordinateIn(clause, lead string) (int, bool) {
	opens := func(i int) bool {
		return strings.TrimSpace(lead) == strings.TrimSpace(clause) && strings.TrimSpace(clause[:i]) == ""
	}
	if loc := comparing.FindStringIndex(clause); loc != nil && !opens(loc[0]) {
		return loc[0], true
	}
	// A subordinate clause has a verb of its own ("after the plane
	// crashed in"); "after the publication on" is a preposition's object.
	loc := subordinator.FindStringIndex(clause)
	if loc == nil || opens(loc[0]) {
		return 0, false
	}
	for w := range strings.FieldsSeq(clause[loc[1]:]) {
		w = strings.ToLower(strings.Trim(w, `"“”'’.,`))
		if len(w) > 3 && strings.HasSuffix(w, "ed") || clauseVerbs[w] || subordinateVerbs[w] {
			return loc[0], true
		}
	}
	return 0, false
}

// subordinateVerbs are more finite verbs a subordinate clause may have.
var subordinateVerbs = wordSet(strings.Fields(`fell hit struck went goes came comes began begins killed died dies ` +
	`flew sank broke ran rose grew became`))

// hasVerbish reports whether s holds a lower-case word other than a
// determiner: the sentence has gone past its first noun phrase ("The Lion
// Air" has not; "Investigators are examining the crashes" has).
func hasVerbish(s string) bool {
	for w := range strings.FieldsSeq(s) {
		r, _ := firstRune(w)
		if r >= 'a' && r <= 'z' {
			switch strings.ToLower(strings.Trim(w, `"“”'’.,`)) {
			case "the", "a", "an", "its", "their", "his", "her", "this", "that", "last":
				continue
			}
			return true
		}
	}
	return false
}

// verbNext reports whether the words after a time expression go on with a
// verb ("on Monday killed two"): the expression then dates that clause.
func verbNext(after string) bool {
	w, ok := firstField(after)
	if !ok {
		return false
	}
	w = strings.ToLower(strings.Trim(w, `"“”'’.,`))
	return len(w) > 3 && strings.HasSuffix(w, "ed") || clauseVerbs[w] || subordinateVerbs[w]
}

// appositive reports whether a clause is a noun phrase set off by a comma:
// it opens with an article and has no verb ("a Lion Air 737 MAX 9 in").
func appositive(clause string) bool {
	first := true
	for w := range strings.FieldsSeq(clause) {
		if first {
			switch strings.ToLower(w) {
			case "a", "an", "the", "one":
			default:
				return false
			}
			first = false
			continue
		}
		w = strings.ToLower(strings.Trim(w, `"“”'’.`))
		if len(w) > 3 && strings.HasSuffix(w, "ed") || clauseVerbs[w] || subordinateVerbs[w] {
			return false
		}
	}
	return !first
}

// firstField returns the first word of s as strings.Fields splits it, and
// whether s has one.
func firstField(s string) (string, bool) {
	for w := range strings.FieldsSeq(s) {
		return w, true
	}
	return "", false
}
