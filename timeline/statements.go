// Package timeline tells a story back as dated entries: it finds the
// sentences of an article that report a happening and anchors each to the
// date it is about (Statements), merges the statements of many articles
// about the same happening on the same date into one cited entry, flags
// where sources disagree on dates or numbers, ranks the entries and cuts
// them to a summary (Build), and renders a timeline as text, JSON,
// Markdown or one self-contained HTML page (Render).
package timeline

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/timex"
)

// Statements returns the sentences of an article that report a happening,
// each anchored to the date it is about.
//
// A sentence is anchored to its governing time expression: the first
// DATE or TIME expression in it that resolves to a calendar date and is
// not mentioned in passing ("since March 16", "until June", "ahead of the
// May 5 vote", "in 2020" inside a noun phrase after "of"). A sentence
// without such an expression is anchored to the publication date only
// when it speaks of the present (a present-tense or present-perfect verb,
// or a reporting verb such as "said"); otherwise it is background and
// yields no statement. In an article without a publication date such a
// sentence yields a statement with no date. Headings, questions and fragments yield nothing.
//
// timexes and mentions are the article's time expressions and entity
// mentions (offsets into a.Text), as timex.Tag and entity.Extract return
// them; either may be nil.
func Statements(a *storyline.Article, timexes []storyline.Timex, mentions []storyline.Mention) []storyline.Statement {
	return StatementsWithWords(a, timexes, mentions, nil)
}

// StatementsWithWords is Statements given the words of the article's
// text as the time expression tagger read them (timex.Found.Words), or
// nil: its rules then read only the rest of the text's words.
func StatementsWithWords(a *storyline.Article, timexes []storyline.Timex, mentions []storyline.Mention, words []timex.Word) []storyline.Statement {
	var out []storyline.Statement
	tx := startCursor[storyline.Timex]{xs: sortedByStart(timexes, timexStart), start: timexStart}
	ms := startCursor[storyline.Mention]{xs: sortedByStart(mentions, mentionStart), start: mentionStart}
	var last *storyline.Statement // the statement before, for narrative continuity
	ws := newSentenceWords(words) // the words of the sentence, read when a rule needs them
	var bg backgrounds            // the background tests of its time expressions, made once
	sentences := nlp.Sentences(a.Text)
	out = statementBuffer(len(sentences)) // room for every sentence, given back below
	for i, sp := range sentences {
		text := a.Text[sp.Start:sp.End]
		if !isReport(text) {
			continue
		}
		ws.reset(a.Text, sp)
		bg.reset(a.Text, sp)
		// What starts inside the sentence (tx and ms are in order): the
		// rules below look at nothing else.
		stx := tx.in(sp)
		sms := ms.in(sp)
		st := storyline.Statement{
			ArticleID: a.ID,
			Sentence:  i,
			Start:     sp.Start,
			End:       sp.End,
			Text:      text,
		}
		if t, d, ok := governing(a.Text, sp, stx, a.Published, &bg); ok {
			st.Date, st.DateText = d, t.Text
		} else if t, ok := undatedWeekday(a, sp, stx); ok {
			// "on Wednesday" in an undated article: no date yet, but the
			// weekday helps Build find the day.
			st.DateText = t.Text
		} else if speaksOfPresentIn(a.Text, sp, stx, &ws, &bg) && !hasPassingDate(a.Text, sp, stx, &bg) {
			// The publication date, or no date at all when the article
			// has none (Load then dates it by the article's event, if the
			// clustering stage dated that; Build skips it otherwise).
			st.Date = a.Published
		} else if continues(last, i) && !pastPerfect.matchWords(text, ws.get(), keyPastPerfect) && !hasBackgroundDate(a.Text, sp, stx, &bg) {
			// A past-tense sentence right after a sentence about a day
			// goes on telling that day ("He arrived on Monday. The talks
			// lasted two hours.").
			st.Date, st.DateText, st.FromContext = last.Date, last.DateText, true
		} else {
			continue
		}
		st.Actors = actors(sp, sms)
		st.Numbers = numbersIn(text, ws.get())
		out = append(out, st)
		last = &out[len(out)-1]
	}
	return keptStatements(out)
}

// statementBuffers holds room for an article's statements, for Statements
// to reuse (*[]storyline.Statement): what it returns is a copy of just
// the statements made, so most of that room is not allocated anew.
var statementBuffers sync.Pool

