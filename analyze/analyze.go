// Package analyze runs the extractors over an article: time expressions
// (timex), entity mentions (entity), quotes (quote) and dated statements
// (timeline), and offers them as a pipeline stage that stores the result.
package analyze

import (
	"context"
	"fmt"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/quote"
	"github.com/storyline/storyline/timeline"
	"github.com/storyline/storyline/timex"
)

// Article returns everything the extractors find in a: its time
// expressions resolved against its publication date, its entity mentions,
// the quotes attributed in it (negated ones, "did not say whether ...",
// left out) and its dated statements. Quotes carry the
// article's ID and, where the extractor gave none, its publication date.
func Article(a *storyline.Article) *storyline.Analysis {
	an := &storyline.Analysis{ArticleID: a.ID}
	an.Timexes = timex.Tag(a.Text, a.Published)
	an.Mentions = entity.Extract(a.Text)
	an.Quotes = quote.Said(quote.Extract(a.Text, an.Mentions))
	for i := range an.Quotes {
		q := &an.Quotes[i]
		q.ArticleID = a.ID
		if q.Date.IsZero() {
			q.Date = a.Published
		}
	}
	an.Statements = timeline.Statements(a, an.Timexes, an.Mentions)
	if an.Timexes == nil {
		an.Timexes = []storyline.Timex{}
	}
	if an.Mentions == nil {
		an.Mentions = []storyline.Mention{}
	}
	if an.Quotes == nil {
		an.Quotes = []storyline.Quote{}
	}
	if an.Statements == nil {
		an.Statements = []storyline.Statement{}
	}
	return an
}

// Stage returns the pipeline stage "analyze": it analyses each newly
// stored article and stores the analysis in st.
func Stage(st storyline.AnalysisStore) pipeline.Stage {
	return pipeline.StageFunc("analyze", func(ctx context.Context, a *storyline.Article) error {
		if err := st.PutAnalysis(ctx, Article(a)); err != nil {
			return fmt.Errorf("store the analysis of article %s: %w", a.ID, err)
		}
		return nil
	})
}
