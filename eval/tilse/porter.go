package tilse

import (
	"regexp"
	"strings"
)

// The Porter stemmer exactly as ROUGE-1.5.5 carries it (Martin Porter's
// Perl release 1, with Chin-Yew Lin's 2004 change to step 4: a word in
// -ement is not tried again with -ment and -ent in the same rule, but the
// -ment and -ent rules then run on what is left).
var (
	porterC  = `[^aeiou][^aeiouy]*` // consonant sequence
	porterV  = `[aeiouy][aeiou]*`   // vowel sequence
	mgr0     = regexp.MustCompile(`^(` + porterC + `)?` + porterV + porterC)
	meq1     = regexp.MustCompile(`^(` + porterC + `)?` + porterV + porterC + `(` + porterV + `)?$`)
	mgr1     = regexp.MustCompile(`^(` + porterC + `)?` + porterV + porterC + porterV + porterC)
	vInStem  = regexp.MustCompile(`^(` + porterC + `)?[aeiouy]`)
	cvcShort = regexp.MustCompile(`^` + porterC + `[aeiouy][^aeiouwxy]$`)

	step2 = map[string]string{
		"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
		"alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
		"ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
		"iviti": "ive", "biliti": "ble", "logi": "log",
	}
	step3 = map[string]string{
		"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
	}
	step4 = []string{"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti", "ous", "ive", "ize"}
)

// longestSuffix returns the longest of the suffixes w ends with: what a
// Perl alternation anchored at $ matches first.
func longestSuffix[V any](w string, suffixes map[string]V) (string, bool) {
	best, ok := "", false
	for s := range suffixes {
		if len(s) > len(best) && strings.HasSuffix(w, s) {
			best, ok = s, true
		}
	}
	return best, ok
}

var step4Set = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range step4 {
		m[s] = true
	}
	return m
}()

// porterStem stems a lowercase word as ROUGE-1.5.5's stem() does.
func porterStem(w string) string {
	if len(w) < 3 {
		return w
	}
	initialY := w[0] == 'y'
	if initialY {
		w = "Y" + w[1:]
	}
	// Step 1a.
	switch {
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies"):
		w = w[:len(w)-2]
	case len(w) >= 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's':
		w = w[:len(w)-1]
	}
	// Step 1b.
	if strings.HasSuffix(w, "eed") {
		if mgr0.MatchString(w[:len(w)-3]) {
			w = w[:len(w)-1]
		}
	} else if stem, ok := trimAny(w, "ed", "ing"); ok {
		if vInStem.MatchString(stem) {
			w = stem
			n := len(w)
			switch {
			case strings.HasSuffix(w, "at") || strings.HasSuffix(w, "bl") || strings.HasSuffix(w, "iz"):
				w += "e"
			case n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])):
				w = w[:n-1]
			case cvcShort.MatchString(w):
				w += "e"
			}
		}
	}
	// Step 1c.
	if strings.HasSuffix(w, "y") {
		if stem := w[:len(w)-1]; vInStem.MatchString(stem) {
			w = stem + "i"
		}
	}
	// Step 2.
	if suf, ok := longestSuffix(w, step2); ok {
		if stem := w[:len(w)-len(suf)]; mgr0.MatchString(stem) {
			w = stem + step2[suf]
		}
	}
	// Step 3.
	if suf, ok := longestSuffix(w, step3); ok {
		if stem := w[:len(w)-len(suf)]; mgr0.MatchString(stem) {
			w = stem + step3[suf]
		}
	}
	// Step 4, with ROUGE's change.
	if suf, ok := longestSuffix(w, step4Set); ok {
		if stem := w[:len(w)-len(suf)]; mgr1.MatchString(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ment") {
		if stem := w[:len(w)-4]; mgr1.MatchString(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ent") {
		if stem := w[:len(w)-3]; mgr1.MatchString(stem) {
			w = stem
		}
	} else if strings.HasSuffix(w, "sion") || strings.HasSuffix(w, "tion") {
		if stem := w[:len(w)-3]; mgr1.MatchString(stem) {
			w = stem
		}
	}
	// Step 5.
	if strings.HasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if mgr1.MatchString(stem) || (meq1.MatchString(stem) && !cvcShort.MatchString(stem)) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ll") && mgr1.MatchString(w) {
		w = w[:len(w)-1]
	}
	if initialY {
		w = "y" + w[1:]
	}
	return w
}

func trimAny(w string, suffixes ...string) (string, bool) {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)], true
		}
	}
	return w, false
}
