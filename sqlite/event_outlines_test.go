package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// EventOutlines reads what EventOutline reads of each event asked for,
// all at once: unknown IDs and repeats are no error, and an event's
// members come in their order.
func TestEventOutlinesAreEventOutline(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, e := range []*storyline.Event{
		{ID: "e1", StoryID: "s1", Date: storyline.Day(2021, time.March, 17), Title: "Recall", Outlets: 2,
			Members: []storyline.Membership{{ArticleID: "a2", Origin: "seed", Score: 1, Terms: []string{"recall"}}, {ArticleID: "a1", Score: 0.5}}},
		{ID: "e2", StoryID: "s1", Date: storyline.Day(2021, time.March, 22), Title: "Consultations",
			Members: []storyline.Membership{{ArticleID: "b1", Manual: true}}},
		{ID: "e3", Title: "Undated", Members: []storyline.Membership{{ArticleID: "c1"}}},
	} {
		if err := st.PutEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.EventOutlines(ctx, []string{"e3", "nope", "e1", "e2", "e1"})
	if err != nil {
		t.Fatal(err)
	}
	var want []*storyline.Event
	for _, id := range []string{"e1", "e2", "e3"} { // by date, undated last
		e, err := st.EventOutline(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, e)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("EventOutlines is not EventOutline of each (-want +got):\n%s", d)
	}
	if none, err := st.EventOutlines(ctx, []string{"nope"}); err != nil || len(none) != 0 {
		t.Errorf("EventOutlines of an unknown ID = %v, %v; want none", none, err)
	}
}
