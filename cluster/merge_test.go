package cluster

import (
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// Two happenings of one kind, written for this test: a crane collapse in
// Rotterdam and, a week later, one in Antwerp. Their reports share most of
// their words; who and where tell them apart.
var (
	rotterdam = []Doc{
		{ID: "r1", Title: "Crane collapses at Rotterdam container terminal", Published: storyline.Day(2023, time.May, 2),
			Text: "A gantry crane collapsed onto a container ship at the Maasvlakte terminal in Rotterdam on Tuesday, injuring two dock workers. Port operator Hutchison Ports said the crane toppled during high winds. Rotterdam harbour master Rene de Vries closed the berth."},
		{ID: "r2", Title: "Two hurt as crane falls in Rotterdam port", Published: storyline.Day(2023, time.May, 2),
			Text: "Two dock workers were hurt when a gantry crane fell onto a container ship at the Maasvlakte terminal in Rotterdam. Hutchison Ports blamed high winds. Harbour master Rene de Vries said the berth stays closed."},
		{ID: "r3", Title: "Rotterdam crane collapse: berth closed", Published: storyline.Day(2023, time.May, 3),
			Text: "The berth at the Maasvlakte terminal in Rotterdam remained closed a day after a gantry crane collapsed onto a container ship, injuring two dock workers. Hutchison Ports is investigating, Rene de Vries said."},
	}
	antwerp = []Doc{
		{ID: "a1", Title: "Crane collapses at Antwerp container terminal", Published: storyline.Day(2023, time.May, 4),
			Text: "A gantry crane collapsed onto a container ship at the Deurganck terminal in Antwerp on Thursday, injuring three dock workers. Port operator PSA Antwerp said the crane toppled during high winds. Antwerp harbour master Kristof Waterschoot closed the berth."},
		{ID: "a2", Title: "Three hurt as crane falls in Antwerp port", Published: storyline.Day(2023, time.May, 4),
			Text: "Three dock workers were hurt when a gantry crane fell onto a container ship at the Deurganck terminal in Antwerp. PSA Antwerp blamed high winds. Harbour master Kristof Waterschoot said the berth stays closed."},
		{ID: "a3", Title: "Antwerp crane collapse: berth closed", Published: storyline.Day(2023, time.May, 5),
			Text: "The berth at the Deurganck terminal in Antwerp remained closed a day after a gantry crane collapsed onto a container ship, injuring three dock workers. PSA Antwerp is investigating, Kristof Waterschoot said."},
	}
)

func TestMergeKeepsParticipantsApart(t *testing.T) {
	// Every article opens an event, and events merge from a low
	// similarity: what keeps the two collapses apart is who and where.
	c := New(Options{EventThreshold: 0.99, MergeThreshold: 0.1, SecondThreshold: 0.99, TimeScale: 30})
	for _, d := range append(append([]Doc(nil), rotterdam...), antwerp...) {
		c.Add(d)
	}
	// Merge each happening's reports first, without the participant check:
	// singletons name all their words "most of the time".
	c.mergeEvents(0.1, true, nil)
	eventOf := func(id string) *event { return c.members[id].ev }
	for _, group := range [][]Doc{rotterdam, antwerp} {
		for _, d := range group[1:] {
			if eventOf(d.ID) != eventOf(group[0].ID) {
				t.Fatalf("%s and %s in different events after the small pass", d.ID, group[0].ID)
			}
		}
	}
	r, a := eventOf("r1"), eventOf("a1")
	if r == a {
		t.Fatal("the two collapses merged already in the small pass")
	}
	mp := &merger{c: c, version: map[*event]int{}, units: map[*event]vec{}}
	if s := mp.similarity(r, a); s < 0.1 {
		t.Fatalf("the collapses' similarity %.3f is under the merge threshold: the test shows nothing", s)
	}
	if !c.distinct(r, a) {
		t.Error("distinct(Rotterdam, Antwerp) = false, want true: each names its own port and people")
	}
	if moves := c.mergeEvents(0.1, false, nil); len(moves) != 0 {
		t.Errorf("merged %+v, want the two collapses kept apart", moves)
	}

}
