package analyze

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
)

// TestConcurrentAnalyses analyses articles from several goroutines at once,
// as the analysis pool does, each in its own order, and compares every
// analysis with the one made alone: the extractors' pooled scratch
// (entity, quote and timex tokens, timeline statements) must neither be
// shared by two calls at once nor kept by a result. Run with -race.
func TestConcurrentAnalyses(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	var articles []*storyline.Article
	for i := range 40 {
		doc := source.ParseText(string(corpusgen.Article(2, i)))
		a, err := clean.Clean(doc.Article())
		if err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			a.Published = storyline.Date{} // undated: estimated, resolved against its ends
		}
		articles = append(articles, a)
	}
	articles = append(articles, article())
	type result struct {
		an     *storyline.Analysis
		dating storyline.Dating
	}
	alone := make([]result, len(articles))
	for i, a := range articles {
		an, d := Analyse(a, now)
		alone[i] = result{an, d}
	}
	const workers = 4
	got := make([][]result, workers)
	var wg sync.WaitGroup
	for w := range workers {
		got[w] = make([]result, len(articles))
		wg.Go(func() {
			for k := range articles {
				i := (k*(w+1) + w) % len(articles) // each worker its own order
				if w%2 == 1 {
					i = len(articles) - 1 - k
				}
				an, d := Analyse(articles[i], now)
				got[w][i] = result{an, d}
			}
		})
	}
	wg.Wait()
	for w := range workers {
		for i := range articles {
			if !reflect.DeepEqual(got[w][i], alone[i]) {
				t.Fatalf("worker %d, article %d: the analysis made beside others differs from the one made alone", w, i)
			}
		}
	}
	for i, a := range articles {
		an, d := Analyse(a, now)
		if !reflect.DeepEqual(result{an, d}, alone[i]) {
			t.Fatalf("article %d: its first analysis changed after the concurrent ones", i)
		}
	}
}
