package clean_test

import (
	"os"
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

// BenchmarkTimeline17 cleans the documents of Timeline17 (../shared), read
// as ingest reads them; an operation is one document. Run it with
// -benchtime=2324x to clean each once.
func BenchmarkTimeline17(b *testing.B) {
	const dir = "../../shared/eval/timeline17"
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("Timeline17 not found: %v", err)
	}
	var docs []*source.Document
	var total int64
	for in := range source.Files([]string{dir}, nil) {
		for doc, err := range source.Read(in) {
			if err == nil {
				docs = append(docs, doc)
				total += int64(len(doc.Text))
			}
		}
	}
	if len(docs) == 0 {
		b.Skip("no documents")
	}
	b.SetBytes(total / int64(len(docs)))
	b.ReportAllocs()
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		clean.Clean(docs[i%len(docs)].Article())
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/article")
}
