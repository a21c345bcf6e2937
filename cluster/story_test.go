package cluster

import (
	"slices"
	"testing"

	"github.com/storyline/storyline"
)

// placedAlone adds docs to a clusterer where every article opens its own
// event and its own story, and returns their events by article ID.
func placedAlone(t *testing.T, docs ...Doc) (*Clusterer, map[string]*event) {
	t.Helper()
	c := New(Options{EventThreshold: 0.99, StoryThreshold: 0.99, SecondThreshold: 0.99})
	evs := map[string]*event{}
	for _, d := range docs {
		if p := c.Add(d); !p.NewEvent || !p.NewStory {
			t.Fatalf("%s joined event %s, story %s: want one of its own", d.ID, p.EventID, p.StoryID)
		}
		evs[d.ID] = c.members[d.ID].ev
	}
	return c, evs
}

// When a big event merges into an older, smaller one, the merged event
// goes to the big one's story: an older report placed in the wrong story
// does not carry the big one's reports off into it. The small one's story,
// left with nothing, is gone.
func TestAbsorbKeepsTheBiggerStory(t *testing.T) {
	c, evs := placedAlone(t, rotterdam[0], antwerp[0], antwerp[1], antwerp[2])
	big := evs["a1"]
	c.absorb(big, evs["a2"], 0.5)
	c.absorb(big, evs["a3"], 0.5)
	c.Changes()
	small, bigStory := evs["r1"], big.story
	moves := c.absorb(small, big, 0.5) // the older takes in the younger's reports
	if small.story != bigStory {
		t.Fatalf("the merged event is in story %s; want the big event's, %s", small.story.id, bigStory.id)
	}
	if _, ok := c.Story("s-r1"); ok {
		t.Error("r1's story, left with no event, is still open")
	}
	want := map[string]Reassignment{
		"r1": {ArticleID: "r1", From: small.id, To: small.id, Story: bigStory.id, DroppedStory: "s-r1"},
		"a1": {ArticleID: "a1", From: "e-a1", To: small.id, Story: bigStory.id},
	}
	for _, mv := range moves {
		w, ok := want[mv.ArticleID]
		mv.Score = 0
		if ok && mv != w {
			t.Errorf("move %+v, want %+v", mv, w)
		}
		delete(want, mv.ArticleID)
	}
	if len(want) > 0 {
		t.Errorf("no move of %v", want)
	}
	f := c.Changes()
	if !slices.Contains(f.GoneStories, "s-r1") {
		t.Errorf("gone stories %v; want s-r1", f.GoneStories)
	}
	for _, e := range f.Events {
		if e.ID == small.id && e.StoryID != bigStory.id {
			t.Errorf("event %s filed in story %s, want %s", e.ID, e.StoryID, bigStory.id)
		}
	}
}

// A story whose events left the window is not dropped from the store when
// its last active event merges into another story's: the store still files
// the events that left in it. It leaves the window then, as a story does
// whose events all left, filed as it stands, and no later event joins it.
func TestStoryOutlivesItsGoneEvents(t *testing.T) {
	c, evs := placedAlone(t, rotterdam[0], antwerp[0], antwerp[2])
	st := evs["a1"].story
	c.restory(evs["a3"], st)            // a3's event joins a1's story
	c.dropEvent(evs["a1"], false)       // a1's leaves the window, as evict lets it go
	c.absorb(evs["r1"], evs["a3"], 0.5) // and a3's merges into r1's
	f := c.Changes()
	if slices.Contains(f.GoneStories, st.id) {
		t.Errorf("story %s filed as gone with an event that left the window still filed in it", st.id)
	}
	if !slices.ContainsFunc(f.Stories, func(s *storyline.Story) bool { return s.ID == st.id }) {
		t.Errorf("story %s not filed as it left the window", st.id)
	}
	if _, ok := c.Story(st.id); ok {
		t.Errorf("story %s still open with no active event: later events could join it", st.id)
	}
}

// A story that keeps an event while another of its events leaves the
// window is filed again at the next Changes, as its active events now tell
// it: otherwise the title stored would be the one of the last filing
// before the event left, which depends on where the batches ended (a queue
// leader's batches are not a local ingest's).
func TestStoryFiledAgainWhenAnEventLeaves(t *testing.T) {
	c, evs := placedAlone(t, antwerp[0], antwerp[2])
	st := evs["a1"].story
	c.restory(evs["a3"], st) // a3's event joins a1's story
	c.Changes()              // filed with both events
	c.dropEvent(evs["a1"], false)
	f := c.Changes()
	i := slices.IndexFunc(f.Stories, func(s *storyline.Story) bool { return s.ID == st.id })
	if i < 0 {
		t.Fatalf("story %s not filed again after its event e-a1 left the window", st.id)
	}
	now, _ := c.Story(st.id)
	if got, want := f.Stories[i].Title, now.Title; got != want {
		t.Errorf("story filed with title %q, want %q", got, want)
	}
	if n := len(f.Stories[i].Events); n != 1 {
		t.Errorf("story filed with %d active events, want 1", n)
	}
}

// A story whose last active event leaves keeps the title its events gave
// it just before, not the one of its last filing (which depends on where
// the batches ended): here the filing named it with both its events, then
// the one that named it left, then the other.
func TestStoryKeepsTheTitleOfItsLastEvent(t *testing.T) {
	c, evs := placedAlone(t, antwerp[0], antwerp[2])
	st := evs["a1"].story
	c.restory(evs["a3"], st)
	filed, _ := c.Story(st.id) // as a filing names it
	c.dropEvent(evs["a1"], false)
	want := storyTitle(st, []*storyline.Event{c.snapshot(evs["a3"])}, 0)
	if want == filed.Title {
		t.Fatalf("a3's event alone names the story %q too: the test needs two titles", want)
	}
	c.dropEvent(evs["a3"], false)
	got, ok := c.Story(st.id)
	if !ok {
		t.Fatalf("story %s dropped with its events", st.id)
	}
	if got.Title != want {
		t.Errorf("story titled %q after its events left, want %q (its last event's)", got.Title, want)
	}
}
