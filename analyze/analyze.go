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
// the quotes attributed in it and its dated statements. Quotes carry the
// article's ID and, where the extractor gave none, its publication date.
func Article(a *storyline.Article) *storyline.Analysis {
	an := &storyline.Analysis{ArticleID: a.ID}
	an.Timexes = timex.Tag(a.Text, a.Published)
	an.Mentions = entity.Extract(a.Text)
	an.Quotes = quote.Extract(a.Text, an.Mentions)
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
// stored article and stores the analysis in st. In a pipeline it is a
// pipeline.Preparer: the articles of a batch are analysed on several
// goroutines (Prepare), then their analyses stored at once
// (ProcessBatch), and left on the items for the later stages.
func Stage(st storyline.AnalysisStore) pipeline.Stage { return &stage{st: st} }

type stage struct{ st storyline.AnalysisStore }

func (s *stage) Name() string { return "analyze" }

// Process analyses one article and stores the analysis.
func (s *stage) Process(ctx context.Context, a *storyline.Article) error {
	if err := s.st.PutAnalysis(ctx, Article(a)); err != nil {
		return fmt.Errorf("store the analysis of article %s: %w", a.ID, err)
	}
	return nil
}

// Prepare analyses the item's article.
func (s *stage) Prepare(it *pipeline.Item) { it.Analysis = Article(it.Article) }

// ProcessBatch stores the analyses of a batch (analysing the articles
// Prepare has not) in one go; when that fails, one by one, so that only
// the articles whose analysis cannot be stored fail.
func (s *stage) ProcessBatch(ctx context.Context, batch []*pipeline.Item) []error {
	list := make([]*storyline.Analysis, len(batch))
	for i, it := range batch {
		if it.Analysis == nil {
			it.Analysis = Article(it.Article)
		}
		list[i] = it.Analysis
	}
	if err := s.st.PutAnalyses(ctx, list); err == nil {
		return nil
	}
	errs := make([]error, len(batch))
	for i, an := range list {
		if err := s.st.PutAnalysis(ctx, an); err != nil {
			errs[i] = fmt.Errorf("store the analysis of article %s: %w", an.ArticleID, err)
		}
	}
	return errs
}
