package timeline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headline turns the sentence that stands for a happening into the
// entry's headline: a section heading glued to its start ("Life at the
// Embassies In the past decade, ...") and a discourse opener
// ("Earlier, ", "In turn, ") are dropped, and the sentence is trimmed to
// its main clause where what follows it is an aside: a participle phrase
// (", blaming ..."), an "amid" phrase, a clause after a dash or a
// semicolon, a relative clause set off by a comma. A cut is made only at
// such a boundary, never inside a word, a quotation or brackets, and only
// when what is kept reads as a sentence of its own (six words or more);
// a trimmed headline ends with a full stop.
func headline(s string) string {
	s, _ = fold(s)
	s = dropDateline(s)
	s = dropHeading(s)
	s = dropOpener(s)
	return mainClause(s)
}

// datelines are the agency datelines that open a report and say where and
// by whom it was filed, not what happened: "MOSCOW (AP) — ", "WASHINGTON,
// June 21. /TASS/. ", "March 15 (UPI) -- ", "March 18, 2024 (EIRNS)—",
// "MOSCOW (UrduPoint News / Sputnik - 21st June, 2021) ".
var datelines = []*regexp.Regexp{
	regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,[^.]{1,30}\.)?\s*/\p{Lu}+/\.?\s+`),
	regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,40}\s*\([^)]{1,80}\)\s*(?:[-–—:]+\s*)?`),
	regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{1,40}\s+[-–—]+\s+`),
	regexp.MustCompile(`^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\([^)]{1,40}\)\s*[-–—]+\s*`),
}

// dropDateline removes an agency dateline from the start of a sentence
// when what follows reads as a sentence (six words or more, capitalised).
func dropDateline(s string) string {
	for _, re := range datelines {
		loc := re.FindStringIndex(s)
		if loc == nil {
			continue
		}
		rest := s[loc[1]:]
		if len(strings.Fields(rest)) >= 6 && capitalised(rest) {
			return rest
		}
	}
	return s
}

// sentenceOpeners are capitalised words that begin a sentence, not a
// heading: a heading glued to a sentence ends right before one.
var sentenceOpeners = map[string]bool{
	"In": true, "The": true, "As": true, "On": true, "At": true, "After": true, "A": true, "An": true,
	"It": true, "This": true, "That": true, "These": true, "Those": true, "He": true, "She": true,
	"They": true, "We": true, "According": true, "While": true, "When": true, "Since": true,
	"Last": true, "Earlier": true, "Meanwhile": true, "However": true, "During": true, "Despite": true,
	"There": true, "For": true, "From": true, "Following": true,
}

// headingWords may stand inside a Title Case heading uncapitalised.
var headingWords = map[string]bool{"of": true, "the": true, "and": true, "with": true, "in": true, "on": true,
	"for": true, "to": true, "a": true, "an": true, "at": true, "by": true, "vs": true, "&": true}

// dropHeading removes a Title Case heading that the sentence splitter
// left glued to the start of a sentence: two to eight capitalised words
// (and small connecting words), the last of them capitalised, followed by
// a word that opens sentences.
func dropHeading(s string) string {
	words := strings.Fields(s)
	if len(words) < 8 || !capitalised(words[0]) {
		return s
	}
	for k := 2; k <= 8 && k < len(words)-5; k++ {
		w := words[k-1]
		if !capitalised(w) && !headingWords[w] {
			return s // not a heading
		}
		if strings.ContainsAny(w, ".,;:!?\"“”") {
			return s
		}
		if capitalised(w) && sentenceOpeners[words[k]] {
			return strings.Join(words[k:], " ")
		}
	}
	return s
}

// openers are discourse connectives that begin a sentence and say
// nothing of the happening, or date it only against the sentence before
// (the entry's date says when).
var openers = []string{"Earlier, ", "Meanwhile, ", "However, ", "In turn, ", "At the same time, ", "In addition, ",
	"Moreover, ", "Later, ", "Previously, ", "Also, ", "Separately, ", "Nevertheless, ", "Still, ", "But ", "And ",
	"The next day, ", "The day before, ", "A day later, ", "That day, ", "On the same day, "}

func dropOpener(s string) string {
	for _, o := range openers {
		if rest, ok := strings.CutPrefix(s, o); ok && len(strings.Fields(rest)) >= 6 {
			r, n := utf8.DecodeRuneInString(rest)
			return string(unicode.ToUpper(r)) + rest[n:]
		}
	}
	return s
}

// mainClause trims a sentence at the first boundary after which comes an
// aside, if what is kept reads as a sentence.
func mainClause(s string) string {
	best := -1
	for _, b := range boundaries(s) {
		if best < 0 || b < best {
			best = b
		}
	}
	if best < 0 {
		return s
	}
	kept := strings.TrimRight(s[:best], " ,;:—–-")
	if len(strings.Fields(kept)) < 6 || !balanced(kept) || needsComplement(kept) {
		return s
	}
	return kept + "."
}

// needsComplement reports whether a clause ends in a verb that cannot
// stand without what follows it ("The move comes" amid what).
func needsComplement(clause string) bool {
	f := strings.Fields(clause)
	switch strings.ToLower(f[len(f)-1]) {
	case "comes", "came", "come", "is", "was", "are", "were", "be", "been", "being", "remains", "remained", "seems", "seemed":
		return true
	}
	return false
}

// boundaries returns the byte offsets where an aside begins: ", blaming",
// " amid ", " — ", "; ", ", which ", ", who ".
func boundaries(s string) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ',' && i+2 < len(s) && s[i+1] == ' ':
			next := firstWord(s[i+2:])
			if participle(next) || next == "which" || next == "who" || next == "whose" {
				out = append(out, i)
			}
		case s[i] == ';':
			out = append(out, i)
		case strings.HasPrefix(s[i:], " amid "):
			out = append(out, i)
		case strings.HasPrefix(s[i:], " — ") || strings.HasPrefix(s[i:], " – "):
			out = append(out, i)
		}
	}
	return out
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// participle says whether a lowercase word is a present participle that
// opens an aside ("blaming", "saying"), not a noun in -ing ("meeting",
// "building") that a list could hold.
func participle(w string) bool {
	if len(w) < 6 || !strings.HasSuffix(w, "ing") || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch w {
	case "meeting", "building", "briefing", "hearing", "spring", "evening", "morning", "during", "including",
		"according", "following", "something", "nothing", "anything", "everything", "shooting", "bombing",
		"funding", "training", "warning", "shelling", "landing", "ceiling", "beijing", "wedding", "ruling":
		return false
	}
	return true
}

// balanced reports whether quotation marks and brackets are closed.
func balanced(s string) bool {
	return strings.Count(s, "“") == strings.Count(s, "”") &&
		strings.Count(s, "\"")%2 == 0 &&
		strings.Count(s, "(") == strings.Count(s, ")") &&
		strings.Count(s, "«") == strings.Count(s, "»")
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
