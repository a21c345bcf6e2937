package nlp

// ASCIIKind is the kind of each ASCII letter and digit (KindLower,
// KindUpper or KindDigit), 0 for any other byte: the tokenisers read a
// word's bytes and its case through it with one load a byte.
var ASCIIKind = func() (kinds [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		kinds[c], kinds[c-'a'+'A'] = KindLower, KindUpper
	}
	for c := '0'; c <= '9'; c++ {
		kinds[c] = KindDigit
	}
	return kinds
}()

// The kinds of ASCIIKind, one bit each so that a word's kinds can be or-ed.
const (
	KindLower uint8 = 1 << iota
	KindUpper
	KindDigit
)