// statementBuffer returns an empty buffer with room for n statements.
func statementBuffer(n int) []storyline.Statement {
	if buf, _ := statementBuffers.Get().(*[]storyline.Statement); buf != nil && cap(*buf) >= n {
		return (*buf)[:0]
	}
	return make([]storyline.Statement, 0, n)
}

// keptStatements returns a copy of the statements in buf (nil when there
// are none, as before) and gives buf back, cleared, to be reused.
func keptStatements(buf []storyline.Statement) []storyline.Statement {
	var out []storyline.Statement
	if len(buf) > 0 {
		out = slices.Clone(buf)
	}
	clear(buf)
	buf = buf[:0]
	statementBuffers.Put(&buf)
	return out
}

// sortedByStart returns xs sorted by start: xs itself when their starts
// already rise strictly (the order sorting gives, taken without a copy),
// else a sorted copy.
func sortedByStart[T any](xs []T, start func(*T) int) []T {
	rising := true
	for i := 1; i < len(xs) && rising; i++ {
		rising = start(&xs[i-1]) < start(&xs[i])
	}
	if rising {
		return xs
	}
	out := slices.Clone(xs)
	slices.SortFunc(out, func(x, y T) int { return start(&x) - start(&y) })
	return out
}

func timexStart(t *storyline.Timex) int     { return t.Start }
func mentionStart(m *storyline.Mention) int { return m.Start }

// A startCursor gives the runs of xs, sorted by start, that start inside
// one span after the other: spans in order (as sentences are) move it
// forward only.
type startCursor[T any] struct {
	xs    []T
	start func(*T) int
	lo    int // no x before lo starts at or after the last span's start
	at    int // the last span's start
}

// in returns the run of xs that starts inside sp.
func (c *startCursor[T]) in(sp nlp.Span) []T {
	if sp.Start < c.at {
		c.lo = 0 // a span before the last: look from the first again
	}
	c.at = sp.Start
	for c.lo < len(c.xs) && c.start(&c.xs[c.lo]) < sp.Start {
		c.lo++
	}
	hi := c.lo
	for hi < len(c.xs) && c.start(&c.xs[hi]) < sp.End {
		hi++
	}
	return c.xs[c.lo:hi]
}

// continuityWindow is how many sentences after a statement about a day a
// sentence without a date of its own may be to go on telling that day.
const continuityWindow = 2

// continues reports whether sentence i, which has no date of its own and
// does not speak of the present, may continue the narrative of the
// statement last: that statement is about a day, named in its own words
// or taken from the narrative in turn, within continuityWindow sentences
// before. (It does when the sentence is not past-perfect background.)
func continues(last *storyline.Statement, i int) bool {
	if last == nil || i-last.Sentence > continuityWindow || last.Date.Precision != storyline.PrecisionDay {
		return false
	}
	if last.DateText == "" || strings.HasPrefix(last.DateText, storyline.EstimatePrefix) {
		return false
	}
	return true
}

// isReport reports whether a sentence can report a happening: long enough,
// ending like a sentence, not a question.
func isReport(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "?") {
		return false
	}
	// Headlines and headings end without a stop; quoted sentences end in
	// a closing quote. Words are counted only as far as the answer needs.
	if last, _ := lastRune(s); strings.ContainsRune(".!\"”’'»)", last) {
		return nlp.LetterWords(s, 5) >= 5
	}
	return nlp.LetterWords(s, 12) >= 12
}

