package timeline

import (
	"reflect"
	"testing"
)

// TestHappeningsOfARunAsAlone: the event-dates stage dates a run's events
// one after the other with one cache of word keys, and each event's
// items take over the memory of the last event's. An event's main
// happening is the one it has when it is dated alone, after larger and
// smaller events whose sentences it shares.
func TestHappeningsOfARunAsAlone(t *testing.T) {
	words := newWordKeys()
	for _, n := range []int{400, 60, 900, 5, 300, 400} {
		stmts, arts := crowded(uint64(n), n)
		alone, ok := Happening(stmts, arts)
		h := mainHappening(stmts, arts, words)
		if h == nil {
			if ok {
				t.Errorf("%d statements: no happening after the others, %q alone", n, alone.Text)
			}
			continue
		}
		if got := entry(h); !ok || !reflect.DeepEqual(got, alone) {
			t.Errorf("%d statements: after the others\n%+v\nalone\n%+v", n, got, alone)
		}
	}
}
