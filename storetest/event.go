package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline/storyline"
)

func init() {
	register("Events", func(t *testing.T, open func(t *testing.T) storyline.Store) {
		RunEvents(t, func(t *testing.T) EventBackend { return open(t) })
	})
}

// EventBackend is what the event suite needs of a store.
type EventBackend interface {
	storyline.ArticleStore
	storyline.EventStore
}

// RunEvents runs the event and story scenarios against fresh, empty stores
// that open returns.
func RunEvents(t *testing.T, open func(t *testing.T) EventBackend) {
	ctx := context.Background()
	member := func(id string, score float64, manual bool) storyline.Membership {
		return storyline.Membership{ArticleID: id, Origin: id + ".txt", Score: score,
			Terms: []string{"recall", "ambassador"}, Entities: []string{"Antonov"}, Manual: manual}
	}
	recall := func() *storyline.Event {
		return &storyline.Event{
			ID: "e-a1", StoryID: "s-a1", Date: storyline.Day(2021, time.March, 17),
			Title:   "Russia recalls its ambassador to Washington",
			Members: []storyline.Membership{member("a1", 1, false), member("a2", 0.61, false), member("a3", 0.9, true)},
			Outlets: 2,
		}
	}
	talks := func() *storyline.Event {
		return &storyline.Event{
			ID: "e-b1", StoryID: "s-a1", Date: storyline.Day(2021, time.March, 22),
			Title:   "Antonov holds consultations at the foreign ministry",
			Members: []storyline.Membership{member("b1", 1, false)},
			Outlets: 1,
		}
	}

	t.Run("put and get an event", func(t *testing.T) {
		st := open(t)
		want := recall()
		if err := st.PutEvent(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err := st.Event(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("Event (-want +got):\n%s", d)
		}
		for _, a := range []string{"a1", "a2", "a3"} {
			if ev, err := st.ArticleEvent(ctx, a); err != nil || ev != want.ID {
				t.Errorf("ArticleEvent(%s) = %q, %v; want %q", a, ev, err, want.ID)
			}
		}
		if ev, err := st.ArticleEvent(ctx, "nowhere"); err != nil || ev != "" {
			t.Errorf("ArticleEvent(nowhere) = %q, %v; want \"\"", ev, err)
		}
	})

	t.Run("an event's outline is the event without what its members share", func(t *testing.T) {
		st := open(t)
		for _, e := range []*storyline.Event{recall(), talks()} {
			if err := st.PutEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		want := recall()
		for i := range want.Members {
			want.Members[i].Terms, want.Members[i].Entities = nil, nil
		}
		got, err := st.EventOutline(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("EventOutline (-want +got):\n%s", d)
		}
		if _, err := st.EventOutline(ctx, "e-none"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("EventOutline(e-none) error = %v, want ENOTFOUND", err)
		}
	})

	t.Run("missing event and story are not found", func(t *testing.T) {
		st := open(t)
		if _, err := st.Event(ctx, "e-none"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("Event(e-none) error = %v, want ENOTFOUND", err)
		}
		if _, err := st.Story(ctx, "s-none"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("Story(s-none) error = %v, want ENOTFOUND", err)
		}
		if err := st.DeleteEvent(ctx, "e-none"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("DeleteEvent(e-none) error = %v, want ENOTFOUND", err)
		}
	})

	t.Run("replacing an event replaces its members", func(t *testing.T) {
		st := open(t)
		e := recall()
		if err := st.PutEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
		e.Members = e.Members[:1]
		e.Title, e.Outlets = "Moscow calls Antonov home", 1
		if err := st.PutEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
		got, err := st.Event(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(e, got); d != "" {
			t.Errorf("Event after replace (-want +got):\n%s", d)
		}
		if ev, _ := st.ArticleEvent(ctx, "a2"); ev != "" {
			t.Errorf("ArticleEvent(a2) = %q after it left the event, want \"\"", ev)
		}
	})

	t.Run("an article belongs to one event", func(t *testing.T) {
		st := open(t)
		a, b := recall(), talks()
		for _, e := range []*storyline.Event{a, b} {
			if err := st.PutEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		// move a3 into b, as "event move a3 e-b1" does
		b.Members = append(b.Members, member("a3", 0.5, true))
		if err := st.PutEvent(ctx, b); err != nil {
			t.Fatal(err)
		}
		if ev, _ := st.ArticleEvent(ctx, "a3"); ev != b.ID {
			t.Errorf("ArticleEvent(a3) = %q, want %q", ev, b.ID)
		}
		got, err := st.Event(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, m := range got.Members {
			ids = append(ids, m.ArticleID)
		}
		if d := cmp.Diff([]string{"a1", "a2"}, ids); d != "" {
			t.Errorf("members of %s after the move (-want +got):\n%s", a.ID, d)
		}
	})

	t.Run("delete an event", func(t *testing.T) {
		st := open(t)
		e := recall()
		if err := st.PutEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
		if err := st.DeleteEvent(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Event(ctx, e.ID); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("Event after delete: error = %v, want ENOTFOUND", err)
		}
		if ev, _ := st.ArticleEvent(ctx, "a1"); ev != "" {
			t.Errorf("ArticleEvent(a1) = %q after delete, want \"\"", ev)
		}
	})

	t.Run("stories hold their events by date", func(t *testing.T) {
		st := open(t)
		a, b := recall(), talks()
		other := &storyline.Event{ID: "e-c1", StoryID: "s-c1", Title: "Embassy prepares the vote",
			Date: storyline.Day(2024, time.March, 11), Members: []storyline.Membership{member("c1", 1, false)}, Outlets: 1}
		for _, e := range []*storyline.Event{b, other, a} {
			if err := st.PutEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		s1 := &storyline.Story{ID: "s-a1", Title: a.Title, First: a.Date, Last: b.Date, Entities: []string{"Anatoly Antonov", "Russia"}}
		s2 := &storyline.Story{ID: "s-c1", Title: other.Title, First: other.Date, Last: other.Date, Entities: []string{}}
		for _, s := range []*storyline.Story{s1, s2} {
			if err := st.PutStory(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		got, err := st.Story(ctx, "s-a1")
		if err != nil {
			t.Fatal(err)
		}
		want := *s1
		want.Events = []*storyline.Event{a, b}
		if d := cmp.Diff(&want, got); d != "" {
			t.Errorf("Story (-want +got):\n%s", d)
		}
		all, err := st.Stories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range all {
			ids = append(ids, s.ID)
			if len(s.Events) == 0 {
				t.Errorf("story %s listed without its events", s.ID)
			}
		}
		if d := cmp.Diff([]string{"s-c1", "s-a1"}, ids); d != "" {
			t.Errorf("Stories, latest first (-want +got):\n%s", d)
		}
		evs, err := st.Events(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 3 || evs[0].ID != a.ID || evs[2].ID != other.ID {
			t.Errorf("Events not by date: %v", evs)
		}
	})
}
