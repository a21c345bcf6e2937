package clean_test

import (
	"testing"

	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
)

// BenchmarkClean cleans generated 3-5 KB articles, already read: debris,
// byline, dateline, publication date, language and ID.
func BenchmarkClean(b *testing.B) {
	const n = 500
	var docs []*source.Document
	var total int64
	for i := range n {
		data := corpusgen.Article(1, i)
		total += int64(len(data))
		docs = append(docs, source.ParseText(string(data)))
	}
	b.SetBytes(total / n)
	b.ReportAllocs()
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		if _, err := clean.Clean(docs[i%n].Article()); err != nil {
			b.Fatal(err)
		}
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
}
