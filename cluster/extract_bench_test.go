package cluster

import (
	"testing"

	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
)

// BenchmarkExtractTimeline17 reads the features of every Timeline17
// article (extract, then weigh) through a fresh clusterer, as an ingest
// of the folder does before placing each: the tokens, their look-up, the
// terms, the shingles and the copy sketch. cpu-µs/article is process CPU.
//
//	go test ./cluster -run '^$' -bench ExtractTimeline17 -benchtime 5x -cpu 1
func BenchmarkExtractTimeline17(b *testing.B) {
	all, err := ecbplus.LoadTimeline17(shareddata.Dir(b, "eval/timeline17"))
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]Doc, len(all))
	for i, d := range all {
		docs[i] = Doc{ID: d.ID, Title: d.Title, Text: d.Text}
	}
	b.ResetTimer()
	cpu := corpusgen.CPUTime()
	for range b.N {
		c := New(Options{})
		for i := range docs {
			c.weigh(c.extract(&docs[i]), true)
		}
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(docs)), "cpu-µs/article")
}
