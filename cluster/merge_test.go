package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
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

// TestSweptPostings: once events have merged and been evicted, no posting
// list holds a dropped event or story, and none is left empty.
func TestSweptPostings(t *testing.T) {
	c := New(Options{EventThreshold: 0.99, MaxActive: 20}) // every report opens an event
	base := time.Date(2023, time.March, 1, 0, 0, 0, 0, time.UTC)
	places := []string{"Harwick", "Dunmore", "Pellston", "Avondale", "Corrigan"}
	for i := range 200 {
		place := places[i%len(places)]
		day := base.AddDate(0, 0, i/4)
		c.Add(Doc{
			ID:        fmt.Sprintf("d%03d", i),
			Title:     fmt.Sprintf("Flooding in %s closes the river road", place),
			Text:      fmt.Sprintf("The river rose in %s on %s and crews from %s closed the road by the old mill after report %d.", place, day.Format("January 2"), place, i),
			Published: storyline.DateOf(day),
		})
	}
	c.Settle()
	checkSwept(t, "event", c.postings)
	checkSwept(t, "story", c.spost)
}

// checkSwept checks that no posting list holds a dropped item and that the
// lists left empty are released.
func checkSwept[T interface{ isDead() bool }](t *testing.T, what string, postings postings[T]) {
	t.Helper()
	for id, list := range postings {
		if len(list) == 0 && cap(list) > 0 {
			t.Errorf("term %d: an empty %s posting list is kept", id, what)
		}
		for _, x := range list {
			if x.isDead() {
				t.Errorf("term %d: a dropped %s is still posted", id, what)
			}
		}
	}
}

// TestEntityCounts: each entity's count of the reports that name it, as
// the events count them when reports join (near-copies aside), is the
// count over the reports, sorted by term; and an event has a participant
// of its own exactly when one of its entities named by half its reports
// is not named by the other's.
func TestEntityCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for n := range 300 {
		evs := [2]*event{{}, {}}
		want := [2]map[int32]float64{{}, {}}
		for e, ev := range evs {
			reports := 0
			for range 1 + rng.IntN(12) {
				if rng.IntN(5) == 0 {
					continue // a near-copy: no vector, not counted
				}
				reports++
				var v vec
				for id := int32(0); id < 40; id++ {
					if rng.IntN(4) == 0 {
						v = append(v, tw{id, uint8(rng.IntN(int(kinds))), 1})
					}
				}
				for _, x := range v {
					if x.k == kindEntity {
						want[e][x.id]++
					}
				}
				ev.countEntities(v)
			}
			if ev.reports != reports {
				t.Fatalf("case %d: %d reports counted, want %d", n, ev.reports, reports)
			}
			for id := range want[e] {
				want[e][id] /= float64(reports)
			}
		}
		for e, ev := range evs {
			if len(ev.ents) != len(want[e]) {
				t.Fatalf("case %d: %d entities counted, want %d", n, len(ev.ents), len(want[e]))
			}
			for i, s := range ev.ents {
				if i > 0 && ev.ents[i-1].id >= s.id || want[e][s.id] != s.share(ev.reports) {
					t.Fatalf("case %d: share of %d is %v (at %d), want %v, by term", n, s.id, s.share(ev.reports), i, want[e][s.id])
				}
			}
		}
		own := func(of, other map[int32]float64) bool {
			for id, share := range of {
				if share >= consistentShare && other[id] == 0 {
					return true
				}
			}
			return false
		}
		a, b := evs[0], evs[1]
		if ownParticipant(a.ents, a.reports, b.ents) != own(want[0], want[1]) || ownParticipant(b.ents, b.reports, a.ents) != own(want[1], want[0]) {
			t.Fatalf("case %d: ownParticipant differs from the maps'", n)
		}
	}
}

// mixedEvents places 600 generated reports of 12 topics, half of them
// dated over 40 days, into events of every size.
func mixedEvents() *Clusterer {
	rng := rand.New(rand.NewPCG(21, 22))
	words := make([]string, 400)
	for i := range words {
		words[i] = fmt.Sprintf("word%c%c%c", 'a'+rune(i%26), 'a'+rune(i/26%26), 'a'+rune(rng.IntN(3)))
	}
	names := []string{"Harwick", "Dunmore", "Pellston", "Avondale", "Corrigan", "Maple Council", "River Trust"}
	c := New(Options{EventThreshold: 0.6})
	base := time.Date(2023, time.March, 1, 0, 0, 0, 0, time.UTC)
	for i := range 600 {
		topic := rng.IntN(12)
		text := ""
		for range 40 + rng.IntN(200) {
			w := words[(topic*30+rng.IntN(60))%len(words)]
			if rng.IntN(25) == 0 {
				w = names[(topic+rng.IntN(2))%len(names)]
			}
			if rng.IntN(40) == 0 {
				w = fmt.Sprint(rng.IntN(3000))
			}
			text += " " + w
		}
		d := Doc{ID: fmt.Sprintf("d%03d", i), Title: words[topic*7] + " " + words[topic*7+1], Text: "It" + text + "."}
		if rng.IntN(2) == 0 {
			d.Published = storyline.DateOf(base.AddDate(0, 0, rng.IntN(40)))
		}
		c.Add(d)
	}
	return c
}

