package timeline

// endsPassing is passingBefore.MatchString(s), read by hand from the end
// of s, where the expression is anchored: a passing word ("since", "ahead
// of"), white space, perhaps "the", "early", "late" or "mid" and the end.
// A text holding a letter of foldsToASCII is left to the expression.
func endsPassing(s string) bool {
	if foldsIntoASCII(s) {
		return passingBefore.re.MatchString(s)
	}
	// (the\s+|early\s+|late\s+)$ or nothing after the passing word's
	// white space
	t, spaced := trimSpaceRight(s)
	if !spaced {
		// no white space at the end: only mid-?\s*$ with \s* empty
		return afterPassingWord(midBefore(t))
	}
	if afterPassingWord(s) {
		return true
	}
	for _, w := range [...]string{"the", "early", "late"} {
		if hasSuffixFold(t, w) && afterPassingWord(t[:len(t)-len(w)]) {
			return true
		}
	}
	return afterPassingWord(midBefore(t))
}

// midBefore returns what comes before a final "mid" or "mid-" of s, or
// "" when it has neither.
func midBefore(s string) string {
	if len(s) > 0 && s[len(s)-1] == '-' {
		s = s[:len(s)-1]
	}
	if !hasSuffixFold(s, "mid") {
		return ""
	}
	return s[:len(s)-len("mid")]
}

// afterPassingWord reports whether s ends with a word of passingBefore
// and white space, the word at a word boundary.
func afterPassingWord(s string) bool {
	t, spaced := trimSpaceRight(s)
	if !spaced {
		return false
	}
	for _, w := range passingWords {
		if hasSuffixFold(t, w) && wordStartsAt(t, len(t)-len(w)) {
			return true
		}
	}
	// "ahead of", "prior to", "as of": two words, white space between
	for _, p := range [...][2]string{{"ahead", "of"}, {"prior", "to"}, {"as", "of"}} {
		if !hasSuffixFold(t, p[1]) {
			continue
		}
		u, spaced := trimSpaceRight(t[:len(t)-len(p[1])])
		if spaced && hasSuffixFold(u, p[0]) && wordStartsAt(u, len(u)-len(p[0])) {
			return true
		}
	}
	return false
}

// passingWords are passingBefore's words of one word.
var passingWords = [...]string{"since", "until", "till", "through", "throughout", "over", "during", "within",
	"before", "after", "following", "from", "by", "of", "between", "than", "like", "and", "or"}

// wordStartsAt reports whether \b holds before the letter at i of s.
func wordStartsAt(s string, i int) bool { return i == 0 || !isWordByte(s[i-1]) }

// trimSpaceRight returns s without the white space (\s) it ends with, and
// whether it ended with any.
func trimSpaceRight(s string) (string, bool) {
	n := len(s)
	for n > 0 && isSpace(s[n-1]) {
		n--
	}
	return s[:n], n < len(s)
}

// hasSuffixFold reports whether s ends with word, a word of lower-case
// ASCII letters, in any case.
func hasSuffixFold(s, word string) bool {
	return len(s) >= len(word) && hasPrefixFold(s[len(s)-len(word):], word)
}
