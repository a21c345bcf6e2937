package timeline

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/timex"
)

// The word and place lookups that spare the statement rules their
// regular expressions must give what the expressions give.

var fastCases = []string{
	"Troops from 14 countries arrived, and $5 million in aid followed.",
	"It cost $ 1,200.50 dollars and US$3 billion more; 2.5x people came.",
	"Seventeen people died and sixteen-year-old boys, two hundreds men, a dozen eggs, dozens of towns.",
	"He said 40 per  cent of voters and 12 percent more, 3 million-strong crowds, 5 million .",
	"On March 16 2021 people met; the 2020 election; 10am meetings at 9 pm talks.",
	"x5 people, _7 units, a1 b2, one2 three, onetwo men, TWENTY Soldiers, ONE-way",
	"The \u017fix \u017foldiers and 5 \u212aelvin degrees, thou\u017fands of men, it\u017f, \u212aIS, 5 \u212am, ha\u017f been.",
	"Over 1,000, people\tand\n300\fmore and 4\vhouses and 7\u00a0cars.",
	"$$5 dollars, $\t6 euros, 1.2.3 things, 1..2 points, 5,, items, ,5 items.",
	"“Two hundred thousand people”, she said — nine hours, ninety-nine balloons.",
	"They had been told; he had already left, had arrested, years ago, last year, earlier this year.",
	"is are has have says say said told TODAY Now currently, isn't, it's, WILL.",
	"The talks went on ahead of the ",
	"prior to  early ",
	"in the run-up to, and as of mid- ",
	"since mid-",
	"The Caf\u00e9's ",
	"\u041c\u043e\u0441\u043a\u0432\u0430\u2019s\t",
	"the ministers' ",
	"over the past ",
	"during\tthe\n",
	"Russia's 2014 ",
	"",
	"5",
	"$",
	"one two three four",
	"Investigators compared it with the crash of an Ethiopian jet on ",
	"the Lion Air Flight 610 in ",
	"similar to a plane crash in Indonesia in ",
	"the flight that plunged into the sea in ",
	"the FAA, which approved the plane in ",
	"it began after the plane crashed late ",
	"a view of the Boeing factory, pictured in Renton, Washington in ",
	"(Photographed at the site in ",
	"The attacks involving its fleet near the border in ",
	"ATTACK OF the Kurds in ",
	"the ſimilar fire in ",
	" Lion Air crash killed 189",
	"  1 2 3 4 deadly\tCRASHES, then",
	" a b c d fatal  crash_ site",
	" one two three four five crash",
	"\vcrash; \fStorm's flood-waters",
	" Oct. 29 Lion Air's \u017finking",
	"that  which\tWHO\n\u00e9 who that who, which",
	" That\n\nwho", "who\u00a0x Who\x80 that",
	"as  OF\tthe ", "thereof ", "ahead of mid- ", "prior\nto MID", "of mid--", "of mid -", "by early", "By Early\r",
	"x_and ", "-or late  ", "throughout\fthe\t", "Like mid", "until midst ", "than the the ", "asof ", "ahead  of",
	"Who said that, which was before and although it followed",
	"The ministry said the ambassador had been recalled; it SAYS he had left. Reports had widened, states had takKen.",
	"Earlier this year, years ago, last  year, year ago: had previously had",
	"$ 5 million people, 5 per \t cent  rise, 6 per cent, Five Million-strong, DOZEN eggs, dozens of men, 7 percents, 8 per centage",
	"1,000.5,3 men, 2.5 millions, $5million, 5\vmen, hundreds hundred men, ten\fthousand\rtroops, 9 x, 9 a-, 12 -b, 4 million 5",
}

func TestQuantitiesAsTheExpression(t *testing.T) {
	for _, s := range fastCases {
		checkQuantities(t, s)
	}
}

func FuzzQuantities(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Fuzz(checkQuantities)
}

func checkQuantities(t *testing.T, s string) {
	want := quantity.FindAllStringSubmatchIndex(s, -1)
	got := quantitiesIn(s, sentenceWords(nil, s))
	if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Errorf("quantitiesIn(%q) = %v, the expression gives %v", s, got, want)
	}
	if !foldsIntoASCII(s) {
		// At every place a match may start, as the expression reads it.
		for i := range len(s) {
			if s[i] != '$' && (i > 0 && isWordByte(s[i-1]) || !isWordByte(s[i])) {
				continue
			}
			got, _ := quantityAt(s, i)
			want := quantityHere.FindStringSubmatchIndex(s[i:])
			for j := range want {
				want[j] += i
			}
			if !slices.Equal(got, want) {
				t.Errorf("quantityAt(%q, %d) = %v, the expression gives %v", s, i, got, want)
			}
		}
	}
	if got, want := lastField(s), lastOfFields(s); got != want {
		t.Errorf("lastField(%q) = %q, want %q", s, got, want)
	}
}

