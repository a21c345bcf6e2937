package nlp

import (
	"slices"
	"strings"
	"testing"
)

var lastFieldsCases = []string{"", " ", "met in Geneva on", "  a\u00a0b\tc\u2028d  ", "\xc2\x85x\xe2 y\x80 ", "one", "was held\u3000in"}

func TestLastFields(t *testing.T) {
	for _, s := range lastFieldsCases {
		checkLastFields(t, s)
	}
}

func FuzzLastFields(f *testing.F) {
	for _, s := range lastFieldsCases {
		f.Add(s)
	}
	f.Fuzz(checkLastFields)
}

// checkLastFields checks LastFields against the tail of strings.Fields.
func checkLastFields(t *testing.T, s string) {
	all := strings.Fields(s)
	for n := range 7 {
		buf := make([]string, n)
		want := all[max(0, len(all)-n):]
		if got := LastFields(s, buf); !slices.Equal(got, want) {
			t.Fatalf("LastFields(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
}
