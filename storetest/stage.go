package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline/storyline"
)

func init() {
	register("Stages", func(t *testing.T, open func(t *testing.T) storyline.Store) {
		RunStages(t, func(t *testing.T) StageBackend { return open(t) })
	})
}

// StageBackend is what the stage records suite needs of a store.
type StageBackend interface {
	storyline.ArticleStore
	storyline.StageStore
}

// RunStages tests storyline.StageStore against fresh, empty stores that
// open returns: stages recorded per article, read back in one call, and
// the articles that lack some, in the order stored, page by page.
func RunStages(t *testing.T, open func(t *testing.T) StageBackend) {
	ctx := context.Background()
	st := open(t)
	for i := range 7 {
		id := fmt.Sprintf("z%d", 6-i) // stored order is not ID order
		mustPut(t, st, article(id, "Report "+id, storyline.Date{}))
	}
	mark := func(stage string, ids ...string) {
		t.Helper()
		if err := st.MarkStage(ctx, stage, ids); err != nil {
			t.Fatalf("MarkStage(%s, %v): %v", stage, ids, err)
		}
	}
	mark("analyze", "z6", "z5", "z4", "z3", "nope")
	mark("analyze", "z6") // again
	mark("cluster", "z6", "z4")
	mark("cluster")

	got, err := st.ArticleStages(ctx, []string{"z6", "z5", "z0", "nope", "z6"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"z6": {"analyze", "cluster"}, "z5": {"analyze"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ArticleStages mismatch (-want +got):\n%s", diff)
	}
	if got, err := st.ArticleStages(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("ArticleStages(nil) = %v, %v; want an empty map", got, err)
	}

	var pages [][]string
	after := ""
	for {
		ids, err := st.Unfinished(ctx, []string{"analyze", "cluster"}, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) == 0 {
			break
		}
		pages = append(pages, ids)
		after = ids[len(ids)-1]
	}
	if diff := cmp.Diff([][]string{{"z5", "z3"}, {"z2", "z1"}, {"z0"}}, pages); diff != "" {
		t.Errorf("Unfinished pages mismatch (-want +got):\n%s", diff)
	}
	if ids, err := st.Unfinished(ctx, []string{"analyze"}, "", 10); err != nil || !cmp.Equal(ids, []string{"z2", "z1", "z0"}) {
		t.Errorf("Unfinished(analyze) = %v, %v; want [z2 z1 z0]", ids, err)
	}
	if ids, err := st.Unfinished(ctx, []string{"cluster", "cluster"}, "z4", 10); err != nil || !cmp.Equal(ids, []string{"z3", "z2", "z1", "z0"}) {
		t.Errorf("Unfinished(cluster after z4) = %v, %v; want [z3 z2 z1 z0]", ids, err)
	}
	if _, err := st.Unfinished(ctx, []string{"cluster"}, "nope", 10); storyline.ErrorCode(err) != storyline.ENOTFOUND {
		t.Errorf("Unfinished after an unknown article: %v, want ENOTFOUND", err)
	}
}
