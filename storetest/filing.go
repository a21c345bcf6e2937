package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline/storyline"
)

func init() {
	register("FileEvents", func(t *testing.T, open func(t *testing.T) storyline.Store) {
		RunFileEvents(t, func(t *testing.T) EventBackend { return open(t) })
	})
}

// RunFileEvents tests EventStore.FileEvents against fresh, empty stores
// that open returns: each step of a storyline.Filing, in order.
func RunFileEvents(t *testing.T, open func(t *testing.T) EventBackend) {
	ctx := context.Background()
	mar := func(d int) storyline.Date { return storyline.Day(2021, time.March, d) }
	setup := func(t *testing.T) EventBackend {
		st := open(t)
		for _, id := range []string{"a1", "a2", "a3", "b1", "c1"} {
			mustPut(t, st, article(id, "Report "+id, mar(17)))
		}
		return st
	}
	member := func(event, article string, manual bool) storyline.EventMember {
		return storyline.EventMember{EventID: event, Membership: storyline.Membership{
			ArticleID: article, Origin: article + ".txt", Score: 0.5, Terms: []string{"recall"}, Entities: []string{"Antonov"}, Manual: manual}}
	}
	members := func(t *testing.T, st EventBackend, id string) []string {
		t.Helper()
		e, err := st.Event(ctx, id)
		if err != nil {
			t.Fatalf("Event(%s): %v", id, err)
		}
		var out []string
		for _, m := range e.Members {
			out = append(out, m.ArticleID)
		}
		return out
	}
	first := &storyline.Filing{
		Events: []*storyline.Event{
			{ID: "e1", StoryID: "s1", Date: mar(17), Title: "Recall", Outlets: 2},
			{ID: "e2", StoryID: "s1", Date: mar(22), Title: "Consultations", Outlets: 1},
		},
		Members:    []storyline.EventMember{member("e1", "a1", false), member("e1", "a2", false), member("e2", "b1", false)},
		Duplicates: []storyline.Duplicate{{ArticleID: "a2", Of: "a1", Similarity: 0.9}, {ArticleID: "nope", Of: "a1", Similarity: 0.9}},
		Stories:    []*storyline.Story{{ID: "s1", Title: "Antonov recalled", Entities: []string{"Anatoly Antonov"}}},
	}

	t.Run("Writes", func(t *testing.T) {
		st := setup(t)
		if err := st.FileEvents(ctx, first); err != nil {
			t.Fatal(err)
		}
		e1, err := st.Event(ctx, "e1")
		if err != nil {
			t.Fatal(err)
		}
		want := &storyline.Event{ID: "e1", StoryID: "s1", Date: mar(17), Title: "Recall", Outlets: 2, Members: []storyline.Membership{
			first.Members[0].Membership, first.Members[1].Membership}}
		if diff := cmp.Diff(want, e1); diff != "" {
			t.Errorf("event e1 mismatch (-want +got):\n%s", diff)
		}
		a2, err := st.Article(ctx, "a2")
		if err != nil || a2.DuplicateOf != "a1" || a2.Similarity != 0.9 {
			t.Errorf("a2 = %+v, %v; want a copy of a1", a2, err)
		}
		s1, err := st.Story(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		// the span covers the story's stored events
		if s1.Title != "Antonov recalled" || s1.First != mar(17) || s1.Last != mar(22) || len(s1.Events) != 2 {
			t.Errorf("story s1 = %+v; want its title, 17 to 22 March and two events", s1)
		}
		// written twice, as written once
		if err := st.FileEvents(ctx, first); err != nil {
			t.Fatal(err)
		}
		if got := members(t, st, "e1"); !cmp.Equal(got, []string{"a1", "a2"}) {
			t.Errorf("e1 after the same filing twice: %v, want [a1 a2]", got)
		}
		if err := st.FileEvents(ctx, &storyline.Filing{}); err != nil {
			t.Errorf("an empty filing: %v", err)
		}
	})

	t.Run("ByMember", func(t *testing.T) {
		st := setup(t)
		if err := st.FileEvents(ctx, first); err != nil {
			t.Fatal(err)
		}
		// another writer adds a3 to e1 by hand; this filing knows only a1
		// and a2 and moves nothing: a3 stays, at the end
		if err := st.FileEvents(ctx, &storyline.Filing{Members: []storyline.EventMember{member("e1", "a3", true)}}); err != nil {
			t.Fatal(err)
		}
		second := &storyline.Filing{
			Events:  []*storyline.Event{{ID: "e1", StoryID: "s1", Date: mar(17), Title: "Recall, updated", Outlets: 3}},
			Members: []storyline.EventMember{member("e1", "c1", false)},
		}
		if err := st.FileEvents(ctx, second); err != nil {
			t.Fatal(err)
		}
		if got := members(t, st, "e1"); !cmp.Equal(got, []string{"a1", "a2", "a3", "c1"}) {
			t.Errorf("e1: %v, want [a1 a2 a3 c1]", got)
		}
		// a membership made by hand is not moved by one that is not
		if err := st.FileEvents(ctx, &storyline.Filing{Members: []storyline.EventMember{member("e2", "a3", false)}}); err != nil {
			t.Fatal(err)
		}
		if ev, _ := st.ArticleEvent(ctx, "a3"); ev != "e1" {
			t.Errorf("a3, placed by hand in e1, moved to %q", ev)
		}
	})

	t.Run("EmptiedAndGone", func(t *testing.T) {
		st := setup(t)
		if err := st.FileEvents(ctx, first); err != nil {
			t.Fatal(err)
		}
		if err := st.FileEvents(ctx, &storyline.Filing{Events: []*storyline.Event{{ID: "e3", StoryID: "s3", Date: mar(25)}},
			Members: []storyline.EventMember{member("e3", "c1", false)},
			Stories: []*storyline.Story{{ID: "s3", Title: "Elsewhere"}}}); err != nil {
			t.Fatal(err)
		}
		// b1 moves into e1: e2 is left empty and deleted; e3 is merged
		// away (Gone) and its story with it; e1 keeps its articles
		merge := &storyline.Filing{
			Events:      []*storyline.Event{{ID: "e1", StoryID: "s1", Date: mar(17), Title: "Recall", Outlets: 3}},
			Members:     []storyline.EventMember{member("e1", "b1", false), member("e1", "c1", false)},
			Gone:        []string{"e3", "e1"},
			Stories:     []*storyline.Story{{ID: "s1"}},
			GoneStories: []string{"s3"},
		}
		if err := st.FileEvents(ctx, merge); err != nil {
			t.Fatal(err)
		}
		if got := members(t, st, "e1"); !cmp.Equal(got, []string{"a1", "a2", "b1", "c1"}) {
			t.Errorf("e1: %v, want [a1 a2 b1 c1]", got)
		}
		for _, id := range []string{"e2", "e3"} {
			if _, err := st.Event(ctx, id); storyline.ErrorCode(err) != storyline.ENOTFOUND {
				t.Errorf("event %s: %v, want it deleted (ENOTFOUND)", id, err)
			}
		}
		if _, err := st.Story(ctx, "s3"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("story s3: %v, want it deleted (ENOTFOUND)", err)
		}
		s1, err := st.Story(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		// given no title, s1 keeps its own; its span is its one event's
		if s1.Title != "Antonov recalled" || s1.First != mar(17) || s1.Last != mar(17) {
			t.Errorf("story s1 = %+v; want its title kept and the 17 March span", s1)
		}
	})

	t.Run("Invalid", func(t *testing.T) {
		st := setup(t)
		for name, f := range map[string]*storyline.Filing{
			"event without ID":  {Events: []*storyline.Event{{Title: "x"}}},
			"member without ID": {Members: []storyline.EventMember{{EventID: "e1"}}},
			"story without ID":  {Stories: []*storyline.Story{{Title: "x"}}},
		} {
			if err := st.FileEvents(ctx, f); storyline.ErrorCode(err) != storyline.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
	})
}
