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
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	var articles []*storyline.Article
	for i := range 60 {
		doc := source.ParseText(string(corpusgen.Article(1, i)))
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
	var first []result
	for _, a := range articles {
		an, d := Analyse(a, now)
		first = append(first, result{an, d})
	}
	for i, a := range articles {
		an, d := Analyse(a, now)
		if !reflect.DeepEqual(an, first[i].an) || !reflect.DeepEqual(d, first[i].dating) {
			t.Fatalf("article %d: its first analysis changed after later ones, or differs from a second", i)
		}
	}
}
