package analyze

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/pipeline"
)

// Statements reads what PutAnalysis stored, for the related articles the
// run has no day statements of.
func (s *groupStore) Statements(_ context.Context, ids []string) (map[string][]storyline.Statement, error) {
	out := map[string][]storyline.Statement{}
	for _, id := range ids {
		if a, ok := s.analyses[id]; ok {
			out[id] = a.Statements
		}
	}
	return out, nil
}

// BenchmarkDatingFinish dates the undated reports of a Timeline17 story
// (the BP oil spill, its five outlets; in the text of all but a few
// no date) as the dating stage's Finish does when the clustering put
// them in one event: the matching of their weekday sentences with the
// dated statements of the others, and the re-analysis of those it dates.
// The analysis before is not measured; the store is in memory.
//
//	go test ./analyze -run '^$' -bench DatingFinish -benchtime 5x -cpu 1
func BenchmarkDatingFinish(b *testing.B) {
	var as []*storyline.Article
	for _, a := range timeline17(b) {
		if strings.Contains(a.Origin, "/bpoil_") {
			as = append(as, a)
		}
	}
	if len(as) == 0 {
		b.Skip("no articles")
	}
	ctx := context.Background()
	var cpu time.Duration
	redated := 0
	for b.Loop() {
		b.StopTimer()
		var copies []*storyline.Article
		for _, a := range as {
			c := *a
			copies = append(copies, &c)
		}
		st := newGroupStore(copies...)
		analyzer, dater := Stages(st)
		analyzer.(*analyzeStage).now = func() time.Time { return now }
		for _, a := range copies {
			if err := analyzer.Process(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
		for _, a := range copies {
			if err := dater.Process(ctx, a); err != nil && !errors.Is(err, pipeline.Deferred) {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		c0 := corpusgen.CPUTime()
		if err := dater.(pipeline.Finisher).Finish(ctx); err != nil {
			b.Fatal(err)
		}
		cpu += corpusgen.CPUTime() - c0
		redated = len(st.datings)
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(redated), "dated")
	b.ReportMetric(float64(len(as)), "articles")
}
