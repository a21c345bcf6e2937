package cluster

import (
	"slices"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/shareddata"
)

// checkStale fails when a posting list holds a dropped event or story
// and its term is not stale: posted reads the lists of the other terms
// as they stand.
func checkStale(t *testing.T, c *Clusterer, when string) {
	t.Helper()
	for id, list := range c.postings {
		if slices.ContainsFunc(list, (*event).isDead) && !slices.Contains(c.stale, int32(id)) {
			t.Fatalf("%s: term %d lists a dropped event, and is not stale", when, id)
		}
	}
	for id, list := range c.spost {
		if slices.ContainsFunc(list, (*story).isDead) && !slices.Contains(c.staleSt, int32(id)) {
			t.Fatalf("%s: term %d lists a dropped story, and is not stale", when, id)
		}
	}
}

// TestPostingsStale: events and stories dropped as they leave the window
// or merge (a small window of events, so that many go) are in no posting
// list but those of the stale terms, until a sweep, after which they are
// in none.
func TestPostingsStale(t *testing.T) {
	docs, err := ecbplus.LoadTimeline17(shareddata.Dir(t, "eval/timeline17"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{MaxActive: 40, UndatedIdle: 100})
	for i, d := range docs[:600] {
		doc := Doc{ID: d.ID, Title: d.Title, Text: d.Text}
		if i%3 > 0 {
			doc.Published = storyline.DateOf(d.Published)
		}
		c.Add(doc)
		checkStale(t, c, "after an article")
	}
	c.Settle()
	checkStale(t, c, "after settling")
	var evs []*event
	for _, ev := range c.events {
		evs = append(evs, ev)
	}
	slices.SortFunc(evs, func(a, b *event) int { return int(a.seq - b.seq) })
	for _, ev := range evs[:len(evs)/2] {
		c.dropEvent(ev, false)
		if ev.story != nil && len(ev.story.events) == 0 {
			c.dropStory(ev.story)
		}
	}
	if len(c.stale) == 0 {
		t.Fatal("dropping events left no term stale")
	}
	checkStale(t, c, "after dropping events")
	c.sweep()
	checkStale(t, c, "after a sweep")
}