func lastRune(s string) (rune, bool) {
	if s == "" {
		return 0, false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r, true
}

// governing returns the time expression that governs a sentence and its
// date, skipping expressions mentioned in passing. A day after
// publication yields to a day on or before it in the same sentence ("27
// diplomats will leave on January 30, the ambassador said on Saturday"
// happened on Saturday: what is planned is not what happened).
func governing(text string, sp nlp.Span, tx []storyline.Timex, published storyline.Date, bg *backgrounds) (storyline.Timex, storyline.Date, bool) {
	t, d, ok := governingFrom(text, sp, tx, published, 0, bg)
	if !ok || published.Precision != storyline.PrecisionDay || !d.Time().After(published.End()) {
		return t, d, ok
	}
	for i := range tx {
		if tx[i].Start <= t.Start {
			continue
		}
		if u, e, ok := governingFrom(text, sp, tx, published, i, bg); ok && !e.Time().After(published.Time()) {
			return u, e, true
		}
		break
	}
	// Only the plan has a day: a report of it ("the ambassador said 27
	// diplomats will leave on January 30") happened when it was
	// published.
	if reportingVerb.MatchString(text[sp.Start:sp.End]) {
		return storyline.Timex{}, storyline.Date{}, false
	}
	return t, d, ok
}

var reportingVerb = wordsRule(`said|told|announced|stated|noted|confirmed|reported|added|warned`)

// governingFrom is governing over the time expressions from index from on.
func governingFrom(text string, sp nlp.Span, tx []storyline.Timex, published storyline.Date, from int, bg *backgrounds) (storyline.Timex, storyline.Date, bool) {
	var fallback *storyline.Timex
	var fallbackDate storyline.Date
	for i := from; i < len(tx); i++ {
		t := tx[i]
		if t.Start < sp.Start || t.End > sp.End {
			continue
		}
		if t.Type != "DATE" && t.Type != "TIME" {
			continue
		}
		d, ok := dateOfValue(t.Value, published)
		if !ok {
			continue
		}
		if d, ok = noFinerThanAnchor(d, t, published); !ok {
			continue
		}
		if inPassing(text[sp.Start:t.Start], text[t.End:sp.End]) || yearQualifies(t.Text, text[t.End:sp.End]) {
			continue
		}
		// A date inside a relative or appositive clause about someone
		// ("John Sullivan, who left Moscow in April, ...") belongs to
		// that clause: the main clause is not about it.
		if aboutSomeone(text[sp.Start:t.Start], text[t.End:sp.End]) {
			continue
		}
		// A date that names another happening ("similar to the October
		// crash", "the flight that plunged into the sea in October",
		// "began after the plane crashed late last year") is background:
		// the main clause is not about it.
		if _, ok := bg.of(&t); ok {
			continue
		}
		// A date inside a clause set off by commas ("Antonov, invited
		// to Moscow in March, returned in July") yields to a later date
		// of the main clause.
		if fallback == nil && inAside(text[sp.Start:t.Start], text[t.End:sp.End]) {
			fallback, fallbackDate = &tx[i], d
			continue
		}
		return t, d, true
	}
	if fallback != nil {
		return *fallback, fallbackDate, true
	}
	return storyline.Timex{}, storyline.Date{}, false
}

// inAside reports whether a time expression sits in a participle or
// relative clause between two commas that does not open the sentence.
func inAside(before, after string) bool {
	c := strings.LastIndexByte(before, ',')
	if c < 0 || strings.TrimSpace(before[:c]) == "" {
		return false
	}
	next := strings.IndexByte(after, ',')
	if next < 0 || next >= 40 {
		return false
	}
	// The clause is a participle or relative clause.
	w, ok := firstField(before[c+1:])
	if !ok {
		return false
	}
	w = strings.ToLower(w)
	return strings.HasSuffix(w, "ed") || w == "who" || w == "which" || w == "when" || w == "having"
}

// firstFields returns the first len(buf) words of s (all of them, when it
// has fewer) as strings.Fields splits s, in buf.
func firstFields(s string, buf []string) []string {
	n := 0
	for w := range strings.FieldsSeq(s) {
		if n == len(buf) {
			break
		}
		buf[n] = w
		n++
	}
	return buf[:n]
}

// aboutSomeone reports whether a time expression sits in a clause about
// someone set off by a comma after a name: a relative clause ("Sullivan,
// who left Moscow in April, ...", also at the sentence's end) or an
// appositive that closes with a comma ("Antonov, a deputy minister in
// 2017, was named ...").
func aboutSomeone(before, after string) bool {
	c := strings.LastIndexByte(before, ',')
	if c < 0 {
		return false
	}
	head := strings.TrimSpace(before[:c])
	var buf [9]string
	words := firstFields(before[c+1:], buf[:]) // a ninth word only says there are more than eight
	if head == "" || len(words) == 0 {
		return false
	}
	switch strings.ToLower(words[0]) {
	case "who", "whom", "whose":
		return true
	case "a", "an", "the", "former":
		// An appositive: after a name, without a verb, closed by a
		// comma soon after ("In Moscow, the ministry said on March 17,
		// ..." is no appositive).
		r, _ := utf8.DecodeRuneInString(lastField(head))
		next := strings.IndexByte(after, ',')
		if !unicode.IsUpper(r) || next < 0 || next >= 40 || len(words) > 8 {
			return false
		}
		for _, w := range words[1:] {
			w = strings.ToLower(strings.Trim(w, ".,;:\"“”'’"))
			if strings.HasSuffix(w, "ed") || clauseVerbs[w] {
				return false
			}
		}
		return true
	}
	return false
}

// clauseVerbs are common finite verbs that make a clause of what would
// otherwise read as an appositive.
var clauseVerbs = map[string]bool{"said": true, "says": true, "is": true, "was": true, "are": true, "were": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "met": true, "left": true, "told": true,
	"took": true, "made": true, "went": true, "came": true, "began": true, "won": true, "lost": true}

// undatedWeekday is weekdayOnly in an article without a publication
// date, and nothing in one with.
func undatedWeekday(a *storyline.Article, sp nlp.Span, tx []storyline.Timex) (storyline.Timex, bool) {
	if !a.Published.IsZero() {
		return storyline.Timex{}, false
	}
	return weekdayOnly(a.Text, sp, tx)
}

// weekdayOnly returns the first weekday expression of a sentence that is
// not mentioned in passing and could not be resolved ("XXXX-WXX-3": the
// article has no date to count from).
func weekdayOnly(text string, sp nlp.Span, tx []storyline.Timex) (storyline.Timex, bool) {
	for _, t := range tx {
		if t.Start < sp.Start || t.End > sp.End || !strings.HasPrefix(t.Value, "XXXX-WXX-") {
			continue
		}
		if inPassing(text[sp.Start:t.Start], text[t.End:sp.End]) {
			continue
		}
		return t, true
	}
	return storyline.Timex{}, false
}

// hasPassingDate reports whether a sentence holds a resolvable date that
// was skipped as mentioned in passing: such a sentence is about some other
// time, not simply the present. A date in a clause about someone does not
// count.
// A span that runs up to now ("over the past year", "since mid-May",
// "in recent years") does not make the sentence about another time.
func hasPassingDate(text string, sp nlp.Span, tx []storyline.Timex, bg *backgrounds) bool {
	for _, t := range tx {
		if t.Start >= sp.Start && t.End <= sp.End && (t.Type == "DATE" || t.Type == "TIME") {
			if _, ok := dateOfValue(t.Value, storyline.Date{}); !ok {
				continue
			}
			if spanToNow.MatchString(lastWords(text[sp.Start:t.Start])) {
				continue
			}
			// A date in a clause about someone is that clause's: the
			// main clause may still speak of the present ("The envoy,
			// who arrived on March 21, says ...").
			if aboutSomeone(text[sp.Start:t.Start], text[t.End:sp.End]) || bg.is(&t) {
				continue
			}
			return true
		}
	}
	return false
}

// withoutBackground returns a sentence without its background phrases and
// clauses up to their dates, and whether it cut any ("Moscow recalled its envoy after Biden said
// in March ..." is "Moscow recalled its envoy ..."): whether it speaks of
// the present is a matter of its main clause, not of what it mentions.
func withoutBackground(text string, sp nlp.Span, tx []storyline.Timex, bg *backgrounds) (string, bool) {
	var b strings.Builder
	at := sp.Start
	for _, t := range tx {
		if t.Start < at || t.End > sp.End || (t.Type != "DATE" && t.Type != "TIME") {
			continue
		}
		if _, ok := dateOfValue(t.Value, storyline.Date{}); !ok {
			continue // "recently", "now": no other happening's date
		}
		if start, ok := bg.of(&t); ok && sp.Start+start >= at {
			b.WriteString(text[at : sp.Start+start])
			b.WriteByte(' ')
			at = t.End
		}
	}
	if at == sp.Start {
		return text[sp.Start:sp.End], false
	}
	b.WriteString(text[at:sp.End])
	return b.String(), true
}

// hasBackgroundDate reports whether a sentence holds a date of another
// happening (background): such a sentence tells that happening's story,
// not the narrative of the sentence before.
func hasBackgroundDate(text string, sp nlp.Span, tx []storyline.Timex, bg *backgrounds) bool {
	for _, t := range tx {
		if t.Start >= sp.Start && t.End <= sp.End && (t.Type == "DATE" || t.Type == "TIME") &&
			!inPassing(text[sp.Start:t.Start], text[t.End:sp.End]) && bg.is(&t) {
			return true
		}
	}
	return false
}

var spanToNow = keyedRule(`(?i)\b(since|over|throughout|during|within|for)\s+(the\s+)?$`, "since", "over", "throughout", "during", "within", "for")

var (
	passingBefore = keyedRule(`(?i)\b(since|until|till|through|throughout|over|during|within|ahead\s+of|prior\s+to|before|after|following|from|by|as\s+of|of|between|than|like|and|or)\s+(the\s+|early\s+|late\s+|mid-?\s*)?$`,
		strings.Split("since|until|till|through|throughout|over|during|within|ahead|prior|before|after|following|from|by|as|of|between|than|like|and|or", "|")...)
	passingAfter = regexp.MustCompile(`^(?i)(\s*(-|–|—|to|until)\s|\s*(and|or)\s+(the\s+)?(\d|(mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|early|late|mid|last|next))`)

	possessiveBefore  = regexp.MustCompile(`\p{L}(?:'s|’s|s'|s’)\s+$`)
	attributiveBefore = keyedRule(`(?i)\b(the|a|an|its|his|her|their|this|that|whose)\s+$`, strings.Split("the|a|an|its|his|her|their|this|that|whose", "|")...)
	attributiveAfter  = regexp.MustCompile(`^\s+(?:[a-z][a-z-]*\s+)*?(election|elections|campaign|report|vote|summit|attack|attacks|war|deal|agreement|meeting|talks|interview|decision|law|budget|games|crisis|race|poll|census|season|plan|strategy|figures|data|level|levels)\b`)
)

// mayPassAfter reports whether after may match passingAfter: past its
// white space (\s), it must open with a dash, "to", "until", "and" or
// "or" in any case (none of their letters folds to another but its
// capital).
func mayPassAfter(after string) bool {
	i := 0
	for i < len(after) && (after[i] == ' ' || after[i] == '\t' || after[i] == '\n' || after[i] == '\f' || after[i] == '\r') {
		i++
	}
	rest := after[i:]
	if rest == "" {
		return false
	}
	switch rest[0] | 0x20 {
	case '-': // or a carriage return, passed over above
		return rest[0] == '-'
	case 't':
		return len(rest) >= 2 && rest[1]|0x20 == 'o'
	case 'u':
		return len(rest) >= 5 && strings.EqualFold(rest[:5], "until")
	case 'a':
		return len(rest) >= 3 && rest[1]|0x20 == 'n' && rest[2]|0x20 == 'd'
	case 'o':
		return len(rest) >= 2 && rest[1]|0x20 == 'r'
	}
	return strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—")
}

// inPassing reports whether the time expression between before and after
// is mentioned in passing: the bound of a span, a point of reference for
// something else, or a member of a list.
func inPassing(before, after string) bool {
	tail := lastWords(before)
	if endsPassing(tail) {
		return true
	}
	if mayPassAfter(after) && passingAfter.MatchString(after) {
		return true
	}
	// A date that qualifies a noun ("the 2020 election", "its March 16
	// report", "Russia's 2014 annexation") names what is meant, not when
	// the sentence happens.
	if attributiveBefore.MatchString(tail) && attributiveAfter.MatchString(after) {
		return true
	}
	if strings.ContainsAny(tail, "'’") && possessiveBefore.MatchString(tail) {
		return true
	}
	// Inside brackets, unless the brackets hold the date alone right
	// after a verb ("grounded (11-Mar-2019) its fleet").
	if o, c := strings.LastIndexAny(before, "("), strings.LastIndexAny(before, ")"); o > c {
		return !(strings.TrimSpace(before[o+1:]) == "" && strings.HasPrefix(strings.TrimSpace(after), ")") &&
			strings.HasSuffix(strings.ToLower(lastField(before[:o])), "ed"))
	}
	return false
}

// noFinerThanAnchor keeps a date resolved against a publication date
// known only to the month or year ("today" in an article of June 2021)
// from being more precise than that publication date: the tagger anchors
// such an expression on the period's first day, which is no claim about
// the day. A day counted from that anchor ("yesterday", "on Monday", "two
// days ago") is no date at all (ok false): it needs the day of
// publication, and May 31 truncated to May would be a wrong month.
func noFinerThanAnchor(d storyline.Date, t storyline.Timex, published storyline.Date) (storyline.Date, bool) {
	if published.IsZero() || published.Precision == storyline.PrecisionDay || d.Precision <= published.Precision {
		return d, true
	}
	anchor := published.Time().Format("2006-01-02")
	if t.Anchor != "" && t.Anchor == anchor {
		if namesMonth(t.Text) {
			return d, true // "June 16": only its year comes from the anchor
		}
		if d.Precision == storyline.PrecisionDay && d.Time().Format("2006-01-02") != anchor {
			return storyline.Date{}, false
		}
		return d.Truncate(published.Precision), true
	}
	return d, true
}

// namesMonth reports whether a time expression names its month ("June
// 16", "16 Jun"): its day is its own, whatever it takes from an anchor.
func namesMonth(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if isMonth(w) {
			return true
		}
	}
	return false
}

