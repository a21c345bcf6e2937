package postgres_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/postgres"
)

// Analyses stored before migration 008 keep their time expressions and
// statements as JSON and their mentions as rows of the mentions table
// (analyses.data NULL): they are read as before, stored again without
// loss, and replaced cleanly.
func TestAnalysisStoredBefore008(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	for _, id := range []string{"a1", "a2"} {
		a := &storyline.Article{ID: id, Origin: "test", Title: "Antonov " + id, Text: "Anatoly Antonov met Joe Biden. Antonov said so.",
			Published: storyline.Day(2021, time.March, 17)}
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	analysis := func(id string) *storyline.Analysis {
		return &storyline.Analysis{
			ArticleID: id,
			Timexes:   []storyline.Timex{{Start: 40, End: 48, Text: "March 17", Type: "DATE", Value: "2021-03-17"}},
			Mentions: []storyline.Mention{
				{Start: 0, End: 15, Text: "Anatoly Antonov", Kind: storyline.Person, Name: "Anatoly Antonov", Role: "ambassador", Affiliation: "Russia"},
				{Start: 20, End: 29, Text: "Joe Biden", Kind: storyline.Person, Name: "Joe Biden"},
				{Start: 31, End: 38, Text: "Antonov", Kind: storyline.Person, Name: "Antonov"},
			},
			Quotes:     []storyline.Quote{{Speaker: "Antonov", Text: "so", Start: 44, End: 46, Cue: "said"}},
			Statements: []storyline.Statement{{ArticleID: id, Text: "Anatoly Antonov met Joe Biden.", Date: storyline.Day(2021, time.March, 17)}},
		}
	}
	for _, id := range []string{"a1", "a2"} {
		if err := st.PutAnalysis(ctx, analysis(id)); err != nil {
			t.Fatal(err)
		}
	}
	want, err := st.Analysis(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	entities, err := st.Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	legacy(t, st, want)

	got, err := st.Analysis(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("an analysis stored before 008, read (-as stored now +as before):\n%s", d)
	}
	ss, err := st.Statements(ctx, []string{"a1", "a2"})
	if err != nil || len(ss) != 2 || !cmp.Equal(ss["a1"], want.Statements) {
		t.Errorf("Statements = %v, %v; want a1's %v and a2's", ss, err, want.Statements)
	}
	for _, e := range entities {
		ids, err := st.EntityArticles(ctx, e.ID)
		if err != nil || len(ids) != 2 {
			t.Errorf("EntityArticles(%s) = %v, %v; want a1 and a2", e.ID, ids, err)
		}
	}

	// Stored again unchanged (a re-dated analysis): its entities stay.
	again := analysis("a1")
	again.Statements[0].Text = "Anatoly Antonov met Joe Biden on March 17."
	if err := st.PutAnalysis(ctx, again); err != nil {
		t.Fatal(err)
	}
	after, err := st.Entities(ctx, storyline.EntityFilter{})
	if err != nil || !cmp.Equal(after, entities) {
		t.Errorf("entities after storing the analysis again:\n%s", cmp.Diff(entities, after))
	}
	got, err = st.Analysis(ctx, "a1")
	if err != nil || !cmp.Equal(got.Mentions, want.Mentions) || got.Statements[0].Text != again.Statements[0].Text {
		t.Errorf("stored again: %+v, %v", got, err)
	}

	// Replaced by one mentioning someone else: the counts follow.
	legacy(t, st, got)
	other := &storyline.Analysis{ArticleID: "a1", Mentions: []storyline.Mention{
		{Start: 20, End: 29, Text: "Joe Biden", Kind: storyline.Person, Name: "Joe Biden"}}}
	if err := st.PutAnalysis(ctx, other); err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]int{"Anatoly Antonov": 1, "Joe Biden": 2} {
		e, err := st.Entity(ctx, name)
		if err != nil || e.Articles != n {
			t.Errorf("Entity(%q) = %+v, %v; want %d articles", name, e, err, n)
			continue
		}
		ids, err := st.EntityArticles(ctx, e.ID)
		if err != nil || len(ids) != n {
			t.Errorf("EntityArticles(%q) = %v, %v; want %d", name, ids, err, n)
		}
	}
	got, err = st.Analysis(ctx, "a1")
	if err != nil || len(got.Mentions) != 1 || len(got.Timexes) != 0 {
		t.Errorf("replaced: %+v, %v", got, err)
	}
}

// legacy rewrites the stored analysis a as the store kept it before
// migration 008: JSON columns and a row for each mention.
func legacy(t *testing.T, st *postgres.Store, a *storyline.Analysis) {
	t.Helper()
	ctx := context.Background()
	timexes, _ := json.Marshal(a.Timexes)
	statements, _ := json.Marshal(a.Statements)
	if _, err := st.Pool().Exec(ctx, `UPDATE analyses SET data = NULL, timexes = $2, statements = $3 WHERE article_id = $1`,
		a.ArticleID, string(timexes), string(statements)); err != nil {
		t.Fatal(err)
	}
	for i, m := range a.Mentions {
		if _, err := st.Pool().Exec(ctx, `INSERT INTO mentions (article_id, position, start_, end_, text, kind, name, role, affiliation, via, entity_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			a.ArticleID, i, m.Start, m.End, m.Text, string(m.Kind), m.Name, m.Role, m.Affiliation, m.Via, m.EntityID); err != nil {
			t.Fatal(err)
		}
	}
}
