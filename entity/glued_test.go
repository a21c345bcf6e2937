package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A "says" glued to a name by a missing space is no part of the name.
func TestGluedVerbLeavesTheName(t *testing.T) {
	text := "Governor Lena Vasquezsays the bridge will reopen in May."
	want := []brief{{"Lena Vasquez", "person", "Lena Vasquez", "", "", ""}}
	got := briefs(Extract(text))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Extract(%q) (-want +got):\n%s", text, diff)
	}
	// the mention's span is the name's, so a quote can cite it
	if ms := Extract(text); len(ms) == 1 && text[ms[0].Start:ms[0].End] != "Lena Vasquez" {
		t.Errorf("span %d-%d is %q, want the name alone", ms[0].Start, ms[0].End, text[ms[0].Start:ms[0].End])
	}
}
