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
	i := upperAt(text, 0)
	if i == len(text) {
		return text
	}
	// one copy: the runs between capitals as they are, each capital
	// lowered
	var b strings.Builder
	b.Grow(len(text))
	from := 0
	for i < len(text) {
		b.WriteString(text[from:i])
		b.WriteByte(text[i] + 'a' - 'A')
		from = i + 1
		i = upperAt(text, from)
	}
	b.WriteString(text[from:])
	return b.String()
}

// AppendLower writes w to b with its ASCII capitals lowered (every other
// byte as it is) and returns what it wrote: a string sharing b's bytes,
// which stay as they are once written, so a tokeniser can lower many
// words into one builder and keep each word's lower case without a copy
// of its own.
func AppendLower(b *strings.Builder, w string) string {
	from := b.Len()
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()[from:]
}

// upperAt returns the index of the first ASCII capital in text from i on,
// or len(text).
func upperAt(text string, i int) int {
	for ; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return i
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
