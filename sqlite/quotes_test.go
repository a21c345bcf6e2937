package sqlite_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// TestQuotesBySpeakerIndex checks Quotes by speaker, which reads the
// articles quote_index names, against all quotes filtered one by one
// (the speaker written that way, or the speaker entity the name finds),
// for every entity name and alias and every speaker of the demo corpus
// and generated articles, with and without a limit.
func TestQuotesBySpeakerIndex(t *testing.T) {
	ctx := context.Background()
	arts, ans := upgradeCorpus(t, 30)
	st := open(t)
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if err := st.PutAnalyses(ctx, copyAnalyses(ans)); err != nil {
		t.Fatal(err)
	}
	all, err := st.Quotes(ctx, storyline.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{"": false, "Nobody at all": true, "...": true}
	for _, q := range all {
		names[q.Speaker] = true
		names[q.SpeakerRef] = true
	}
	es, err := st.Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		names[e.Name] = true
		names[e.ID] = true
		for _, a := range e.Aliases {
			names[a] = true
		}
	}
	delete(names, "")
	found := 0
	for name := range names {
		id := ""
		if e, err := st.Entity(ctx, name); err == nil {
			id = e.ID
		}
		var want []storyline.Quote
		for _, q := range all {
			if entity.Fold(q.Speaker) == entity.Fold(name) || (id != "" && q.SpeakerEntity == id) {
				want = append(want, q)
			}
		}
		got, err := st.Quotes(ctx, storyline.QuoteFilter{Speaker: name})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Quotes(speaker %q) mismatch (-filtered +indexed):\n%s", name, diff)
		}
		if len(want) > 1 {
			got, err := st.Quotes(ctx, storyline.QuoteFilter{Speaker: name, Limit: 1})
			if err != nil || len(got) != 1 || !cmp.Equal(got[0], want[0]) {
				t.Errorf("Quotes(speaker %q, limit 1) = %d quotes, %v; want the first of %d", name, len(got), err, len(want))
			}
		}
		found += len(want)
	}
	if found == 0 {
		t.Fatal("no quote by any speaker: the test needs some")
	}
	t.Logf("%d names, %d quotes found by them", len(names), found)
}

// TestEntityArticlesIndex checks EntityArticles, which reads
// entity_index, against the articles whose stored mentions name each
// entity, after some analyses were replaced.
func TestEntityArticlesIndex(t *testing.T) {
	ctx := context.Background()
	arts, ans := upgradeCorpus(t, 30)
	st := open(t)
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if err := st.PutAnalyses(ctx, copyAnalyses(ans)); err != nil {
		t.Fatal(err)
	}
	var again []*storyline.Analysis
	for _, an := range copyAnalyses(ans[:8]) {
		an.Mentions = an.Mentions[len(an.Mentions)/3:]
		again = append(again, an)
	}
	if err := st.PutAnalyses(ctx, again); err != nil {
		t.Fatal(err)
	}
	// the articles in the order EntityArticles gives: by date, then ID
	ordered, err := st.Articles(ctx, storyline.ArticleFilter{MetaOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	mention := map[string]map[string]bool{} // entity ID -> articles
	for _, a := range ordered {
		an, err := st.Analysis(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range an.Mentions {
			if m.EntityID != "" {
				if mention[m.EntityID] == nil {
					mention[m.EntityID] = map[string]bool{}
				}
				mention[m.EntityID][a.ID] = true
			}
		}
	}
	es, err := st.Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != len(mention) {
		t.Errorf("%d entities listed, %d mentioned", len(es), len(mention))
	}
	for _, e := range es {
		var want []string
		for _, a := range ordered {
			if mention[e.ID][a.ID] {
				want = append(want, a.ID)
			}
		}
		got, err := st.EntityArticles(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("EntityArticles(%s %q) mismatch (-mentions +index):\n%s", e.ID, e.Name, diff)
		}
		if e.Articles != len(want) {
			t.Errorf("%s %q counts %d articles, %d mention it", e.ID, e.Name, e.Articles, len(want))
		}
	}
}
