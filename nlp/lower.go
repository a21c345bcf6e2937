package nlp

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// LowerASCII returns text with its ASCII capitals lowered and every other
// byte as it is: the lower case of a piece of text that is all ASCII is
// its slice of it. Lower pairs a text with it for the tokenisers, which
// take an ASCII word's lower case as that slice; LowerIn gives any
// piece's.
func LowerASCII(text string) string {
	i := upperAt(text, 0)
	if i == len(text) {
		return text
	}
	// one copy: from the first capital on, a block of bytes at a time,
	// lowered eight bytes at a time
	var b strings.Builder
	b.Grow(len(text))
	b.WriteString(text[:i])
	var block [256]byte
	for i < len(text) {
		n := copy(block[:], text[i:])
		k := 0
		for ; k+8 <= n; k += 8 {
			x := binary.LittleEndian.Uint64(block[k:])
			binary.LittleEndian.PutUint64(block[k:], lower8(x))
		}
		for ; k < n; k++ {
			if c := block[k]; 'A' <= c && c <= 'Z' {
				block[k] = c + 'a' - 'A'
			}
		}
		b.Write(block[:n])
		i += n
	}
	return b.String()
}

// lower8 returns the eight bytes of x with their ASCII capitals lowered
// and every other byte as it is.
func lower8(x uint64) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	seven := x &^ high                // each byte's low seven bits
	geA := seven + ones*(0x80-'A')    // high bit set where >= 'A'
	gtZ := seven + ones*(0x80-'Z'-1)  // high bit set where > 'Z'
	upper := (geA &^ gtZ) &^ x & high // an ASCII byte from 'A' to 'Z'
	return x | upper>>2               // 0x80 >> 2 is 0x20, the case bit
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
