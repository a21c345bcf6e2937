package analyze

import (
	"os"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
)

// timeline17 is the Timeline17 corpus of ../shared (2,324 news files of
// ten stories), read and cleaned as ingest does.
func timeline17(b testing.TB) []*storyline.Article {
	const dir = "../../shared/eval/timeline17"
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("Timeline17 not found: %v", err)
	}
	var out []*storyline.Article
	for in := range source.Files([]string{dir}, nil) {
		for doc, err := range source.Read(in) {
			if err != nil {
				continue
			}
			if a, err := clean.Clean(doc.Article()); err == nil {
				out = append(out, a)
			}
		}
	}
	return out
}

// BenchmarkArticle analyses the cleaned articles of Timeline17 one after
// the other, as the analyze stage does (Analyse: time expressions, dating
// evidence, entities, quotes, statements); an operation is one article.
// Run it with -benchtime=2277x to analyse each once.
func BenchmarkArticle(b *testing.B) {
	articles := timeline17(b)
	if len(articles) == 0 {
		b.Skip("no articles")
	}
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	var bytes int64
	for _, a := range articles {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes / int64(len(articles)))
	b.ReportAllocs()
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		Analyse(articles[i%len(articles)], now)
		i++
	}
	cpu = corpusgen.CPUTime() - cpu
	b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/article")
}
