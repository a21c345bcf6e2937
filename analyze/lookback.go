package analyze

import (
	"slices"
	"strings"

	"github.com/storyline/storyline/nlp"
)

// Looking back.
//
// A text that looks back on a happening ("Ten years after its launch, the
// phone ...", "a decade ago", "on the 25th anniversary of the crash")
// names the happening's weekday ("On Tuesday, January 9, 2007") as a
// history does, not as news of the week does: it was written years after
// that day, not in the week after it.

// span is a number of years the text says have passed since something:
// "ten years after", "20 years ago", "a decade later", "the 25th
// anniversary".
type span struct {
	years   int
	start   int  // where it is in the text
	jubilee bool // an anniversary, which may also be kept on the day itself
}

// spansBack returns the spans of years the text counts from something to
// the time it speaks of: a number of years or decades followed by "ago",
// "after", "later", "since", "on," or "anniversary", and an ordinal before
// "anniversary". A span that measures something else ("a 10-year plan",
// "ten years in prison", "sentenced to ten years after a trial") is none.
func spansBack(text string) []span {
	words := wordsOf(text)
	var out []span
	for k, w := range words {
		switch w.low {
		case "year", "years", "decade", "decades":
		case "anniversary":
			if k > 0 {
				if n, first := ordinalBefore(text, words, k); n > 0 && !measures(words, first) {
					out = append(out, span{years: n, start: words[first].start, jubilee: true})
				}
			}
			continue
		default:
			continue
		}
		if k == 0 || k+1 >= len(words) {
			continue
		}
		n, first := cardinalBefore(text, words, k)
		if n == 0 || measures(words, first) {
			continue
		}
		if strings.HasPrefix(w.low, "decade") {
			n *= 10
		}
		next := words[k+1]
		switch next.low {
		case "ago", "after", "later", "since":
		case "anniversary":
			out = append(out, span{years: n, start: words[first].start, jubilee: true})
			continue
		case "on":
			if end := next.start + len(next.low); end < len(text) && strings.IndexByte(",.;", text[end]) >= 0 {
				break // "Ten years on, ..."
			}
			continue
		default:
			continue
		}
		out = append(out, span{years: n, start: words[first].start})
	}
	return out
}

// measures reports whether the word before a span's number makes it a
// measure of something else: a sentence ("sentenced to", "jailed for",
// "served"), a term ("within", "for", "up to").
func measures(words []word, first int) bool {
	return first > 0 && measureWords[words[first-1].low]
}

var measureWords = set(`to for within serve served serves serving spent spend spends spending face faces facing
	get gets got given aged age`)

// word is a run of ASCII letters and digits, in lower case, and where it
// starts in the text.
type word struct {
	low   string
	start int
}

// wordsOf splits a text into its words of ASCII letters and digits.
func wordsOf(text string) []word {
	var out []word
	for i := 0; i < len(text); {
		if nlp.ASCIIKind[text[i]] == 0 {
			i++
			continue
		}
		j := i
		for j < len(text) && nlp.ASCIIKind[text[j]] != 0 {
			j++
		}
		out = append(out, word{low: strings.ToLower(text[i:j]), start: i})
		i = j
	}
	return out
}

// cardinalBefore reads the number of years before word k: "ten", "10",
// "a", "twenty-five", "10-year"; 0 when there is none. first is the
// number's first word.
func cardinalBefore(text string, words []word, k int) (n, first int) {
	return numberBefore(text, words, k, cardinals)
}

// ordinalBefore reads the ordinal before word k: "tenth", "10th",
// "twenty-fifth"; 0 when there is none.
func ordinalBefore(text string, words []word, k int) (n, first int) {
	w := words[k-1].low
	if len(w) > 2 && w[0] >= '0' && w[0] <= '9' {
		switch w[len(w)-2:] {
		case "st", "nd", "rd", "th":
			if v := digits(w[:len(w)-2]); v > 0 {
				return v, k - 1
			}
		}
		return 0, k
	}
	return numberBefore(text, words, k, ordinals)
}

// numberBefore reads a number in words (from names) or digits before word
// k, with its tens joined by a hyphen ("twenty-five").
func numberBefore(text string, words []word, k int, names map[string]int) (n, first int) {
	w := words[k-1].low
	if v := digits(w); v > 0 {
		return v, k - 1
	}
	n, ok := names[w]
	if !ok {
		return 0, k
	}
	first = k - 1
	if n < 10 && k >= 2 && words[k-1].start > 0 && text[words[k-1].start-1] == '-' {
		if tens, ok := cardinals[words[k-2].low]; ok && tens >= 20 && tens%10 == 0 {
			n, first = tens+n, k-2
		}
	}
	return n, first
}

// digits reads a number of up to three digits; 0 when w is not one.
func digits(w string) int {
	if len(w) == 0 || len(w) > 3 {
		return 0
	}
	n := 0
	for _, c := range []byte(w) {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

var (
	cardinals = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
		"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
	ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
		"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
		"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
		"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
		"eightieth": 80, "ninetieth": 90, "hundredth": 100}
)

// looksBackOn returns a span the text (or its title) counts from the day
// it reports, lo, to when it was written, or false when it counts none. A
// span counts from lo when it is in the title or near lo (within
// nearBytes: a comment far below that remembers floods "two years ago"
// counts from the floods), when, counted from lo, it ends no later than
// now, and when no date the text names lies that span before lo (then it
// is counted from that date: "ten years after the 2010 crash, the bank
// failed on Tuesday, March 3, 2020"). An anniversary in the sentence that
// reports lo is one kept on that day ("marked its 10th anniversary on
// Tuesday, March 3, 2020").
func (ev evidence) looksBackOn(lo dated, now int) (span, bool) {
	spans := spansBack(ev.text)
	for _, s := range spansBack(ev.title) {
		s.start = -1 // in no sentence of the text
		spans = append(spans, s)
	}
	for _, s := range spans {
		if lo.date.Year+s.years > now || s.start >= 0 && max(s.start-lo.start, lo.start-s.start) > nearBytes {
			continue
		}
		if s.jubilee && sameSentence(ev.text, s.start, lo.start) {
			continue
		}
		from := lo.date.Year - s.years
		countedFromOther := slices.ContainsFunc(ev.dated, func(d dated) bool {
			return d.date.Year < lo.date.Year && d.date.Year >= from-1 && d.date.Year <= from
		})
		if !countedFromOther {
			return s, true
		}
	}
	return span{}, false
}

// nearBytes is how far from the day it reports a span of years in the
// text may be to count from it: a lead paragraph or two.
const nearBytes = 400

// sameSentence reports whether nothing ends a sentence between offsets a
// and b of the text.
func sameSentence(text string, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	if a < 0 || b > len(text) {
		return false
	}
	return !strings.ContainsAny(text[a:b], ".!?\n")
}