// yearQualifies reports whether a bare year qualifies the noun after it
// ("a historic 1985 summit", "the 2020 presidential election"): it names
// which summit, not when the sentence happens.
func yearQualifies(timexText, after string) bool {
	if len(timexText) != 4 || strings.Trim(timexText, "0123456789") != "" {
		return false
	}
	m := nextWord.FindStringSubmatch(after)
	return m != nil && !nlp.IsStopword(m[1])
}

var nextWord = regexp.MustCompile(`^ ([a-z][a-z-]+)\b`)

// dateOfValue resolves a TIMEX3 value to a calendar date: YYYY-MM-DD,
// YYYY-MM, YYYY, with or without a time of day; PRESENT_REF is the
// publication date. Weeks, seasons, quarters, decades, durations and sets
// have no calendar date here.
func dateOfValue(v string, published storyline.Date) (storyline.Date, bool) {
	if v == "PRESENT_REF" {
		return published, !published.IsZero()
	}
	if i := strings.IndexByte(v, 'T'); i == 10 {
		v = v[:10]
	}
	if !dateShaped(v) {
		return storyline.Date{}, false // ParseDate would fail ("XXXX-03-17", "2021-Q1", "P3D")
	}
	d, err := storyline.ParseDate(v)
	if err != nil || d.IsZero() {
		return storyline.Date{}, false
	}
	return d, true
}

