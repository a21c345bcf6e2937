package timeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/sqlite"
	"github.com/storyline/storyline/timeline"
)

// processOnly is a stage without its ProcessBatch: the pipeline hands it
// the articles alone, not what the stages before found in them.
type processOnly struct{ s pipeline.Stage }

func (p processOnly) Name() string { return p.s.Name() }
func (p processOnly) Process(ctx context.Context, a *storyline.Article) error {
	return p.s.Process(ctx, a)
}
func (p processOnly) Finish(ctx context.Context) error { return p.s.(pipeline.Finisher).Finish(ctx) }

// oneAtATime is a store without EventOutlines: the stage reads one
// event's outline at a time.
type oneAtATime struct{ timeline.EventStore }

// TestEventDatesKeptLikeStored: the event-dates stage dates the events of
// an ingest from the statements the analyze stage left on the items (and
// from the store for the articles the dating stage re-dated since) as it
// dates them from the statements it reads from the store, and alike
// from a store that reads one event's outline at a time.
func TestEventDatesKeptLikeStored(t *testing.T) {
	// Reports of forty happenings; every third without a date but the
	// day its dateline gives without a year, which the dating stage
	// places among the other reports of its event.
	undated := regexp.MustCompile(`, "published": "[0-9-]+"`)
	var lines []byte
	for i := range 300 {
		line := corpusgen.ShortJSON(7, i)
		if i%3 == 0 {
			line = undated.ReplaceAll(line, nil)
		}
		lines = append(append(lines, line...), '\n')
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "reports.jsonl")
	if err := os.WriteFile(input, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	ingest := func(name string, kept, many bool) []string {
		ctx := context.Background()
		st, err := sqlite.Open(ctx, filepath.Join(dir, name+".db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		analyzer, dating := analyze.Stages(st)
		var es timeline.EventStore = st
		if !many {
			es = oneAtATime{st}
		}
		var dates pipeline.Stage = timeline.EventDates(es)
		if !kept {
			dates = processOnly{dates}
		}
		now := func() time.Time { return time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC) }
		sum, err := pipeline.Ingest(ctx, st, []string{input}, pipeline.Options{
			Stages: []pipeline.Stage{analyzer, cluster.NewStage(st, cluster.Options{}), dating, dates}, Now: now, Workers: 1})
		if err != nil || len(sum.StageErrors) > 0 {
			t.Fatalf("ingest: %v %+v", err, sum.StageErrors)
		}
		evs, err := st.Events(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, ev := range evs {
			var members []string
			for _, m := range ev.Members {
				members = append(members, m.ArticleID)
			}
			slices.Sort(members)
			out = append(out, fmt.Sprintf("%v %q %v", ev.Date, ev.Title, members))
		}
		slices.Sort(out)
		estimated, err := st.CountArticles(ctx, storyline.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d events, %d articles", name, len(out), estimated)
		return out
	}
	kept, stored := ingest("kept", true, true), ingest("stored", false, true)
	if len(kept) == 0 {
		t.Fatal("no events")
	}
	if single := ingest("one at a time", true, false); !slices.Equal(kept, single) {
		t.Errorf("the events dated with outlines read one at a time differ:\n%q\n%q", single, kept)
	}
	if !slices.Equal(kept, stored) {
		for i := range min(len(kept), len(stored)) {
			if kept[i] != stored[i] {
				t.Errorf("event dated from the kept statements: %s\nfrom the stored ones: %s", kept[i], stored[i])
			}
		}
		t.Fatalf("%d and %d events", len(kept), len(stored))
	}
}
