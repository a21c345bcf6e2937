package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/swar"
)

// fold returns s with its white space folded, strings.Join(strings.Fields(s),
// " "), and its number of words, len(strings.Fields(s)): without copying
// when s is already folded, as most sentences are. Then its only white
// space is single spaces between words, and it has one word more than
// spaces.
func fold(s string) (string, int) {
	if s == "" {
		return s, 0
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") || hasOtherSpace(s) {
		return foldSlow(s)
	}
	return s, strings.Count(s, " ") + 1
}

func foldSlow(s string) (string, int) {
	f := strings.Fields(s)
	return strings.Join(f, " "), len(f)
}

// hasOtherSpace reports whether s holds white space (unicode.IsSpace)
// other than ' '. It reads eight bytes at a time: those that are all
// ASCII and none of them up to '\r' (the ASCII white space besides
// ' ' is '\t' to '\r') hold none, and most do; the others are read byte
// by byte (foldKinds).
func hasOtherSpace(s string) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load64(s, i)
		// A byte's high bit is set, or subtracting '\r'+1 from an ASCII
		// byte below it borrows into its high bit.
		if (x|(x-ones*('\r'+1)))&high == 0 {
			continue
		}
		if otherSpaceIn(s, i, i+8) {
			return true
		}
	}
	return otherSpaceIn(s, i, len(s))
}

// otherSpaceIn reports whether white space other than ' ' starts in
// s[from:to] (a character that starts there is read whole).
func otherSpaceIn(s string, from, to int) bool {
	for i := from; i < to; i++ {
		switch foldKinds[s[i]] {
		case foldOtherSpace:
			return true
		case foldMaybeSpace:
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return true
			}
		}
	}
	return false
}

// The kinds of byte of foldKinds: most are none of these.
const (
	foldOtherSpace = 1 + iota // the ASCII white space besides ' '
	foldMaybeSpace            // the first byte of a white space character past ASCII, or of others
)

// foldKinds is the kind of each byte for otherSpaceIn.
var foldKinds = func() (kinds [256]uint8) {
	for _, c := range "\t\n\v\f\r" {
		kinds[c] = foldOtherSpace
	}
	// unicode.IsSpace: in Latin-1, U+0085 and U+00A0; past it, the
	// characters of White_Space.
	var b [utf8.UTFMax]byte
	mark := func(r rune) {
		if r >= utf8.RuneSelf && unicode.IsSpace(r) {
			utf8.EncodeRune(b[:], r)
			kinds[b[0]] = foldMaybeSpace
		}
	}
	mark(0x85)
	mark(0xA0)
	for _, r := range unicode.White_Space.R16 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			mark(c)
		}
	}
	for _, r := range unicode.White_Space.R32 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			mark(c)
		}
	}
	return kinds
}()
