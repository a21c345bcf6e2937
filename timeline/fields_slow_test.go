package timeline

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The clause rules read words without splitting the whole clause
// (strings.FieldsSeq, firstField, firstFields, nlp.LastFields): each must
// answer as it did with strings.Fields, kept here.

func opensSentenceSlow(lead string) bool {
	ws := strings.Fields(lead)
	if len(ws) > 1 {
		return false
	}
	switch strings.ToLower(ws[0]) {
	case "the", "a", "an", "this", "that", "its", "their", "his", "her", "last":
		return true
	}
	return false
}

func relativeInSlow(clause string) (int, bool) {
	ms := relativeWord.FindAllStringSubmatchIndex(clause)
	if ms == nil {
		return 0, false
	}
	m := ms[len(ms)-1]
	w := strings.ToLower(clause[m[2]:m[3]])
	head := strings.Fields(clause[:m[2]])
	if len(head) == 0 {
		// The clause opens with it: after a comma, "which" and "who"
		// are relative; "that" is not.
		return m[2], w != "that"
	}
	if w == "that" {
		// "said that", "told reporters that", "officials said to them that crashed in", "he told all of them that left in", "so that": a complement.
		for k := len(head) - 1; k >= 0 && k >= len(head)-3; k-- {
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

func subordinateInSlow(clause, lead string) (int, bool) {
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
	for _, w := range strings.Fields(clause[loc[1]:]) {
		w = strings.ToLower(strings.Trim(w, `"“”'’.,`))
		if len(w) > 3 && strings.HasSuffix(w, "ed") || clauseVerbs[w] || subordinateVerbs[w] {
			return loc[0], true
		}
	}
	return 0, false
}

func hasVerbishSlow(s string) bool {
	for _, w := range strings.Fields(s) {
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

func verbNextSlow(after string) bool {
	ws := strings.Fields(after)
	if len(ws) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(ws[0], `"“”'’.,`))
	return len(w) > 3 && strings.HasSuffix(w, "ed") || clauseVerbs[w] || subordinateVerbs[w]
}

func appositiveSlow(clause string) bool {
	ws := strings.Fields(clause)
	if len(ws) == 0 {
		return false
	}
	switch strings.ToLower(ws[0]) {
	case "a", "an", "the", "one":
	default:
		return false
	}
	for _, w := range ws[1:] {
		w = strings.ToLower(strings.Trim(w, `"“”'’.`))
		if len(w) > 3 && strings.HasSuffix(w, "ed") || clauseVerbs[w] || subordinateVerbs[w] {
			return false
		}
	}
	return true
}

func aboutSomeoneSlow(before, after string) bool {
	c := strings.LastIndexByte(before, ',')
	if c < 0 {
		return false
	}
	head := strings.TrimSpace(before[:c])
	words := strings.Fields(before[c+1:])
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

func inAsideSlow(before, after string) bool {
	c := strings.LastIndexByte(before, ',')
	if c < 0 || strings.TrimSpace(before[:c]) == "" {
		return false
	}
	next := strings.IndexByte(after, ',')
	if next < 0 || next >= 40 {
		return false
	}
	// The clause is a participle or relative clause.
	words := strings.Fields(before[c+1:])
	if len(words) == 0 {
		return false
	}
	w := strings.ToLower(words[0])
	return strings.HasSuffix(w, "ed") || w == "who" || w == "which" || w == "when" || w == "having"
}

var clauseCases = []string{
	"", " ", "The", "the crash", "  The  ", "Last", "a Lion Air 737 MAX 9 in", "an order that was placed in", "the jet which crashed in",
	"said that", "told reporters that", "officials said to them that crashed in", "he told all of them that left in", "delivered that", "after the plane crashed in", "after the publication on",
	"similar difficulties to a flight in", "Sullivan, who left Moscow in", "Antonov, a deputy minister in", "In Moscow, the ministry said on",
	"He left, having flown in", "x, a b c d e f g h i in", "x, a b c d e f g in", "Ann, the former head of \u00c9TAT in", "\u00a0The\u2003",
	"“the” jet, ‘that’ crashed", "who", ", which", "THE", "Ünter, former aide in",
}

func TestClauseRulesAsTheSlow(t *testing.T) {
	for _, a := range clauseCases {
		for _, b := range clauseCases {
			checkClauseRules(t, a, b)
		}
	}
}

func FuzzClauseRules(f *testing.F) {
	for _, a := range clauseCases {
		f.Add(a, ", was named")
	}
	f.Fuzz(checkClauseRules)
}

func checkClauseRules(t *testing.T, before, after string) {
	if lead := strings.TrimSpace(before); lead != "" {
		if got, want := opensSentence(lead), opensSentenceSlow(lead); got != want {
			t.Errorf("opensSentence(%q) = %v, want %v", lead, got, want)
		}
	}
	if strings.TrimSpace(before) != "" {
		if got, want := opensSentence(before), opensSentenceSlow(before); got != want {
			t.Errorf("opensSentence(%q) = %v, want %v", before, got, want)
		}
	}
	i, ok := relativeIn(before)
	j, ok2 := relativeInSlow(before)
	if i != j || ok != ok2 {
		t.Errorf("relativeIn(%q) = %d, %v, want %d, %v", before, i, ok, j, ok2)
	}
	i, ok = subordinateIn(before, after)
	j, ok2 = subordinateInSlow(before, after)
	if i != j || ok != ok2 {
		t.Errorf("subordinateIn(%q, %q) = %d, %v, want %d, %v", before, after, i, ok, j, ok2)
	}
	if got, want := hasVerbish(before), hasVerbishSlow(before); got != want {
		t.Errorf("hasVerbish(%q) = %v, want %v", before, got, want)
	}
	if got, want := verbNext(after), verbNextSlow(after); got != want {
		t.Errorf("verbNext(%q) = %v, want %v", after, got, want)
	}
	if got, want := appositive(before), appositiveSlow(before); got != want {
		t.Errorf("appositive(%q) = %v, want %v", before, got, want)
	}
	if got, want := aboutSomeone(before, after), aboutSomeoneSlow(before, after); got != want {
		t.Errorf("aboutSomeone(%q, %q) = %v, want %v", before, after, got, want)
	}
	if got, want := inAside(before, after), inAsideSlow(before, after); got != want {
		t.Errorf("inAside(%q, %q) = %v, want %v", before, after, got, want)
	}
}

var passingAfterCases = []string{
	"", " ", " - 2020", "–2020", " — May", "\tto June", " TO june", " until ", " Until", " and the 5th", " AND May", " or mid", " or\tnext",
	" and mayor", " ordered", " told", " andes", "\r- x", "\r\n-\tx", " ", " -", "x to", " in May", " Under", "\u212a", " ur",
}

func TestMayPassAfter(t *testing.T) {
	for _, s := range passingAfterCases {
		checkMayPassAfter(t, s)
	}
}

func FuzzMayPassAfter(f *testing.F) {
	for _, s := range passingAfterCases {
		f.Add(s)
	}
	f.Fuzz(checkMayPassAfter)
}

func checkMayPassAfter(t *testing.T, s string) {
	if passingAfter.MatchString(s) && !mayPassAfter(s) {
		t.Errorf("mayPassAfter(%q) = false, but passingAfter matches", s)
	}
}