// dateShaped reports whether v is shaped as YYYY, YYYY-MM or YYYY-MM-DD
// in digits: otherwise ParseDate refuses it.
func dateShaped(v string) bool {
	switch len(v) {
	case 4, 7, 10:
	default:
		return false
	}
	for i := 0; i < len(v); i++ {
		if (i == 4 || i == 7) != (v[i] == '-') || v[i] != '-' && !isDigit(v[i]) {
			return false
		}
	}
	return true
}

var (
	presentVerb = wordsRule(`is|are|has|have|says|say|said|told|tells|announced|announces|confirmed|confirms|reported|reports|stated|states|noted|notes|declared|declares|added|adds|revealed|reveals|warned|warns|expects|believes|will|plans|remains|continues|now|today|currently`)
	pastPerfect = leadingRule(`(?i)\b(had\s+(been|already|previously|\w+ed)|earlier\s+this\s+year|last\s+year|years?\s+ago)\b`, "had", "earlier", "last", "year", "years")
)

// speaksOfPresent reports whether a sentence without a date of its own
// speaks of the time of publication. A past perfect inside reported
// speech ("the ministry said the ambassador had been recalled") is the
// report's, not background.
func speaksOfPresent(s string) bool {
	return presentVerb.MatchString(s) && (!pastPerfect.MatchString(s) || reportedPerfect.MatchString(s))
}