// TestSimilarityUnderDamping: two events' similarity is at most
// scoreBound as their dates and years damp it (damped, the same either way
// round), so a merge pass skips measuring the pairs whose
// damping keeps them under its threshold, and a report's score against
// an event's centroid is at most scoreBound, so bestEvent skips the
// candidates whose damping keeps them under the best found.
func TestSimilarityUnderDamping(t *testing.T) {
	c := mixedEvents()
	mp := &merger{c: c, version: map[*event]int{}, units: map[*event]vec{}}
	damped := 0
	for _, a := range c.events {
		for _, b := range c.events {
			if a == b {
				continue
			}
			d := c.damped(scoreBound, a, b)
			if d != c.damped(scoreBound, b, a) {
				t.Fatalf("damped bound %s, %s: %g one way, %g the other", a.id, b.id, d, c.damped(scoreBound, b, a))
			}
			if s := mp.similarity(a, b); s > d {
				t.Errorf("similarity %s, %s: %g over its damped bound %g", a.id, b.id, s, d)
			}
			if d < 0.15 {
				damped++
			}
		}
		for _, m := range a.members {
			for _, b := range c.events {
				if m.v != nil {
					if k := c.score(&b.c, m.v); k > scoreBound {
						t.Errorf("score of %s against %s: %g, over %g", m.id, b.id, k, scoreBound)
					}
				}
			}
		}
	}
	if damped == 0 {
		t.Error("no pair damped under 0.15: the test shows nothing")
	}
}

// TestSimilaritySymmetric: the similarity of two events taken either way
// round differs by rounding alone, far under symmetrySlack (a merge pass
// skips a pair whose other way round scored under its threshold by more
// than that), over events of every size, dated and undated.
func TestSimilaritySymmetric(t *testing.T) {
	c := mixedEvents()
	mp := &merger{c: c, version: map[*event]int{}, units: map[*event]vec{}}
	var evs []*event
	for _, ev := range c.events {
		evs = append(evs, ev)
	}
	if len(evs) < 50 {
		t.Fatalf("%d events, want many", len(evs))
	}
	worst := 0.0
	for _, a := range evs {
		for _, b := range evs {
			if a != b {
				worst = max(worst, math.Abs(mp.similarity(a, b)-mp.similarity(b, a)))
			}
		}
	}
	if worst > symmetrySlack/1000 {
		t.Errorf("similarities either way round differ by up to %g, want far under %g", worst, symmetrySlack)
	}
	t.Logf("%d events: either way round differ by up to %g", len(evs), worst)
}

// TestEntityCountsFollowCompaction: when the vocabulary drops the terms
// of evicted events and numbers the rest again, each active event's
// entity counts follow: they are still the counts of its reports'
// vectors, by term.
func TestEntityCountsFollowCompaction(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	c := New(Options{})
	base := time.Date(2022, time.May, 1, 0, 0, 0, 0, time.UTC)
	renumbered := false
	for i := range 600 {
		topic := i / 6
		text := ""
		for range 30 {
			text += fmt.Sprintf(" the Agency%s of Town%s said word%s and Once%sx%s.", letters(topic), letters(rng.IntN(5000)), letters(topic), letters(i), letters(rng.IntN(1000)))
		}
		if i == 400 { // early events have left: compact at the next eviction
			c.vocabLimit = 3000
		}
		before := len(c.vocab.terms)
		c.Add(Doc{ID: fmt.Sprint("d", i), Title: fmt.Sprint("Report ", topic), Text: text[1:],
			Published: storyline.DateOf(base.AddDate(0, 0, i/10))})
		renumbered = renumbered || len(c.vocab.terms) < before
	}
	if !renumbered {
		t.Fatalf("the vocabulary was never compacted (%d terms)", len(c.vocab.terms))
	}
	for _, ev := range c.events {
		want := &event{}
		for _, m := range ev.members {
			if m.v != nil {
				want.countEntities(m.v)
			}
		}
		if !slices.Equal(ev.ents, want.ents) || ev.reports != want.reports {
			t.Fatalf("event %s counts %v over %d reports, its reports' vectors %v over %d", ev.id, ev.ents, ev.reports, want.ents, want.reports)
		}
	}
}

// letters writes n in letters (a capitalised word with a digit is a
// number, not an entity).
func letters(n int) string {
	s := ""
	for {
		s += string(rune('a' + n%26))
		if n /= 26; n == 0 {
			return s
		}
	}
}
