package cluster_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/sqlite"
)

func articleOf(d cluster.Doc) *storyline.Article {
	return &storyline.Article{ID: d.ID, Origin: d.ID + ".txt", Source: d.Source, Title: d.Title, Text: d.Text, Published: d.Published}
}

// ingest stores docs and runs a fresh stage over the new ones, then
// finishes it, as one "storyline ingest" process does.
func ingest(t *testing.T, st *sqlite.Store, docs ...cluster.Doc) {
	t.Helper()
	ctx := context.Background()
	stage := cluster.NewStage(st, cluster.Options{})
	for _, d := range docs {
		a := articleOf(d)
		created, err := st.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if !created {
			continue
		}
		if err := stage.Process(ctx, a); err != nil {
			t.Fatalf("process %s: %v", d.ID, err)
		}
	}
	if err := stage.Finish(ctx); err != nil {
		t.Fatalf("finish: %v", err)
	}
}

func openStore(t *testing.T) *sqlite.Store {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func eventOf(t *testing.T, st *sqlite.Store, id string) string {
	t.Helper()
	ev, err := st.ArticleEvent(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestStageRunsAgree(t *testing.T) {
	docs := []cluster.Doc{recallA, quake, recallB, recallCopy, recall2024}
	one := openStore(t)
	ingest(t, one, docs...)
	several := openStore(t)
	for _, d := range docs {
		ingest(t, several, d) // one process per article
	}
	ctx := context.Background()
	for _, st := range []*sqlite.Store{one, several} {
		if eventOf(t, st, "a") != eventOf(t, st, "b") || eventOf(t, st, "a") != eventOf(t, st, "a-copy") {
			t.Errorf("a, b and the copy of a are not in one event")
		}
		if eventOf(t, st, "c") == eventOf(t, st, "a") || eventOf(t, st, "d") == eventOf(t, st, "a") {
			t.Errorf("the 2024 recall or the earthquake joined the 2021 recall")
		}
		cp, err := st.Article(ctx, "a-copy")
		if err != nil {
			t.Fatal(err)
		}
		if cp.DuplicateOf != "a" {
			t.Errorf("copy: duplicate_of %q, want a", cp.DuplicateOf)
		}
		ev, err := st.Event(ctx, eventOf(t, st, "a"))
		if err != nil {
			t.Fatal(err)
		}
		if ev.Outlets != 2 || len(ev.Members) != 3 || ev.StoryID == "" || ev.Title == "" {
			t.Errorf("event %+v: want 3 members, 2 outlets, a story and a title", ev)
		}
		if _, err := st.Story(ctx, ev.StoryID); err != nil {
			t.Errorf("story of the event: %v", err)
		}
	}
}

func TestManualDecisionsSurvive(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	ingest(t, st, recallA, recallB, quake)
	// split b off, then merge the earthquake into a's event
	moved, err := cluster.Move(ctx, st, "b", "new")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cluster.Merge(ctx, st, eventOf(t, st, "a"), eventOf(t, st, "d")); err != nil {
		t.Fatal(err)
	}
	ingest(t, st, recallCopy, recall2024)
	if got := eventOf(t, st, "b"); got != moved.ID {
		t.Errorf("b in %s after a later ingest, want the split event %s", got, moved.ID)
	}
	if eventOf(t, st, "d") != eventOf(t, st, "a") {
		t.Errorf("the merge of d into a's event did not survive a later ingest")
	}
	ev, err := st.Event(ctx, moved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !ev.Members[0].Manual {
		t.Errorf("moved article not marked manual: %+v", ev.Members[0])
	}
	if _, err := cluster.Move(ctx, st, "b", moved.ID); storyline.ErrorCode(err) != storyline.EINVALID {
		t.Errorf("moving b where it is: error %v, want EINVALID", err)
	}
	if _, err := cluster.Merge(ctx, st, moved.ID, moved.ID); storyline.ErrorCode(err) != storyline.EINVALID {
		t.Errorf("merging an event into itself: error %v, want EINVALID", err)
	}
	if _, err := cluster.Move(ctx, st, "nope", moved.ID); storyline.ErrorCode(err) != storyline.ENOTFOUND {
		t.Errorf("moving an unknown article: error %v, want ENOTFOUND", err)
	}
}

// TestStageFinish: with thresholds no pair of articles reaches, every
// article opens its own event and story; Finish settles the run as an ingest
// ends, and the store then holds the two recall reports in one event,
// without the event and story the later one had opened.
func TestStageFinish(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	stage := cluster.NewStage(st, cluster.Options{EventThreshold: 0.99, StoryThreshold: 0.99})
	for _, d := range []cluster.Doc{recallA, quake, recallB, recall2024} {
		a := articleOf(d)
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := stage.Process(ctx, a); err != nil {
			t.Fatalf("process %s: %v", d.ID, err)
		}
	}
	if eventOf(t, st, "a") == eventOf(t, st, "b") {
		t.Fatal("a and b share an event before settling; the test needs them apart")
	}
	if err := stage.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	if ea, eb := eventOf(t, st, "a"), eventOf(t, st, "b"); ea != eb {
		t.Errorf("after Finish: a in %s, b in %s; want one event", ea, eb)
	}
	for _, other := range []string{"d", "c"} {
		if eventOf(t, st, other) == eventOf(t, st, "a") {
			t.Errorf("after Finish: %s joined the recall event", other)
		}
	}
	evs, err := st.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stories, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 {
		t.Errorf("after Finish: %d events stored, want 3", len(evs))
	}
	inUse := map[string]bool{}
	for _, e := range evs {
		inUse[e.StoryID] = true
	}
	for _, s := range stories {
		if !inUse[s.ID] {
			t.Errorf("after Finish: story %s holds no event", s.ID)
		}
	}
}

// TestSettleKeepsSplits: an article split off by hand from a two-report
// event leaves the other alone; settling in a later run must not put it
// back with the split-off one.
func TestSettleKeepsSplits(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	ingest(t, st, recallA, recallB)
	if eventOf(t, st, "a") != eventOf(t, st, "b") {
		t.Fatal("a and b not in one event; the test needs them together")
	}
	split, err := cluster.Move(ctx, st, "b", "new")
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, st, quake)
	if got := eventOf(t, st, "b"); got != split.ID {
		t.Errorf("b in %s after a later ingest, want the split event %s", got, split.ID)
	}
	if eventOf(t, st, "a") == split.ID {
		t.Errorf("a settled into the event split off by hand")
	}
}