func lastOfFields(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// foldsToASCII holds every non-ASCII letter that (?i) matches for an
// ASCII one.
func TestFoldsToASCII(t *testing.T) {
	var folds []rune
	for c := 'a'; c <= 'z'; c++ {
		for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
			if r > unicode.MaxASCII {
				folds = append(folds, r)
			}
		}
	}
	if string(folds) != foldsToASCII {
		t.Errorf("non-ASCII folds of ASCII letters: %q, foldsToASCII is %q", string(folds), foldsToASCII)
	}
}

func TestRulesAsTheirExpressions(t *testing.T) {
	for _, s := range fastCases {
		checkRules(t, s)
	}
}

func FuzzRules(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Fuzz(checkRules)
}

func checkRules(t *testing.T, s string) {
	if possessiveBefore.MatchString(s) && !strings.ContainsAny(s, "'’") {
		t.Errorf("possessiveBefore matches %q, which holds no apostrophe", s)
	}
	for name, re := range map[string]*regexp.Regexp{"passingBefore": passingBefore.re, "spanToNow": spanToNow.re, "attributiveBefore": attributiveBefore.re,
		"possessiveBefore": possessiveBefore, "determinerBefore": determinerBefore.re} {
		for _, cut := range []int{len(s), len(s) / 2, len(s) / 3} {
			before := s[:cut]
			if got, want := re.MatchString(lastWords(before)), re.MatchString(before); got != want {
				t.Errorf("%s on lastWords(%q) = %v, on all of it %v", name, before, got, want)
			}
		}
	}
	for name, r := range map[string]*rule{"presentVerb": &presentVerb, "pastPerfect": &pastPerfect, "reportedPerfect": &reportedPerfect,
		"happeningIn": &happeningIn, "happeningPost": &happeningPost, "captionParticiple": &captionParticiple,
		"relativeWord": &relativeWord, "subordinator": &subordinator, "comparing": &comparing,
		"passingBefore": &passingBefore, "spanToNow": &spanToNow, "attributiveBefore": &attributiveBefore, "determinerBefore": &determinerBefore,
		"reportingVerb": &reportingVerb} {
		if got, want := r.MatchString(s), r.re.MatchString(s); got != want {
			t.Errorf("%s.MatchString(%q) = %v, the expression gives %v", name, s, got, want)
		}
		if got, want := r.FindStringIndex(s), r.re.FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("%s.FindStringIndex(%q) = %v, the expression gives %v", name, s, got, want)
		}
		if got, want := r.FindAllStringSubmatchIndex(s), r.re.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Errorf("%s.FindAllStringSubmatchIndex(%q) = %v, the expression gives %v", name, s, got, want)
		}
	}
	for _, cut := range []int{len(s), len(s) / 2, len(s) / 3} {
		if got, want := endsPassing(s[:cut]), passingBefore.re.MatchString(s[:cut]); got != want {
			t.Errorf("endsPassing(%q) = %v, passingBefore gives %v", s[:cut], got, want)
		}
	}
	ms := relativeWord.re.FindAllStringSubmatchIndex(s, -1)
	if got, ok := lastRelativeWord(s); ok != (ms != nil) || ok && !slices.Equal(got[:], ms[len(ms)-1]) {
		t.Errorf("lastRelativeWord(%q) = %v, %v; the expression's last match is %v", s, got, ok, ms)
	}
	if got, want := happensAfter(s), happeningAfter.MatchString(s); got != want {
		t.Errorf("happensAfter(%q) = %v, happeningAfter gives %v", s, got, want)
	}
	ws := sentenceWords(nil, s)
	for name, r := range map[string]struct {
		rule *rule
		key  keyBits
	}{"presentVerb": {&presentVerb, keyPresent}, "pastPerfect": {&pastPerfect, keyPastPerfect}, "reportedPerfect": {&reportedPerfect, keyReported}} {
		if got, want := r.rule.matchWords(s, ws, r.key), r.rule.re.MatchString(s); got != want {
			t.Errorf("%s.matchWords(%q) = %v, the expression gives %v", name, s, got, want)
		}
	}
}

