package clean

import (
	"strings"

	"github.com/storyline/storyline/internal/swar"
)

// probe is a line under the furniture rules' test, with what most of them
// look at before anything else: its first word, and which pairs of
// adjacent bytes it holds. Nearly every line is the story's, and the rules
// ask of each whether it holds one phrase or another ("through links on",
// " via ", " 20"): a scan of the line each, a long one when the phrase
// opens with a common letter or a space. The pairs answer most of these
// questions without a scan: a phrase one of whose pairs the line lacks is
// not in it.
type probe struct {
	s     string
	first string // lineFirstWord(s)
	// paired says whether pairs has been filled: a rule that asks
	// nothing of the line needs none.
	paired bool
	pairs  bytePairs
	// control says, once paired, whether the line holds a byte below
	// 0x20 (a tab, a carriage return, ...).
	control bool
}

func newProbe(s string) *probe {
	p := &probe{}
	p.reset(s)
	return p
}

// reset makes p the probe of line s.
func (p *probe) reset(s string) { p.s, p.first, p.paired = s, lineFirstWord(s), false }

// has reports whether the line holds phrase (strings.Contains).
func (p *probe) has(phrase string) bool {
	return p.may(phrase) && strings.Contains(p.s, phrase)
}

// may reports whether the line may hold phrase: false when it surely
// does not, because it lacks a pair of the phrase's adjacent bytes. For
// a part of the line, may(phrase) && strings.Contains(part, phrase).
func (p *probe) may(phrase string) bool {
	p.pair()
	return p.pairs.may(phrase)
}

// mayFold reports whether the line may hold the two ASCII letters a, b
// (lower case) side by side, in any case.
func (p *probe) mayFold(a, b byte) bool {
	p.pair()
	A, B := a-'a'+'A', b-'a'+'A'
	ps := &p.pairs
	return ps[pairBit(a, b)] || ps[pairBit(a, B)] || ps[pairBit(A, b)] || ps[pairBit(A, B)]
}

// pair fills p's pairs, once.
func (p *probe) pair() {
	if !p.paired {
		p.control = p.pairs.of(p.s)
		p.paired = true
	}
}

// maySpaceRun reports whether the line may hold a run of white space
// (hasSpaceRun): false when it surely does not, because it holds neither
// two spaces in a row nor a control byte.
func (p *probe) maySpaceRun() bool {
	p.pair()
	return p.control || p.pairs.may("  ")
}

// bytePairs is a set of pairs of adjacent bytes, hashed into 1,024
// places (bools rather than bits: setting one needs no read). Two pairs
// may share a place, so a place that is set says only that a pair may be
// there; a place that is not, that none of its pairs is.
type bytePairs [1024]bool

func pairBit(a, b byte) uint { return (uint(a)*37 + uint(b)) & 1023 }

// of makes ps the pairs of s, and reports whether s holds a byte below
// 0x20. It reads s eight bytes at a time: with the word's even and odd
// bytes set apart in 16-bit lanes, a*37+b of four pairs is worked out at
// once, and carries from no lane into the next (37*255+255 < 1<<16); the
// last pair of the word takes the byte after it. A byte below 0x20 makes
// a borrow through its high bit when 0x20 is taken from each byte (a
// byte with its high bit set is left out); a borrow spreads only from
// such a byte.
func (ps *bytePairs) of(s string) bool {
	const lanes, ones, high = 0x00ff00ff00ff00ff, 0x0101010101010101, 0x8080808080808080
	clear(ps[:])
	var below uint64
	i := 0
	for ; i+9 <= len(s); i += 8 {
		x := swar.Load64(s, i)
		below |= (x - ones*0x20) &^ x
		even, odd := x&lanes, x>>8&lanes
		p := even*37 + odd                          // pairs from bytes 0, 2, 4, 6
		q := odd*37 + even>>16 + uint64(s[i+8])<<48 // pairs from bytes 1, 3, 5, 7
		ps[p&1023], ps[p>>16&1023], ps[p>>32&1023], ps[p>>48&1023] = true, true, true, true
		ps[q&1023], ps[q>>16&1023], ps[q>>32&1023], ps[q>>48&1023] = true, true, true, true
	}
	control := below&high != 0
	for ; i < len(s); i++ {
		if i+1 < len(s) {
			ps[pairBit(s[i], s[i+1])] = true
		}
		control = control || s[i] < 0x20
	}
	return control
}

// may reports whether a text with these pairs may hold phrase: whether
// every pair of its adjacent bytes may be among them. A phrase of one
// byte may always be there.
func (ps *bytePairs) may(phrase string) bool {
	for i := 1; i < len(phrase); i++ {
		if !ps[pairBit(phrase[i-1], phrase[i])] {
			return false
		}
	}
	return true
}
