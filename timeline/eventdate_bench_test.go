package timeline_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/sqlite"
	"github.com/storyline/storyline/timeline"
)

// BenchmarkEventDatesTimeline17 runs the event-dates stage's Finish over
// every article of a Timeline17 ingest, as the ingest's last pass does:
// the store holds what the analyze, clustering and dating stages made
// of the articles (set up once, an ingest without the stage), and an
// operation dates all its events, reading their statements from the
// store. The first operation stores the dates; the others find them
// unchanged.
//
//	go test ./timeline -run '^$' -bench EventDatesTimeline17 -benchtime 5x -cpu 1
func BenchmarkEventDatesTimeline17(b *testing.B) {
	dir := shareddata.Dir(b, "eval/timeline17")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "t17.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	analyzer, dating := analyze.Stages(st)
	now := func() time.Time { return time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC) }
	sum, err := pipeline.Ingest(ctx, st, []string{dir}, pipeline.Options{
		Stages: []pipeline.Stage{analyzer, cluster.NewStage(st, cluster.Options{}), dating}, Now: now})
	if err != nil || len(sum.StageErrors) > 0 {
		b.Fatalf("ingest: %v %+v", err, sum.StageErrors)
	}
	list, err := st.Articles(ctx, storyline.ArticleFilter{MetaOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	stage := timeline.EventDates(st)
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		for _, a := range list {
			if err := stage.Process(ctx, a); err != pipeline.Deferred {
				b.Fatalf("process %s: %v", a.ID, err)
			}
		}
		if err := stage.(pipeline.Finisher).Finish(ctx); err != nil {
			b.Fatal(err)
		}
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(len(list)), "articles")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}
