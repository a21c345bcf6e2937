package analyze

import (
	"reflect"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/internal/corpusgen"
	"github.com/storyline/storyline/source"
)

// TestResultsOutliveBuffers analyses many articles one after the other,
// then each again: the extractors reuse their token buffers from one
// article to the next, and no analysis may keep any of them (an earlier
// analysis would change when a later article overwrites them).
func TestResultsOutliveBuffers(t *testing.T) {
	articles := generatedArticles(t, 1, 60)
	var first []analysed
	for _, a := range articles {
		first = append(first, analyseAt(a))
	}
	for i, a := range articles {
		if !reflect.DeepEqual(analyseAt(a), first[i]) {
			t.Fatalf("article %d: its first analysis changed after later ones, or differs from a second", i)
		}
	}
}

// analysed is what Analyse gives for an article.
type analysed struct {
	an     *storyline.Analysis
	dating storyline.Dating
}

// analyseAt analyses a as of a fixed day.
func analyseAt(a *storyline.Article) analysed {
	an, d := Analyse(a, time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	return analysed{an, d}
}

// generatedArticles returns n cleaned generated articles of the given
// seed, every third undated (estimated, resolved against its ends), and
// the test article beside them.
func generatedArticles(t *testing.T, seed uint64, n int) []*storyline.Article {
	t.Helper()
	var articles []*storyline.Article
	for i := range n {
		doc := source.ParseText(string(corpusgen.Article(seed, i)))
		a, err := clean.Clean(doc.Article())
		if err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			a.Published = storyline.Date{}
		}
		articles = append(articles, a)
	}
	return append(articles, article())
}
