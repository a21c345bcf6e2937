package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/source"
	"github.com/storyline/storyline/sqlite"
)

// benchArticles reads up to n articles of Timeline17 (or, without
// ../shared, generated ones), cleaned as ingest does.
func benchArticles(b *testing.B, n int) []*storyline.Article {
	var paths []string
	if root := shareddata.Root(); root != "" {
		paths = []string{filepath.Join(root, "eval", "timeline17")}
	}
	var out []*storyline.Article
	if paths != nil {
		for in := range source.Files(paths, nil) {
			for doc, err := range source.Read(in) {
				if err != nil {
					continue
				}
				if a, err := clean.Clean(doc.Article()); err == nil {
					out = append(out, a)
				}
			}
			if len(out) >= n {
				return out[:n]
			}
		}
	}
	for i := len(out); i < n; i++ {
		a, err := clean.Clean((&source.Document{Origin: "gen", Text: string(corpusgen.Article(2, i))}).Article())
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// BenchmarkPutAnalyses stores the analyses of 512 real articles (entities,
// mentions, quotes, statements) into a store that holds the articles, in
// batches of 256, as the analyze stage does.
func BenchmarkPutAnalyses(b *testing.B) {
	ctx := context.Background()
	arts := benchArticles(b, 512)
	ans := make([]*storyline.Analysis, len(arts))
	for i, a := range arts {
		ans[i] = analyze.Article(a)
	}
	cpu := corpusgen.CPUTime()
	var spent int64
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.PutArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := corpusgen.CPUTime()
		for i := 0; i < len(ans); i += 256 {
			if err := st.PutAnalyses(ctx, ans[i:min(i+256, len(ans))]); err != nil {
				b.Fatal(err)
			}
		}
		spent += int64(corpusgen.CPUTime() - start)
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	_ = cpu
	b.ReportMetric(float64(len(arts)*b.N)/(float64(spent)/1e9), "articles/cpu-s")
}

// BenchmarkAnalyzeArticle runs the extractors (analyze.Article) over the
// same 512 articles, for comparison with storing what they find.
func BenchmarkAnalyzeArticle(b *testing.B) {
	arts := benchArticles(b, 512)
	var spent int64
	for b.Loop() {
		start := corpusgen.CPUTime()
		for _, a := range arts {
			analyze.Article(a)
		}
		spent += int64(corpusgen.CPUTime() - start)
	}
	b.ReportMetric(float64(len(arts)*b.N)/(float64(spent)/1e9), "articles/cpu-s")
}

// BenchmarkPutAnalysesPages stores Timeline17 as ingest does (batches of
// 256: PutArticles, then PutAnalyses) and reports the WAL pages the
// PutAnalyses write (the log is checkpointed away before each, outside
// the count) and their CPU time an article. The pages are what the
// commits and checkpoints cost, and do not depend on the load of the
// machine:
//
//	STORYLINE_SHARED=/work/shared go test -run '^$' -bench PutAnalysesPages -benchtime 1x -cpu 1 ./sqlite/
func BenchmarkPutAnalysesPages(b *testing.B) {
	arts, ans := writeArticles(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		pages := 0
		var spent time.Duration
		for i := 0; i < len(arts); i += 256 {
			end := min(i+256, len(arts))
			if _, err := st.PutArticles(ctx, arts[i:end]); err != nil {
				b.Fatal(err)
			}
			var busy, log, done int
			if err := st.DB().QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &log, &done); err != nil {
				b.Fatal(err)
			}
			batch := copyAnalyses(ans[i:end])
			b.StartTimer()
			start := corpusgen.CPUTime()
			if err := st.PutAnalyses(ctx, batch); err != nil {
				b.Fatal(err)
			}
			spent += corpusgen.CPUTime() - start
			b.StopTimer()
			if err := st.DB().QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &log, &done); err != nil {
				b.Fatal(err)
			}
			pages += log
		}
		b.ReportMetric(float64(pages), "wal-pages")
		b.ReportMetric(float64(spent.Microseconds())/float64(len(arts)), "cpu-µs/article")
		st.Close()
		b.StartTimer()
	}
}
