package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline/storyline"
)

func init() {
	register("EventBatch", func(t *testing.T, open func(t *testing.T) storyline.Store) {
		RunEventBatch(t, func(t *testing.T) EventBackend { return open(t) })
	})
}

// RunEventBatch tests EventStore.ArticleEvents against fresh, empty stores
// that open returns: it answers as ArticleEvent would, article by article.
func RunEventBatch(t *testing.T, open func(t *testing.T) EventBackend) {
	ctx := context.Background()
	st := open(t)
	for _, e := range []*storyline.Event{
		{ID: "e1", StoryID: "s1", Date: storyline.Day(2021, time.March, 17), Title: "Recall",
			Members: []storyline.Membership{{ArticleID: "a1"}, {ArticleID: "a2"}}},
		{ID: "e2", StoryID: "s1", Date: storyline.Day(2021, time.March, 22), Title: "Consultations",
			Members: []storyline.Membership{{ArticleID: "b1"}}},
	} {
		if err := st.PutEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	many := []string{"b1", "a1"}
	for i := range 33000 { // more than SQLite's parameters per statement
		many = append(many, fmt.Sprintf("absent-%05d", i))
	}
	cases := []struct {
		name string
		ids  []string
		want map[string]string
	}{
		{"none", nil, map[string]string{}},
		{"in no event", []string{"c1", "nope"}, map[string]string{}},
		{"some, repeated", []string{"a2", "c1", "b1", "a2", "a1"}, map[string]string{"a1": "e1", "a2": "e1", "b1": "e2"}},
		{"many IDs", many, map[string]string{"a1": "e1", "b1": "e2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := st.ArticleEvents(ctx, c.ids)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("ArticleEvents mismatch (-want +got):\n%s", diff)
			}
			for _, id := range c.ids[:min(len(c.ids), 6)] {
				one, err := st.ArticleEvent(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if one != got[id] {
					t.Errorf("ArticleEvent(%s) = %q, ArticleEvents says %q", id, one, got[id])
				}
			}
		})
	}
	// After a deletion the articles are in no event.
	if err := st.DeleteEvent(ctx, "e1"); err != nil {
		t.Fatal(err)
	}
	got, err := st.ArticleEvents(ctx, []string{"a1", "a2", "b1"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"b1": "e2"}, got); diff != "" {
		t.Errorf("ArticleEvents after deleting e1 (-want +got):\n%s", diff)
	}
}
