package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/sqlite"
)

// batchStore makes a store of n articles the size of real ones (about 6 kB
// of text, 40 kB of raw HTML), each analysed with five statements, and
// returns it with their IDs.
func batchStore(b *testing.B, n int) (*sqlite.Store, []string) {
	b.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	para := strings.Repeat("The ambassador met officials at the ministry to discuss the talks. ", 6)
	var ids []string
	var list []*storyline.Article
	for i := range n {
		text := fmt.Sprintf("Report %d.\n\n", i) + strings.Repeat(para+"\n\n", 15)
		a := &storyline.Article{ID: fmt.Sprintf("a%05d", i), Origin: fmt.Sprintf("bench/%05d.html", i), Source: fmt.Sprintf("outlet-%d.example", i%20),
			Title: fmt.Sprintf("Report %d", i), Published: storyline.Day(2021, time.Month(1+i%12), 1+i%28), Text: text,
			Raw: []byte(strings.Repeat("<p>"+para+"</p>\n", 90)), Format: "html",
			Debris: []storyline.Debris{{Rule: "ad-marker", Text: "Advertisement", Offset: 10}}}
		list = append(list, a)
		ids = append(ids, a.ID)
	}
	if _, err := st.PutArticles(ctx, list); err != nil {
		b.Fatal(err)
	}
	for _, a := range list {
		an := &storyline.Analysis{ArticleID: a.ID}
		for k := range 5 {
			s := k * 400
			an.Statements = append(an.Statements, storyline.Statement{ArticleID: a.ID, Sentence: k, Start: s, End: s + 66,
				Text: a.Text[s : s+66], Date: a.Published, DateText: "on Monday", Actors: []string{"Anatoly Antonov"}})
		}
		if err := st.PutAnalysis(ctx, an); err != nil {
			b.Fatal(err)
		}
	}
	return st, ids
}

// Reading 100 of 500 articles by ID, as a timeline does: whole, without
// their text (MetaOnly), and one by one.
func BenchmarkArticlesByID(b *testing.B) {
	st, ids := batchStore(b, 500)
	ctx := context.Background()
	some := ids[:0:0]
	for i := 0; i < len(ids); i += 5 {
		some = append(some, ids[i])
	}
	for _, meta := range []bool{false, true} {
		b.Run(fmt.Sprintf("MetaOnly=%v", meta), func(b *testing.B) {
			for b.Loop() {
				list, err := st.Articles(ctx, storyline.ArticleFilter{IDs: some, MetaOnly: meta})
				if err != nil || len(list) != len(some) {
					b.Fatalf("Articles = %d, %v", len(list), err)
				}
			}
		})
	}
	b.Run("one-by-one", func(b *testing.B) {
		for b.Loop() {
			for _, id := range some {
				if _, err := st.Article(ctx, id); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// Reading the statements of 100 of 500 articles: in one query, and one
// Analysis at a time (which also reads mentions and quotes).
func BenchmarkStatements(b *testing.B) {
	st, ids := batchStore(b, 500)
	ctx := context.Background()
	some := ids[:0:0]
	for i := 0; i < len(ids); i += 5 {
		some = append(some, ids[i])
	}
	b.Run("batch", func(b *testing.B) {
		for b.Loop() {
			m, err := st.Statements(ctx, some)
			if err != nil || len(m) != len(some) {
				b.Fatalf("Statements = %d, %v", len(m), err)
			}
		}
	})
	b.Run("one-by-one", func(b *testing.B) {
		for b.Loop() {
			for _, id := range some {
				if _, err := st.Analysis(ctx, id); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// Recording the estimates of 100 of 500 articles, as a dating pass does:
// in one SetDatings call, and one SetDating call (one transaction) each;
// it reports the CPU time of each dating.
func BenchmarkSetDatings(b *testing.B) {
	st, ids := batchStore(b, 500)
	ctx := context.Background()
	var list []storyline.ArticleDating
	for i := 0; i < len(ids); i += 5 {
		list = append(list, storyline.ArticleDating{ID: ids[i], Dating: storyline.Dating{
			Estimated: storyline.Day(2024, 10, 1+i%28), EstimatedFrom: "the latest day it reports in the past tense",
			EstimatedEarliest: storyline.Day(2024, 10, 1), EstimatedLatest: storyline.Day(2024, 10, 7), EstimatedConfidence: 0.6}})
	}
	run := func(b *testing.B, set func() error) {
		var cpu time.Duration
		for b.Loop() {
			start := corpusgen.CPUTime()
			if err := set(); err != nil {
				b.Fatal(err)
			}
			cpu += corpusgen.CPUTime() - start
		}
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(list)), "CPU-µs/dating")
	}
	b.Run("batch", func(b *testing.B) {
		run(b, func() error { return st.SetDatings(ctx, list) })
	})
	b.Run("one-by-one", func(b *testing.B) {
		run(b, func() error {
			for _, ad := range list {
				if err := st.SetDating(ctx, ad.ID, ad.Dating); err != nil {
					return err
				}
			}
			return nil
		})
	})
}
