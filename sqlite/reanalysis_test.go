package sqlite_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// TestReanalysisKeepsEntities stores an article's analysis, then one made
// again with the same mentions and quotes but other statements (as the
// dating stage re-dates an article): the statements change; the entities,
// their counts, the quotes and their IDs and speakers stay as they were,
// and the new analysis is given them. An analysis whose mentions differ is
// resolved again.
func TestReanalysisKeepsEntities(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	text := antonovText
	if _, err := st.PutArticle(ctx, &storyline.Article{ID: "r1", Origin: "r1.txt", Text: text, Raw: []byte(text), IngestedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	analysis := func(stmt string) *storyline.Analysis { return antonovAnalysis("r1", stmt) }
	first := analysis("Antonov said the talks were over.")
	if err := st.PutAnalysis(ctx, first); err != nil {
		t.Fatal(err)
	}
	before, err := st.Entity(ctx, "Anatoly Antonov")
	if err != nil {
		t.Fatal(err)
	}
	again := analysis("Antonov said the talks were over (estimated).")
	again.Statements[0].Date = storyline.Day(2021, 3, 17)
	again.Statements[0].Estimated = true
	if err := st.PutAnalysis(ctx, again); err != nil {
		t.Fatal(err)
	}
	if again.Mentions[0].EntityID != before.ID || again.Mentions[2].EntityID != before.ID {
		t.Errorf("re-stored mentions have entities %q and %q, want %q", again.Mentions[0].EntityID, again.Mentions[2].EntityID, before.ID)
	}
	if again.Quotes[0].ID != first.Quotes[0].ID || again.Quotes[0].SpeakerEntity != before.ID {
		t.Errorf("re-stored quote: ID %q, speaker entity %q; want %q, %q", again.Quotes[0].ID, again.Quotes[0].SpeakerEntity, first.Quotes[0].ID, before.ID)
	}
	got, err := st.Analysis(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Statements) != 1 || got.Statements[0].Text != again.Statements[0].Text || !got.Statements[0].Estimated ||
		got.Statements[0].Date != storyline.Day(2021, 3, 17) {
		t.Errorf("statements after re-storing: %+v", got.Statements)
	}
	if len(got.Quotes) != 1 || got.Quotes[0].SpeakerEntity != before.ID {
		t.Errorf("quotes after re-storing: %+v", got.Quotes)
	}
	after, err := st.Entity(ctx, "Anatoly Antonov")
	if err != nil {
		t.Fatal(err)
	}
	if after.Mentions != before.Mentions || after.Articles != before.Articles || len(after.Roles) != len(before.Roles) {
		t.Errorf("entity after re-storing: %d mentions, %d articles, %d roles; before: %d, %d, %d",
			after.Mentions, after.Articles, len(after.Roles), before.Mentions, before.Articles, len(before.Roles))
	}

	// other mentions: resolved and counted again
	fewer := analysis("Antonov said the talks were over.")
	fewer.Mentions = fewer.Mentions[:2]
	if err := st.PutAnalysis(ctx, fewer); err != nil {
		t.Fatal(err)
	}
	if e, err := st.Entity(ctx, "Anatoly Antonov"); err != nil || e.Mentions != before.Mentions-1 {
		t.Errorf("entity after storing one mention fewer: %+v, %v; want %d mentions", e, err, before.Mentions-1)
	}
}

// antonovText is the article antonovAnalysis analyses.
const antonovText = "Ambassador Anatoly Antonov left Washington. Antonov said the talks were over."

// antonovAnalysis is an analysis of antonovText as article id: three
// mentions of two entities (one by an alias), Antonov's quote, and one
// statement, stmt.
func antonovAnalysis(id, stmt string) *storyline.Analysis {
	return &storyline.Analysis{
		ArticleID: id,
		Timexes:   []storyline.Timex{},
		Mentions: []storyline.Mention{
			{Start: 11, End: 26, Text: "Anatoly Antonov", Kind: storyline.Person, Name: "Anatoly Antonov", Role: "ambassador"},
			{Start: 32, End: 42, Text: "Washington", Kind: storyline.Place, Name: "Washington"},
			{Start: 44, End: 51, Text: "Antonov", Kind: storyline.Person, Name: "Anatoly Antonov", Via: "alias"},
		},
		Quotes: []storyline.Quote{{Speaker: "Anatoly Antonov", SpeakerStart: 44, SpeakerEnd: 51,
			Text: "the talks were over", Start: 57, End: 76, Cue: "said", CueStart: 52, CueEnd: 56, Sentence: 1}},
		Statements: []storyline.Statement{{ArticleID: id, Sentence: 1, Start: 44, End: 77, Text: stmt, Actors: []string{"Anatoly Antonov"}}},
	}
}

// TestAnalysisStoredAsJSON: an analysis stored before migration 010 (its
// parts as JSON columns, no data) reads as it was written, and storing it
// again gives the same answers.
func TestAnalysisStoredAsJSON(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	text := "Ambassador Anatoly Antonov left Washington on Monday."
	if _, err := st.PutArticle(ctx, &storyline.Article{ID: "j1", Origin: "j1.txt", Text: text, Raw: []byte(text), IngestedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	an := &storyline.Analysis{
		ArticleID: "j1",
		Timexes:   []storyline.Timex{{Start: 46, End: 52, Text: "Monday", Type: "DATE", Value: "2021-03-22", Confidence: 0.9}},
		Mentions:  []storyline.Mention{{Start: 11, End: 26, Text: "Anatoly Antonov", Kind: storyline.Person, Name: "Anatoly Antonov"}},
		Quotes:    []storyline.Quote{},
		Statements: []storyline.Statement{{ArticleID: "j1", Start: 0, End: 53, Text: text, Date: storyline.Day(2021, 3, 22),
			DateText: "Monday", Actors: []string{"Anatoly Antonov"}}},
	}
	if err := st.PutAnalysis(ctx, an); err != nil {
		t.Fatal(err)
	}
	want, err := st.Analysis(ctx, "j1")
	if err != nil {
		t.Fatal(err)
	}
	// the row as a database from before migration 010 holds it
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	if _, err := st.DB().ExecContext(ctx, `UPDATE analyses SET data = NULL, timexes = ?, statements = ?, mentions = ? WHERE article_id = 'j1'`,
		js(want.Timexes), js(want.Statements), js(want.Mentions)); err != nil {
		t.Fatal(err)
	}
	got, err := st.Analysis(ctx, "j1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("analysis read from JSON columns:\n%+v\nwant\n%+v", got, want)
	}
	stmts, err := st.Statements(ctx, []string{"j1"})
	if err != nil || !reflect.DeepEqual(stmts["j1"], want.Statements) {
		t.Errorf("statements read from JSON columns: %+v, %v", stmts, err)
	}
	again := *an
	again.Mentions = []storyline.Mention{{Start: 11, End: 26, Text: "Anatoly Antonov", Kind: storyline.Person, Name: "Anatoly Antonov"}}
	if err := st.PutAnalysis(ctx, &again); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Analysis(ctx, "j1"); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("analysis stored again: %+v, %v; want %+v", got, err, want)
	}
}

// TestAnalysesOfOneArticleInOneBatch: one PutAnalyses given an article's
// analysis, then one with the same mentions and other statements, then one
// with a mention fewer and no quote, leaves what three PutAnalyses, one
// each, leave: each later analysis reads and replaces the rows of the one
// before, which the batch has not written yet when it comes.
func TestAnalysesOfOneArticleInOneBatch(t *testing.T) {
	ctx := context.Background()
	text := antonovText
	analyses := func() []*storyline.Analysis {
		var out []*storyline.Analysis
		for i, stmt := range []string{"Antonov said the talks were over.", "Antonov said the talks were over (estimated).", "Antonov left."} {
			an := antonovAnalysis("b1", stmt)
			if i == 2 {
				an.Mentions = an.Mentions[:2]
				an.Quotes = []storyline.Quote{}
			}
			out = append(out, an)
		}
		return out
	}
	type answers struct {
		Analysis *storyline.Analysis
		Entities []*storyline.Entity
		Quotes   []storyline.Quote
	}
	read := func(st *sqlite.Store) answers {
		t.Helper()
		an, err := st.Analysis(ctx, "b1")
		if err != nil {
			t.Fatal(err)
		}
		es, err := st.Entities(ctx, storyline.EntityFilter{})
		if err != nil {
			t.Fatal(err)
		}
		qs, err := st.Quotes(ctx, storyline.QuoteFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return answers{an, es, qs}
	}
	var got, want answers
	for _, all := range []bool{true, false} {
		st := open(t)
		if _, err := st.PutArticle(ctx, &storyline.Article{ID: "b1", Origin: "b1.txt", Text: text, Raw: []byte(text), IngestedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		list := analyses()
		if all {
			if err := st.PutAnalyses(ctx, list); err != nil {
				t.Fatal(err)
			}
			got = read(st)
			continue
		}
		for _, an := range list {
			if err := st.PutAnalyses(ctx, []*storyline.Analysis{an}); err != nil {
				t.Fatal(err)
			}
		}
		want = read(st)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("three analyses in one batch (+) against one a batch (-):\n%s", diff)
	}
	if len(want.Entities) != 2 || want.Entities[0].Mentions != 1 || len(want.Quotes) != 0 {
		t.Errorf("after the third analysis: %d entities (first %+v), %d quotes; want 2, one mention each, none", len(want.Entities), want.Entities[0], len(want.Quotes))
	}
}
