package nlp

import (
	"strings"
	"unicode/utf8"
)

// LowerASCII returns text with its ASCII capitals lowered and every other
// byte as it is: the lower case of a piece of text that is all ASCII is
// its slice of it. Tokenisers lower a text once with it and take each
// word's lower case from it with LowerIn.
func LowerASCII(text string) string {
	for i := 0; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			b := []byte(text)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return text
}

// LowerIn returns text[start:end] in lower case, given lowText, the text's
// LowerASCII: a slice of it, without allocating, when the piece is ASCII
// (strings.ToLower of its slice otherwise, the same as of the text's,
// whose ASCII is lower case already).
func LowerIn(lowText string, start, end int) string {
	s := lowText[start:end]
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}
