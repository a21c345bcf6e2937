package analyze

import (
	"reflect"
	"sync"
	"testing"
)

// TestConcurrentAnalyses analyses articles from several goroutines at once,
// as the analysis pool does, each in its own order, and compares every
// analysis with the one made alone: the extractors' pooled scratch
// (entity, quote and timex tokens, timeline statements) must neither be
// shared by two calls at once nor kept by a result. Run with -race.
func TestConcurrentAnalyses(t *testing.T) {
	articles := generatedArticles(t, 2, 40)
	alone := make([]analysed, len(articles))
	for i, a := range articles {
		alone[i] = analyseAt(a)
	}
	const workers = 4
	got := make([][]analysed, workers)
	var wg sync.WaitGroup
	for w := range workers {
		got[w] = make([]analysed, len(articles))
		wg.Go(func() {
			for k := range articles {
				i := (k*(w+1) + w) % len(articles) // each worker its own order
				if w%2 == 1 {
					i = len(articles) - 1 - k
				}
				got[w][i] = analyseAt(articles[i])
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
		if !reflect.DeepEqual(analyseAt(a), alone[i]) {
			t.Fatalf("article %d: its first analysis changed after the concurrent ones", i)
		}
	}
}
