package storyline_test

import (
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
)

// BenchmarkArticleID computes the IDs of generated 3-5 KB articles, read
// as ingest reads them; an operation is one article.
func BenchmarkArticleID(b *testing.B) {
	var texts []string
	for i := range 200 {
		texts = append(texts, source.ParseText(string(corpusgen.Article(1, i))).Text)
	}
	i := 0
	cpu := corpusgen.CPUTime()
	for b.Loop() {
		storyline.ArticleID("example.com", texts[i%len(texts)])
		i++
	}
	b.ReportMetric(float64((corpusgen.CPUTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
