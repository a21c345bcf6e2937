package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/sqlite"
)

// writeCorpus is Timeline17 (or generated articles without ../shared),
// cleaned and analysed once for all the write benchmarks.
var writeCorpus struct {
	once sync.Once
	arts []*storyline.Article
	ans  []*storyline.Analysis
}

func writeArticles(b *testing.B) ([]*storyline.Article, []*storyline.Analysis) {
	writeCorpus.once.Do(func() {
		writeCorpus.arts = benchArticles(b, 2277)
		for _, a := range writeCorpus.arts {
			writeCorpus.ans = append(writeCorpus.ans, analyze.Article(a))
		}
	})
	return writeCorpus.arts, writeCorpus.ans
}

// BenchmarkWrite stores articles and their analyses as ingest does, a
// batch of 256 articles (PutArticles) then their analyses (PutAnalyses),
// into a new store, for a quarter (1x) and all (4x) of Timeline17, and
// reports the CPU time of each an article, closing the store (its last
// checkpoint) included.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{569, 2277} {
		b.Run(fmt.Sprintf("%dx", n/569), func(b *testing.B) {
			arts, ans := writeArticles(b)
			arts, ans = arts[:min(n, len(arts))], ans[:min(n, len(ans))]
			ctx := context.Background()
			var articles, analyses, closing time.Duration
			for b.Loop() {
				b.StopTimer()
				st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				// each run stores fresh copies: PutAnalyses fills in IDs
				batch := make([]*storyline.Analysis, 0, 256)
				b.StartTimer()
				for i := 0; i < len(arts); i += 256 {
					end := min(i+256, len(arts))
					start := corpusgen.CPUTime()
					if _, err := st.PutArticles(ctx, arts[i:end]); err != nil {
						b.Fatal(err)
					}
					mid := corpusgen.CPUTime()
					batch = batch[:0]
					for _, an := range ans[i:end] {
						batch = append(batch, copyAnalysis(an))
					}
					mid2 := corpusgen.CPUTime()
					if err := st.PutAnalyses(ctx, batch); err != nil {
						b.Fatal(err)
					}
					stop := corpusgen.CPUTime()
					articles += mid - start
					analyses += stop - mid2
				}
				start := corpusgen.CPUTime()
				if err := st.Close(); err != nil { // the last checkpoint
					b.Fatal(err)
				}
				closing += corpusgen.CPUTime() - start
			}
			per := float64(len(arts) * b.N)
			b.ReportMetric(float64(articles.Microseconds())/per, "articles-cpu-µs/article")
			b.ReportMetric(float64(analyses.Microseconds())/per, "analyses-cpu-µs/article")
			b.ReportMetric(float64(closing.Microseconds())/per, "close-cpu-µs/article")
			b.ReportMetric(float64((articles+analyses+closing).Microseconds())/per, "cpu-µs/article")
		})
	}
}

// copyAnalysis copies what PutAnalyses writes into (entity IDs, quote
// IDs and speakers), so that every run stores the analysis as found.
func copyAnalysis(a *storyline.Analysis) *storyline.Analysis {
	c := *a
	c.Mentions = append([]storyline.Mention(nil), a.Mentions...)
	c.Quotes = append([]storyline.Quote(nil), a.Quotes...)
	return &c
}

// BenchmarkPutArticles stores Timeline17 as ingest does, 256 articles at
// a time, into a new store and reports the CPU time of PutArticles (rows
// and full-text index) and of closing (the last checkpoint), each an
// article.
func BenchmarkPutArticles(b *testing.B) {
	arts := benchArticles(b, 2277)
	ctx := context.Background()
	var put, closing time.Duration
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := corpusgen.CPUTime()
		for i := 0; i < len(arts); i += 256 {
			if _, err := st.PutArticles(ctx, arts[i:min(i+256, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		mid := corpusgen.CPUTime()
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		put += mid - start
		closing += corpusgen.CPUTime() - mid
	}
	per := float64(len(arts) * b.N)
	b.ReportMetric(float64(put.Microseconds())/per, "put-cpu-µs/article")
	b.ReportMetric(float64(closing.Microseconds())/per, "close-cpu-µs/article")
}