func FuzzLastRune(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Add("ends cut \xe3\x80")
	f.Fuzz(func(t *testing.T, s string) {
		r := []rune(s)
		if len(r) == 0 {
			return
		}
		if got, _ := lastRune(s); got != r[len(r)-1] {
			t.Errorf("lastRune(%q) = %q, want %q", s, got, r[len(r)-1])
		}
	})
}

func TestFoldsIntoASCII(t *testing.T) {
	for _, s := range append(fastCases, "\u212a", "x\u017f", "“K” and S", "\xaa\xbf ª¿ \u212b\u017e \xe2\x84 \xc5", "—\u212a—", "¿\u017f") {
		checkFoldsIntoASCII(t, s)
	}
}

func FuzzFoldsIntoASCII(f *testing.F) {
	f.Add("“K” and \u212a, ¿\u017f")
	f.Fuzz(checkFoldsIntoASCII)
}

func checkFoldsIntoASCII(t *testing.T, s string) {
	if got, want := foldsIntoASCII(s), strings.ContainsAny(s, foldsToASCII); got != want {
		t.Errorf("foldsIntoASCII(%q) = %v, want %v", s, got, want)
	}
}

// A keySet's look at first letters and lengths must keep every word of
// the set.
func TestKeySetAsItsWords(t *testing.T) {
	for _, s := range fastCases {
		checkKeySets(t, s)
	}
	checkKeySets(t, "IS Are sAID currently CURRENTLY seventeen Hundreds dozens x1 _is is_ é is\u212a")
}

func FuzzKeySets(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Fuzz(checkKeySets)
}

func checkKeySets(t *testing.T, s string) {
	sets := map[string]keySet{"presentVerb": presentVerb.words, "pastPerfect": pastPerfect.words, "numberWord": numberWord,
		"happeningIn": happeningIn.words, "odd": newKeySet([]string{"1st", "_x", "a", "abcdefghijklmnopq"})}
	for _, w := range append(strings.FieldsFunc(s, func(r rune) bool { return r < 0x80 && !isWordByte(byte(r)) }), s) {
		for name, k := range sets {
			if got, want := k.has(w), isWord(w, k.words); got != want {
				t.Errorf("%s.has(%q) = %v, isWord gives %v", name, w, got, want)
			}
		}
		keys := sentenceKeys.of(w)
		for bit, k := range map[keyBits]*keySet{keyPresent: &presentVerb.words, keyPastPerfect: &pastPerfect.words, keyReported: &reportedPerfect.words, keyQuantity: &numberWord} {
			if got, want := keys&bit != 0, k.has(w); got != want {
				t.Errorf("sentenceKeys.of(%q) has %b: %v, the set's has gives %v", w, bit, got, want)
			}
		}
	}
	// Each word of a sentence with its keys, as its set's has says.
	for _, w := range sentenceWords(nil, s) {
		text := s[w.start:w.end]
		if w.start > 0 && isWordByte(s[w.start-1]) || w.end < len(s) && isWordByte(s[w.end]) || w.end <= w.start {
			t.Errorf("sentenceWords(%q): %q is no whole word", s, text)
		}
		want := sentenceKeys.of(text) &^ keyQuantity
		letters := strings.IndexFunc(text, func(r rune) bool { return !isLetterByte(byte(r)) })
		if letters < 0 {
			letters = len(text)
		}
		if isDigit(text[0]) || numberWord.has(text[:letters]) {
			want |= keyQuantity
		}
		if w.keys != want {
			t.Errorf("sentenceWords(%q): %q has keys %b, want %b", s, text, w.keys, want)
		}
	}
}

// sortedByStart gives what sorting a copy gives, and leaves its input be.
func TestSortedByStart(t *testing.T) {
	start := func(x *[2]int) int { return x[0] }
	for _, xs := range [][][2]int{nil, {{1, 0}}, {{1, 0}, {3, 1}, {7, 2}}, {{3, 0}, {1, 1}, {2, 2}}, {{1, 0}, {1, 1}, {0, 2}}} {
		in := slices.Clone(xs)
		want := slices.Clone(xs)
		slices.SortFunc(want, func(x, y [2]int) int { return x[0] - y[0] })
		got := sortedByStart(xs, start)
		if !slices.EqualFunc(got, want, func(x, y [2]int) bool { return x[0] == y[0] }) || !slices.Equal(xs, in) {
			t.Errorf("sortedByStart(%v) = %v (input now %v), want %v", in, got, xs, want)
		}
	}
}

