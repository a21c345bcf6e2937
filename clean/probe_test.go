package clean

import (
	"strings"
	"testing"
)

// A probe's pairs may say that a phrase is there when it is not, never
// the other way: has must be strings.Contains.

var probeCases = []string{
	"", "a", "ab", strings.Repeat("x", pairedLen), strings.Repeat("y", pairedLen+1),
	"Support the paper! We need your help to keep our journalism ad-free, and your support is a public resource.",
	"The company said in a statement on Tuesday that it earned money through links on our site, a general nature of things.",
	"Vladimir Putin speaks during a meeting in Moscow on November 18, 2019, in a photo released via AP by the Kremlin.",
	"Anatoly AntonovImage: REUTERS and then a long line of the story that goes on and on about the ambassador's views.",
	"\xe2\x80\x94 \xc2\xbb \xff\xfe and bytes that are not UTF-8 in a line long enough to be paired: 0123456789 abcdef",
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
	for i := range len(s) {
		for j := i + 1; j <= len(s) && j-i <= 24; j++ {
			if !p.may(s[i:j]) {
				t.Fatalf("probe of %q: may(%q) = false, but the line holds it", s, s[i:j])
			}
		}
	}
}