// speaksOfPresentIn is speaksOfPresent of the sentence at sp without its
// background (withoutBackground), reading the sentence's words when
// nothing is cut.
func speaksOfPresentIn(all string, sp nlp.Span, tx []storyline.Timex, words *sentenceWordsOf, bg *backgrounds) bool {
	if s, cut := withoutBackground(all, sp, tx, bg); cut {
		return speaksOfPresent(s)
	}
	text, ws := words.s, words.get()
	return presentVerb.matchWords(text, ws, keyPresent) &&
		(!pastPerfect.matchWords(text, ws, keyPastPerfect) || reportedPerfect.matchWords(text, ws, keyReported))
}

var reportedPerfect = leadingRule(`(?i)\b(said|says|told|tells|announced|announces|stated|states|noted|confirmed|confirms|reported|reports)\b[^.;]*\bhad\s+(been|\w+ed|\w+en)\b`,
	strings.Split("said|says|told|tells|announced|announces|stated|states|noted|confirmed|confirms|reported|reports", "|")...)

// actors returns the names of the entities mentioned in a span, in order
// of first mention, each once.
func actors(sp nlp.Span, ms []storyline.Mention) []string {
	var out []string
	for _, m := range ms {
		if m.Start < sp.Start || m.End > sp.End {
			continue
		}
		name := m.Name
		if name == "" {
			name = m.Text
		}
		if name != "" && !slices.Contains(out, name) {
			if out == nil {
				out = make([]string, 0, len(ms)) // no more names than mentions
			}
			out = append(out, name)
		}
	}
	return out
}