// isAnaphoricSlow is isAnaphoric as it was: each demonstrative searched
// for on its own.
func isAnaphoricSlow(s string) bool {
	if startsAnaphoric(s) {
		return true
	}
	for _, d := range []string{"this ", "that ", "these ", "those "} {
		for i := strings.Index(s, d); i >= 0; {
			rest := s[i+len(d):]
			for _, n := range []string{"strategy", "move", "decision", "step", "plan", "announcement"} {
				if strings.HasPrefix(rest, n) {
					return true
				}
			}
			j := strings.Index(rest, d)
			if j < 0 {
				break
			}
			i += len(d) + j
		}
	}
	return false
}

func FuzzIsAnaphoric(f *testing.F) {
	for _, s := range []string{"This move angered Moscow.", "He said so.", "Officials called this decision final.",
		"and these steps", "thisthat this plan", "those thesethese announcements", "Bathe the moth.", "that that move", "th", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isAnaphoric(s), isAnaphoricSlow(s); got != want {
			t.Errorf("isAnaphoric(%q) = %v, want %v", s, got, want)
		}
	})
}

// The words of a sentence taken from the tagger's (timex.Found.Words)
// are the words read from the sentence itself: for every sentence of a
// text, and for spans cut anywhere (inside words too), in order and
// going back to the start.
func TestTaggedWords(t *testing.T) {
	for _, s := range fastCases {
		checkTaggedWords(t, s, 7)
	}
	checkTaggedWords(t, "A320s_x and one2 men.Then SAID is, is_ Sept. said p.m. naïve said Café is 10am", 3)
}

func FuzzTaggedWords(f *testing.F) {
	for i, s := range fastCases {
		f.Add(s, uint8(i))
	}
	f.Fuzz(checkTaggedWords)
}

func checkTaggedWords(t *testing.T, text string, cut uint8) {
	found := timex.Find(text)
	defer found.Release()
	spans := nlp.Sentences(text)
	if n := int(cut%32) + 1; len(text) > 0 {
		for at := 0; at < len(text); at += n {
			spans = append(spans, nlp.Span{Start: at, End: min(at+n, len(text))})
		}
		spans = append(spans, nlp.Span{Start: 0, End: len(text)}, nlp.Span{Start: len(text) / 2, End: len(text)})
	}
	ws := newSentenceWords(found.Words())
	for _, sp := range spans {
		ws.reset(text, sp)
		got := ws.get()
		want := sentenceWords(nil, text[sp.Start:sp.End])
		if !slices.Equal(got, want) {
			t.Fatalf("words of %q (%d-%d of %q) from the tagger's: %v, want %v", text[sp.Start:sp.End], sp.Start, sp.End, text, got, want)
		}
	}
}

// isReportSlow is isReport as it was: counting up to 12 words first.
func isReportSlow(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "?") {
		return false
	}
	words := nlp.LetterWords(s, 12)
	if words < 5 {
		return false
	}
	last, _ := lastRune(s)
	return strings.ContainsRune(".!\"”’'»)", last) || words >= 12
}

func FuzzIsReport(f *testing.F) {
	for _, s := range append(fastCases, "One two three four five.", "One two three four.", "a b c d e f g h i j k l", "a b c d e f g h i j k", "Is it one two three four?", " Naïve élan and Ωmega rise ” ") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isReport(s), isReportSlow(s); got != want {
			t.Errorf("isReport(%q) = %v, want %v", s, got, want)
		}
	})
}

// clauseStart finds the last clause mark as one LastIndexAny over all
// of them found it.
func FuzzClauseStart(f *testing.F) {
	for _, s := range append(fastCases, "the crash — which killed 157 – in", "a, b; c: d (e) f - g", "\xf0\xe2\x80\x94x", "—", "x –") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, before string) {
		i := strings.LastIndexAny(before, ",;:()—–")
		if j := strings.LastIndex(before, " - "); j > i {
			i = j + 2
		}
		want := 0
		if i >= 0 {
			_, n := firstRune(before[i:])
			want = i + n
		}
		if got := clauseStart(before); got != want {
			t.Errorf("clauseStart(%q) = %d, want %d", before, got, want)
		}
	})
}

// isWordByte's table holds the word characters of Go's \b.
func TestWordBytes(t *testing.T) {
	word := regexp.MustCompile(`^\w$`)
	for c := 0; c < 256; c++ {
		if got, want := isWordByte(byte(c)), c < 0x80 && word.MatchString(string(rune(c))); got != want {
			t.Errorf("isWordByte(%q) = %v, want %v", rune(c), got, want)
		}
	}
}
