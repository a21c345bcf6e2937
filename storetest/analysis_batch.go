package storetest

import (
	"context"
	"testing"

	"github.com/storyline/storyline"
)

func init() {
	register("AnalysisBatch", func(t *testing.T, open func(t *testing.T) storyline.Store) {
		RunAnalysisBatch(t, func(t *testing.T) AnalysisBackend { return open(t) })
	})
}

// RunAnalysisBatch tests AnalysisStore.PutAnalyses against fresh, empty
// stores that open returns: several analyses stored as PutAnalysis would,
// their mentions resolved to one entity across them; all or none.
func RunAnalysisBatch(t *testing.T, open func(t *testing.T) AnalysisBackend) {
	ctx := context.Background()
	st := open(t)
	for _, id := range []string{"b1", "b2", "b3"} {
		mustPut(t, st, article(id, "Report "+id, storyline.Date{}))
	}
	an := func(id, name string) *storyline.Analysis {
		return &storyline.Analysis{ArticleID: id,
			Mentions: []storyline.Mention{{Start: 0, End: len(name), Text: name, Kind: storyline.Person, Name: name}},
			Quotes:   []storyline.Quote{{Speaker: name, Text: "we will see", Start: 20, End: 31, Direct: true, Cue: "said"}}}
	}
	one, two := an("b1", "Anatoly Antonov"), an("b2", "Antonov")
	if err := st.PutAnalyses(ctx, []*storyline.Analysis{one, two}); err != nil {
		t.Fatal(err)
	}
	if one.Mentions[0].EntityID == "" || one.Mentions[0].EntityID != two.Mentions[0].EntityID {
		t.Errorf("entities %q and %q: want one entity for Anatoly Antonov and Antonov", one.Mentions[0].EntityID, two.Mentions[0].EntityID)
	}
	e, err := st.Entity(ctx, "Antonov")
	if err != nil || e.Mentions != 2 || e.Articles != 2 {
		t.Errorf("Entity(Antonov) = %+v, %v; want 2 mentions in 2 articles", e, err)
	}
	for _, id := range []string{"b1", "b2"} {
		got, err := st.Analysis(ctx, id)
		if err != nil || len(got.Mentions) != 1 || len(got.Quotes) != 1 {
			t.Errorf("Analysis(%s) = %+v, %v; want its mention and quote", id, got, err)
		}
	}
	// one analysis of an article not stored: none of the batch is stored
	err = st.PutAnalyses(ctx, []*storyline.Analysis{an("b3", "Maria Zakharova"), an("nope", "Maria Zakharova")})
	if storyline.ErrorCode(err) != storyline.ENOTFOUND {
		t.Errorf("a batch with an unknown article: %v, want ENOTFOUND", err)
	}
	if _, err := st.Analysis(ctx, "b3"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
		t.Errorf("b3 after the failed batch: %v, want no analysis (ENOTFOUND)", err)
	}
	if err := st.PutAnalyses(ctx, nil); err != nil {
		t.Errorf("PutAnalyses(nil): %v", err)
	}
}