var (
	numberWords  = `one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|thousands|millions`
	quantityRule = `(?i)(?:\$\s?)?\b(\d[\d,]*(?:\.\d+)?|` + numberWords + `)(?:\s+(?:million|billion|thousand|hundred|percent|per\s+cent))?\s+([a-z][a-z-]+)`
	quantity     = regexp.MustCompile(quantityRule)
	// quantityHere is quantity anchored where it is tried (quantities).
	quantityHere = regexp.MustCompile(`^(?:` + quantityRule + `)`)
	numberWord   = newKeySet(strings.Split(strings.ReplaceAll(numberWords, "dozens?", "dozen|dozens"), "|"))
)

// Numbers returns the quantities a sentence states, each as "N unit"
// ("14 countries", "two hours"): the values that sources can disagree on.
// Years, days of the month and the numbers of names (models, flights:
// "Boeing 737 MAX", "the 737-800", "Flight 302 crashed") are not
// quantities.
func Numbers(s string) []string {
	return numbersIn(s, sentenceWords(nil, s))
}

// numbersIn is Numbers, given s's words.
func numbersIn(s string, ws []word) []string {
	var out []string
	for _, m := range quantitiesIn(s, ws) {
		num := s[m[2]:m[3]]
		written := s[m[4]:m[5]]
		unit := strings.ToLower(written)
		if isMonth(unit) || unit == "am" || unit == "pm" || nlp.IsStopword(unit) {
			continue
		}
		// A bare four-digit number is a year; a number after a month name
		// is a day.
		if len(num) == 4 && !strings.ContainsAny(num, ",.") && num[0] >= '1' && num[0] <= '2' {
			continue
		}
		before := lastField(s[:m[0]])
		if before != "" && isMonth(strings.ToLower(strings.Trim(before, ",."))) {
			continue
		}
		if isDigit(num[0]) && nameNumber(s, m[0], m[2], before, written) {
			continue
		}
		out = append(out, strings.ToLower(strings.Join(strings.Fields(s[m[2]:m[1]]), " ")))
	}
	return out
}

// nameNumber reports whether the digits at i of s (in a quantity from
// start), after the word before
// and followed by the word unit as written, are part of a name: glued to
// a letter or a hyphen ("A320", "737-800"), after a capitalised word that
// does not open the sentence ("Boeing 737", "Flight 302", "Max 8"), or
// before a capitalised word that is no plural ("737 Max", "787
// Dreamliner"; "32 Kenyans" is a quantity) or a word in capitals ("737
// MAX").
func nameNumber(s string, start, i int, before, unit string) bool {
	if i > 0 {
		if c := s[i-1]; c == '-' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			return true
		}
	}
	if r, _ := utf8.DecodeRuneInString(unit); unicode.IsUpper(r) {
		if strings.ToUpper(unit) == unit && len(unit) > 1 || !strings.HasSuffix(unit, "s") {
			return true
		}
	}
	if before == "" {
		return false
	}
	if head := strings.TrimRightFunc(s[:start], unicode.IsSpace); strings.TrimSpace(head[:len(head)-len(before)]) == "" {
		// The sentence's first word: "Flight 302 crashed", but "Some
		// 150 passengers", "Nearly 150 passengers".
		if w := strings.ToLower(before); nlp.IsStopword(w) || approximately[w] {
			return false
		}
	}
	before = strings.TrimRight(before, ",;:")
	if strings.HasSuffix(before, "'s") || strings.HasSuffix(before, "’s") || strings.HasSuffix(before, ".") {
		return false // "Kenya's 32 citizens", "U.S. 14 ..."
	}
	r, _ := utf8.DecodeRuneInString(before)
	return unicode.IsUpper(r)
}

// approximately holds words that may open a sentence before a number.
var approximately = wordSet([]string{"about", "almost", "approximately", "around", "roughly", "nearly", "only", "just",
	"over", "under", "exactly", "some", "more", "fewer", "less", "least", "up", "another", "all", "at", "by", "with", "and"})

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

func isMonth(w string) bool { return months[w] }
