package clean

import (
	"strings"
	"testing"
)

// A probe's pairs may say that a phrase is there when it is not, never
// the other way: has must be strings.Contains.

var probeCases = []string{
	"", "a", "ab", "abc", "Leave a Reply", strings.Repeat("x", 64), strings.Repeat("y", 65),
	"Support the paper! We need your help to keep our journalism ad-free, and your support is a public resource.",
	"The company said in a statement on Tuesday that it earned money through links on our site, a general nature of things.",
	"Vladimir Putin speaks during a meeting in Moscow on November 18, 2019, in a photo released via AP by the Kremlin.",
	"Anatoly AntonovImage: REUTERS and then a long line of the story that goes on and on about the ambassador's views.",
	"\xe2\x80\x94 \xc2\xbb \xff\xfe and bytes that are not UTF-8 in a line long enough to be paired: 0123456789 abcdef",
	"GALLERY, Choose, gaLLery, cHOOse and oO",
	"A line long enough to be paired, with a tab\there and no two spaces side by side anywhere in it at all.",
	"A line long enough to be paired, with two  spaces side by side, and nothing else that is white space but spaces.",
}

// probePhrases are phrases the rules ask a probe about, and some others.
var probePhrases = []string{" is o", "'s Avatar", "'s avatar", " 20", " 19", " on ", " via ", ": ", "Image: ", "Photo: ",
	"through links on", "general nature", "above story", "views appearing", "views expressed", "conference", "briefing", " media",
	"Support ", "x", "", "zz", "\xff\xfe"}

func TestProbe(t *testing.T) {
	for _, s := range probeCases {
		checkProbe(t, s, "")
	}
}

func FuzzProbe(f *testing.F) {
	for _, s := range probeCases {
		f.Add(s, "ab")
	}
	f.Fuzz(checkProbe)
}

// checkProbe checks has against strings.Contains for the probe phrases,
// the phrase w and every piece of s up to 24 bytes long.
func checkProbe(t *testing.T, s, w string) {
	p := newProbe(s)
	if p.first != lineFirstWord(s) {
		t.Errorf("newProbe(%q).first = %q, want %q", s, p.first, lineFirstWord(s))
	}
	check := func(w string) {
		if got, want := p.has(w), strings.Contains(s, w); got != want {
			t.Errorf("probe of %q: has(%q) = %v, want %v", s, w, got, want)
		}
	}
	for _, w := range probePhrases {
		check(w)
	}
	check(w)
	checkPairs(t, s)
	for i := 0; i+1 < len(s); i++ {
		a, b := s[i]|0x20, s[i+1]|0x20 // lower case, for ASCII letters
		if 'a' <= a && a <= 'z' && 'a' <= b && b <= 'z' && !p.mayFold(a, b) {
			t.Fatalf("probe of %q: mayFold(%q, %q) = false, but the line holds %q", s, a, b, s[i:i+2])
		}
	}
	if hasSpaceRun(s) && !p.maySpaceRun() {
		t.Errorf("probe of %q: maySpaceRun() = false, but the line holds a run of white space", s)
	}
	for i := range len(s) {
		for j := i + 1; j <= len(s) && j-i <= 24; j++ {
			if !p.may(s[i:j]) {
				t.Fatalf("probe of %q: may(%q) = false, but the line holds it", s, s[i:j])
			}
		}
	}
}

// plainPairs is bytePairs.of written byte by byte, as the fast form must
// find them.
func plainPairs(s string) (ps bytePairs, control bool) {
	for i := range len(s) {
		if i > 0 {
			ps[pairBit(s[i-1], s[i])] = true
		}
		control = control || s[i] < 0x20
	}
	return ps, control
}

// checkPairs checks bytePairs.of against plainPairs.
func checkPairs(t *testing.T, s string) {
	var ps bytePairs
	ps[7] = true // left from another line
	control := ps.of(s)
	want, wantControl := plainPairs(s)
	if ps != want || control != wantControl {
		t.Fatalf("pairs of %q differ from the plain form's (control %v, want %v)", s, control, wantControl)
	}
}

// The pairs read eight bytes at a time are those read one by one, for
// every byte, then every pair of bytes, at every place of lines around
// the word's length.
func TestPairsEveryByte(t *testing.T) {
	for _, fill := range []byte{' ', 'a', 0x1f, 0x7f, 0x80, 0xff} {
		for n := range 20 {
			for i := range n {
				for c := range 256 {
					b := []byte(strings.Repeat(string(fill), n))
					b[i] = byte(c)
					checkPairs(t, string(b))
				}
			}
		}
	}
	for c := range 256 {
		for d := range 256 {
			for _, at := range []int{6, 7, 8} {
				b := []byte("0123456789abcdefg")
				b[at], b[at+1] = byte(c), byte(d)
				checkPairs(t, string(b))
			}
		}
	}
}
