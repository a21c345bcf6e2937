package nlp

import (
	"strings"
	"testing"
)

// A stopFinder asked for the stops from positions in any order finds what
// strings.IndexAny finds from each.

var stopCases = []string{"", "no stop here", "A. B! C? ...?!", "é. É? ”“ .!", "?", "end."}

func TestStopFinder(t *testing.T) {
	for _, s := range stopCases {
		checkStopFinder(t, s, []byte{0, 1, 2, 3, 5, 8, 13, 2, 0, 40})
	}
}

func FuzzStopFinder(f *testing.F) {
	for _, s := range stopCases {
		f.Add(s, []byte{0, 3, 1, 7})
	}
	f.Fuzz(checkStopFinder)
}

// checkStopFinder makes a finder from the first of steps and asks it for
// the stop from each position of steps (taken modulo len(line)+1) in
// turn, then from every position forward.
func checkStopFinder(t *testing.T, line string, steps []byte) {
	from := 0
	if len(steps) > 0 {
		from = int(steps[0]) % (len(line) + 1)
	}
	f := newStopFinder(line, from)
	ask := func(i int) {
		want := strings.IndexAny(line[i:], ".!?")
		if want >= 0 {
			want += i
		}
		if got := f.at(i); got != want {
			t.Fatalf("%q: the stop from %d is at %d, IndexAny says %d", line, i, got, want)
		}
	}
	for _, s := range steps {
		ask(int(s) % (len(line) + 1))
	}
	for i := 0; i <= len(line); i++ {
		ask(i)
	}
}
