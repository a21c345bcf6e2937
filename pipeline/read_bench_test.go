package pipeline

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/source"
)

// BenchmarkReadTimeline17 is the reading half of an ingest: each input of
// Timeline17 (../shared/eval/timeline17, already in memory) read,
// decoded and cleaned into articles as the pipeline's workers do it
// (readInput), on one goroutine. An operation is one input; run it with
// -benchtime 2324x to read each once. It reports CPU-µs an input.
//
//	go test -run '^$' -bench BenchmarkReadTimeline17 -benchtime 2324x -cpu 1 ./pipeline/
func BenchmarkReadTimeline17(b *testing.B) {
	root := shareddata.Root()
	if root == "" {
		b.Skip("../shared not found")
	}
	var inputs []source.Input
	for in := range source.Files([]string{filepath.Join(root, "eval", "timeline17")}, nil) {
		inputs = append(inputs, in)
	}
	if len(inputs) == 0 {
		b.Skip("no Timeline17 inputs")
	}
	now := func() time.Time { return time.Unix(0, 0) }
	out := make(chan chunk, 64)
	b.ReportAllocs()
	i, articles := 0, 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		readInput(context.Background(), inputs[i%len(inputs)], now, out)
		for len(out) > 0 {
			for _, it := range (<-out).items {
				if it.article != nil {
					articles++
				}
			}
		}
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/input")
	b.ReportMetric(float64(articles)/cpu.Seconds(), "articles/cpu-s")
}
