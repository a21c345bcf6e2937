package nlp

import (
	"unicode"
	"unicode/utf8"
)

// LastFields returns the last len(buf) words of s (all of them, when it
// has fewer) as strings.Fields splits s, in order, in buf: the words
// before a point of a text without splitting all of it.
func LastFields(s string, buf []string) []string {
	k, end := len(buf), len(s)
	for k > 0 {
		for end > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if end == 0 {
			break
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		k--
		buf[k] = s[start:end]
		end = start
	}
	return buf[k:]
}
