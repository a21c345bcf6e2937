package postgres_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/postgres"
)

// PutAnalyses of fresh articles resolves the names of a batch in one pass
// (putFreshAnalyses): on the demo corpus it must store what PutAnalysis one
// article after the other stores, to the entity IDs, names, aliases,
// counts and roles, the mentions' entities and the quotes' speakers.
func TestPutAnalysesAsOneByOne(t *testing.T) {
	ctx := context.Background()
	load := func() (*postgres.Store, []*storyline.Analysis) {
		st := open(t)
		if _, err := pipeline.Ingest(ctx, st, []string{"../demo/corpus"}, pipeline.Options{}); err != nil {
			t.Fatal(err)
		}
		arts, err := st.Articles(ctx, storyline.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) < 10 {
			t.Fatalf("%d demo articles", len(arts))
		}
		var list []*storyline.Analysis
		for _, a := range arts {
			full, err := st.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			list = append(list, analyze.Article(full))
		}
		return st, list
	}
	one, ones := load()
	for _, an := range ones {
		if err := one.PutAnalysis(ctx, an); err != nil {
			t.Fatal(err)
		}
	}
	batch, batches := load()
	for i := 0; i < len(batches); i += 4 {
		if err := batch.PutAnalyses(ctx, batches[i:min(i+4, len(batches))]); err != nil {
			t.Fatal(err)
		}
	}
	if d := cmp.Diff(ones, batches); d != "" {
		t.Errorf("analyses as filled in (-one by one +batched):\n%s", d)
	}
	want, err := one.Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := batch.Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 20 {
		t.Fatalf("%d entities on the demo corpus", len(want))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("entities (-one by one +batched):\n%s", d)
	}
	for _, an := range ones {
		w, err := one.Analysis(ctx, an.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		g, err := batch.Analysis(ctx, an.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(w, g); d != "" {
			t.Errorf("stored analysis of %s (-one by one +batched):\n%s", an.ArticleID, d)
		}
	}
	// Again, over what is stored: replaced one by one, the same.
	if err := batch.PutAnalyses(ctx, batches[:3]); err != nil {
		t.Fatal(err)
	}
	for _, an := range ones[:3] {
		if err := one.PutAnalysis(ctx, an); err != nil {
			t.Fatal(err)
		}
	}
	want, _ = one.Entities(ctx, storyline.EntityFilter{})
	got, _ = batch.Entities(ctx, storyline.EntityFilter{})
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("entities after replacing three analyses (-one by one +batched):\n%s", d)
	}
}
