package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/storyline/storyline"
)

func init() {
	register("Analysis", func(t *testing.T, open func(t *testing.T) storyline.Store) {
		RunAnalysis(t, func(t *testing.T) AnalysisBackend { return open(t) })
	})
}

// AnalysisBackend is what the analysis suite needs of a store.
type AnalysisBackend interface {
	storyline.ArticleStore
	storyline.AnalysisStore
}

// RunAnalysis runs the analysis and entity scenarios against fresh, empty
// stores that open returns.
func RunAnalysis(t *testing.T, open func(t *testing.T) AnalysisBackend) {
	ctx := context.Background()
	// three articles about Russia's ambassador, told as package entity
	// would find them
	recall := &storyline.Analysis{
		ArticleID: "a1",
		Timexes:   []storyline.Timex{{Start: 40, End: 48, Text: "March 17", Type: "DATE", Value: "2021-03-17", Confidence: 0.9}},
		Mentions: []storyline.Mention{
			{Start: 0, End: 7, Text: "Russian", Kind: storyline.Place, Name: "Russia", Via: "adjective"},
			{Start: 8, End: 47, Text: "Anatoly Antonov", Kind: storyline.Person, Name: "Anatoly Antonov",
				Role: "ambassador to the United States", Affiliation: "Russia"},
			{Start: 60, End: 65, Text: "Biden", Kind: storyline.Person, Name: "Biden", Role: "president"},
			{Start: 70, End: 72, Text: "he", Kind: storyline.Person, Name: "Biden", Via: "pronoun"},
		},
		Quotes: []storyline.Quote{{Speaker: "Biden", Text: "You'll see it soon", Start: 80, End: 98, Direct: true, Cue: "said",
			Date: storyline.Day(2021, time.March, 17)}},
		Statements: []storyline.Statement{{ArticleID: "a1", Sentence: 0, Start: 0, End: 50, Text: "Russia recalled Antonov.",
			Date: storyline.Day(2021, time.March, 17), Actors: []string{"Anatoly Antonov", "Russia"}}},
	}
	shifts := &storyline.Analysis{
		ArticleID: "a2",
		Mentions: []storyline.Mention{
			{Start: 0, End: 7, Text: "Antonov", Kind: storyline.Person, Name: "Antonov"},
			{Start: 10, End: 19, Text: "Joe Biden", Kind: storyline.Person, Name: "Joe Biden", Role: "president", Affiliation: "United States"},
			{Start: 30, End: 34, Text: "U.S.", Kind: storyline.Place, Name: "United States", Via: "alias"},
		},
		Quotes: []storyline.Quote{
			{Speaker: "Antonov", Text: "these are only sprouts", Start: 40, End: 62, Direct: true, Cue: "emphasized"},
			{Speaker: "a state department spokesperson", Unnamed: true, Text: "aware of the decision", Start: 70, End: 90, Cue: "said"},
		},
	}
	hunter := &storyline.Analysis{
		ArticleID: "a3",
		Mentions: []storyline.Mention{
			{Start: 0, End: 12, Text: "Hunter Biden", Kind: storyline.Person, Name: "Hunter Biden"},
			{Start: 20, End: 29, Text: "Kremlin", Kind: storyline.Place, Name: "Russia", Via: "metonym"},
		},
	}
	setup := func(t *testing.T) AnalysisBackend {
		st := open(t)
		for _, a := range []*storyline.Article{
			article("a1", "Russia recalls its ambassador", storyline.Day(2021, time.March, 17)),
			article("a2", "Positive shifts, says the ambassador", storyline.Day(2021, time.November, 2)),
			article("a3", "Another Biden", storyline.Day(2022, time.January, 5)),
		} {
			if _, err := st.PutArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		for _, a := range []*storyline.Analysis{recall, shifts, hunter} {
			if err := st.PutAnalysis(ctx, clone(a)); err != nil {
				t.Fatalf("PutAnalysis(%s): %v", a.ArticleID, err)
			}
		}
		return st
	}

	t.Run("UnknownArticle", func(t *testing.T) {
		st := open(t)
		err := st.PutAnalysis(ctx, &storyline.Analysis{ArticleID: "nope"})
		if got := storyline.ErrorCode(err); got != storyline.ENOTFOUND {
			t.Errorf("PutAnalysis(unknown article) = %v, want ENOTFOUND", err)
		}
		if _, err := st.Analysis(ctx, "nope"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("Analysis(never analysed) = %v, want ENOTFOUND", err)
		}
		if _, err := st.Entity(ctx, "Antonov"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("Entity in an empty store = %v, want ENOTFOUND", err)
		}
	})

	t.Run("RoundTrip", func(t *testing.T) {
		st := setup(t)
		got, err := st.Analysis(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		want := clone(recall)
		for i := range got.Mentions {
			if got.Mentions[i].EntityID == "" {
				t.Errorf("mention %q has no entity", got.Mentions[i].Text)
			}
			want.Mentions[i].EntityID = got.Mentions[i].EntityID
		}
		if len(got.Quotes) != 1 {
			t.Fatalf("got %d quotes, want 1", len(got.Quotes))
		}
		if got.Quotes[0].ID == "" || got.Quotes[0].ArticleID != "a1" || got.Quotes[0].SpeakerEntity != got.Mentions[2].EntityID {
			t.Errorf("quote = %+v: want an ID, article a1 and the speaker entity of Biden %s", got.Quotes[0], got.Mentions[2].EntityID)
		}
		want.Quotes[0].ID, want.Quotes[0].ArticleID, want.Quotes[0].SpeakerEntity = got.Quotes[0].ID, "a1", got.Quotes[0].SpeakerEntity
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Analysis(a1) mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("Statements", func(t *testing.T) {
		st := setup(t)
		mustPut(t, st, article("a4", "Never analysed", storyline.Day(2022, 2, 1)))
		// a1 again, with two statements, the later date first: the order is kept
		two := clone(recall)
		two.Statements = append(two.Statements, storyline.Statement{ArticleID: "a1", Sentence: 0, Start: 0, End: 20,
			Text: "Antonov left.", Date: storyline.Day(2021, time.March, 20), DateText: "on Saturday"})
		two.Statements[0], two.Statements[1] = two.Statements[1], two.Statements[0]
		if err := st.PutAnalysis(ctx, two); err != nil {
			t.Fatal(err)
		}
		many := []string{"a4", "nope", "a1", "a2", "a1"}
		for i := range 33000 { // more than SQLite's parameters per statement
			many = append(many, fmt.Sprintf("absent-%05d", i))
		}
		cases := []struct {
			name string
			ids  []string
			want map[string][]storyline.Statement
		}{
			{"none", nil, map[string][]storyline.Statement{}},
			{"unknown only", []string{"nope", "a4"}, map[string][]storyline.Statement{}},
			{"analysed, with and without statements", []string{"a2", "a1", "a4", "nope", "a1"},
				map[string][]storyline.Statement{"a1": two.Statements, "a2": {}}},
			{"many IDs", many, map[string][]storyline.Statement{"a1": two.Statements, "a2": {}}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := st.Statements(ctx, c.ids)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(c.want, got); diff != "" {
					t.Errorf("Statements mismatch (-want +got):\n%s", diff)
				}
				for id, ss := range got {
					if ss == nil {
						t.Errorf("Statements[%s] is nil, want an empty slice", id)
					}
					an, err := st.Analysis(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(an.Statements, ss, cmpopts.EquateEmpty()); diff != "" {
						t.Errorf("Statements[%s] differs from Analysis(%s).Statements (-analysis +statements):\n%s", id, id, diff)
					}
				}
			})
		}
	})

	// A name a user types finds the entity a reader would mean: an alias
	// written exactly so before another entity's name that matches only
	// with case folded, and among equals the one more articles mention.
	t.Run("LookupByWhatUsersMean", func(t *testing.T) {
		st := open(t)
		mention := func(id string, ms ...storyline.Mention) {
			mustPut(t, st, article(id, "Article "+id, storyline.Day(2010, time.May, 1)))
			if err := st.PutAnalysis(ctx, &storyline.Analysis{ArticleID: id, Mentions: ms}); err != nil {
				t.Fatalf("PutAnalysis(%s): %v", id, err)
			}
		}
		caps := storyline.Mention{Start: 0, End: 12, Text: "BARACK OBAMA", Kind: storyline.Org, Name: "BARACK OBAMA"}
		full := storyline.Mention{Start: 20, End: 40, Text: "Barack Hussein Obama", Kind: storyline.Person, Name: "Barack Hussein Obama"}
		short := storyline.Mention{Start: 50, End: 62, Text: "Barack Obama", Kind: storyline.Person, Name: "Barack Hussein Obama"}
		town := storyline.Mention{Start: 0, End: 7, Text: "Jackson", Kind: storyline.Place, Name: "Jackson"}
		singer := storyline.Mention{Start: 10, End: 25, Text: "Michael Jackson", Kind: storyline.Person, Name: "Michael Jackson"}
		surname := storyline.Mention{Start: 30, End: 37, Text: "Jackson", Kind: storyline.Person, Name: "Michael Jackson"}
		mention("o1", caps, town)
		mention("o2", full, short, singer, surname)
		mention("o3", short, singer, surname)
		for q, want := range map[string]string{
			"Barack Obama": "Barack Hussein Obama", "barack obama": "Barack Hussein Obama", "BARACK OBAMA": "BARACK OBAMA",
			"Obama": "Barack Hussein Obama", "Jackson": "Michael Jackson",
		} {
			e, err := st.Entity(ctx, q)
			if err != nil {
				t.Fatalf("Entity(%q): %v", q, err)
			}
			if e.Name != want {
				t.Errorf("Entity(%q) = %s %q (%d articles), want %q", q, e.ID, e.Name, e.Articles, want)
			}
		}
	})

	t.Run("AliasesAcrossArticles", func(t *testing.T) {
		st := setup(t)
		full, err := st.Entity(ctx, "Anatoly Antonov")
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"Antonov", "antonov", "ANATOLY ANTONOV", full.ID} {
			e, err := st.Entity(ctx, q)
			if err != nil {
				t.Fatalf("Entity(%q): %v", q, err)
			}
			if e.ID != full.ID {
				t.Errorf("Entity(%q) = %s %q, want %s %q", q, e.ID, e.Name, full.ID, full.Name)
			}
		}
		if full.Name != "Anatoly Antonov" || full.Kind != storyline.Person || full.Articles != 2 || full.Mentions != 2 {
			t.Errorf("Antonov = %+v, want name Anatoly Antonov, person, 2 articles, 2 mentions", full)
		}
		if !slices.Contains(full.Aliases, "Antonov") {
			t.Errorf("Antonov aliases = %q, want Antonov among them", full.Aliases)
		}
		wantRoles := []storyline.Role{{Title: "ambassador to the United States", Affiliation: "Russia",
			First: storyline.Day(2021, time.March, 17), Last: storyline.Day(2021, time.March, 17)}}
		if diff := cmp.Diff(wantRoles, full.Roles); diff != "" {
			t.Errorf("Antonov roles mismatch (-want +got):\n%s", diff)
		}
		arts, err := st.EntityArticles(ctx, full.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"a1", "a2"}, arts); diff != "" {
			t.Errorf("EntityArticles(Antonov) mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("RolesIgnoreDisputedDates", func(t *testing.T) {
		// A page date its text disputes (and an article with no date)
		// says nothing of when a role was held.
		st := setup(t)
		disputed := article("a4", "The ambassador on the summit", storyline.Day(2017, time.July, 11))
		disputed.Disputed = "the text reports the summit of June 2021 in the past tense"
		undated := article("a5", "The ambassador again", storyline.Date{})
		for _, a := range []*storyline.Article{disputed, undated} {
			if _, err := st.PutArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			if err := st.PutAnalysis(ctx, &storyline.Analysis{ArticleID: a.ID, Mentions: []storyline.Mention{
				{Start: 0, End: 15, Text: "Anatoly Antonov", Kind: storyline.Person, Name: "Anatoly Antonov",
					Role: "ambassador to the United States", Affiliation: "Russia"}}}); err != nil {
				t.Fatal(err)
			}
		}
		full, err := st.Entity(ctx, "Anatoly Antonov")
		if err != nil {
			t.Fatal(err)
		}
		wantRoles := []storyline.Role{{Title: "ambassador to the United States", Affiliation: "Russia",
			First: storyline.Day(2021, time.March, 17), Last: storyline.Day(2021, time.March, 17)}}
		if diff := cmp.Diff(wantRoles, full.Roles); diff != "" {
			t.Errorf("Antonov roles mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("FullerNameWins", func(t *testing.T) {
		st := setup(t)
		joe, err := st.Entity(ctx, "Biden")
		if err != nil {
			t.Fatal(err)
		}
		if joe.Name != "Joe Biden" || joe.Mentions != 3 || joe.Articles != 2 {
			t.Errorf("Entity(Biden) = %q with %d mentions in %d articles, want Joe Biden with 3 in 2", joe.Name, joe.Mentions, joe.Articles)
		}
		hunter, err := st.Entity(ctx, "Hunter Biden")
		if err != nil {
			t.Fatal(err)
		}
		if hunter.ID == joe.ID {
			t.Errorf("Hunter Biden and Joe Biden are one entity %s; want two", joe.ID)
		}
		russia, err := st.Entity(ctx, "Russia")
		if err != nil {
			t.Fatal(err)
		}
		if russia.Kind != storyline.Place || russia.Articles != 2 || !slices.Contains(russia.Aliases, "Russian") {
			t.Errorf("Entity(Russia) = %+v, want a place in 2 articles with the alias Russian", russia)
		}
		kremlin, err := st.Entity(ctx, "the Kremlin")
		if err != nil || kremlin.ID != russia.ID {
			t.Errorf("Entity(the Kremlin) = %v, %v; want Russia %s", kremlin, err, russia.ID)
		}
		if _, err := st.Entity(ctx, "Nobody Inparticular"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("Entity(unknown) = %v, want ENOTFOUND", err)
		}
	})

	t.Run("EntityNames", func(t *testing.T) {
		// a store that names many entities at once names each as
		// Entity finds it, one name at a time
		st := setup(t)
		namer, ok := st.(storyline.EntityNamer)
		if !ok {
			t.Skip("the store does not name entities at once")
		}
		russia, err := st.Entity(ctx, "Russia")
		if err != nil {
			t.Fatal(err)
		}
		names := []string{"Biden", "Joe Biden", "joe biden", "Hunter Biden", "Antonov", "ANATOLY ANTONOV",
			"Russian", "the Kremlin", "Kremlin", "U.S.", "United States", russia.ID, "the " + russia.ID,
			"Nobody Inparticular", "the Nobody", "", "Biden"}
		want := map[string]string{}
		for _, n := range names {
			e, err := st.Entity(ctx, n)
			if storyline.ErrorCode(err) == storyline.ENOTFOUND {
				continue
			}
			if err != nil {
				t.Fatalf("Entity(%q): %v", n, err)
			}
			want[n] = e.Name
		}
		if want["Biden"] != "Joe Biden" || want["the Kremlin"] != "Russia" || want[russia.ID] != "Russia" {
			t.Fatalf("Entity names Biden %q, the Kremlin %q, %s %q; want Joe Biden, Russia, Russia",
				want["Biden"], want["the Kremlin"], russia.ID, want[russia.ID])
		}
		got, err := namer.EntityNames(ctx, names)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("EntityNames differs from Entity one name at a time (-Entity +EntityNames):\n%s", diff)
		}
		if got, err := namer.EntityNames(ctx, nil); err != nil || len(got) != 0 {
			t.Errorf("EntityNames(nil) = %v, %v; want nothing", got, err)
		}
	})

	t.Run("Entities", func(t *testing.T) {
		st := setup(t)
		people, err := st.Entities(ctx, storyline.EntityFilter{Kind: storyline.Person})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range people {
			names = append(names, e.Name)
		}
		if diff := cmp.Diff([]string{"Joe Biden", "Anatoly Antonov", "Hunter Biden"}, names); diff != "" {
			t.Errorf("Entities(person) mismatch (-want +got):\n%s", diff)
		}
		all, err := st.Entities(ctx, storyline.EntityFilter{Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 {
			t.Errorf("Entities(limit 2) returned %d", len(all))
		}
	})

	t.Run("Quotes", func(t *testing.T) {
		st := setup(t)
		for _, tc := range []struct {
			f    storyline.QuoteFilter
			want []string
		}{
			{storyline.QuoteFilter{}, []string{"You'll see it soon", "these are only sprouts", "aware of the decision"}},
			{storyline.QuoteFilter{Speaker: "Anatoly Antonov"}, []string{"these are only sprouts"}},
			{storyline.QuoteFilter{Speaker: "Joe Biden"}, []string{"You'll see it soon"}},
			{storyline.QuoteFilter{Speaker: "a state department spokesperson"}, []string{"aware of the decision"}},
			{storyline.QuoteFilter{ArticleID: "a2", Limit: 1}, []string{"these are only sprouts"}},
			{storyline.QuoteFilter{Speaker: "Nobody"}, nil},
		} {
			qs, err := st.Quotes(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range qs {
				got = append(got, q.Text)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Quotes(%+v) mismatch (-want +got):\n%s", tc.f, diff)
			}
		}
	})

	t.Run("SpeakersAreNamesOnly", func(t *testing.T) {
		// a quote links to the entity of a mention of its article, by
		// SpeakerRef (a country speaking as its government) or by name;
		// a speaker that names no mention gets no entity of its own
		st := setup(t)
		mustPut(t, st, article("a5", "Moscow answers", storyline.Day(2021, time.April, 15)))
		an := &storyline.Analysis{
			ArticleID: "a5",
			Mentions: []storyline.Mention{
				{Start: 0, End: 6, Text: "Moscow", Kind: storyline.Place, Name: "Russia", Via: "metonym"},
			},
			Quotes: []storyline.Quote{
				{Speaker: "Russia’s government", SpeakerRef: "Russia", Text: "the expulsions will be answered", Start: 12, End: 40, Cue: "said"},
				{Speaker: "They", Text: "channels stay open", Start: 50, End: 68, Cue: "added"},
				{Speaker: "The decision", Text: "after the report", Start: 70, End: 86, Cue: "disclosed"},
			},
		}
		if err := st.PutAnalysis(ctx, an); err != nil {
			t.Fatal(err)
		}
		russia, err := st.Entity(ctx, "Russia")
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Analysis(ctx, "a5")
		if err != nil {
			t.Fatal(err)
		}
		if got.Quotes[0].SpeakerEntity != russia.ID {
			t.Errorf("speaker entity of Russia's government = %q, want Russia's %q", got.Quotes[0].SpeakerEntity, russia.ID)
		}
		for _, q := range got.Quotes[1:] {
			if q.SpeakerEntity != "" {
				t.Errorf("speaker %q has entity %q, want none", q.Speaker, q.SpeakerEntity)
			}
			if e, err := st.Entity(ctx, q.Speaker); storyline.ErrorCode(err) != storyline.ENOTFOUND {
				t.Errorf("Entity(%q) = %+v, %v: want ENOTFOUND, a speaker is no entity of its own", q.Speaker, e, err)
			}
		}
		qs, err := st.Quotes(ctx, storyline.QuoteFilter{Speaker: "Russia"})
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != 1 || qs[0].Speaker != "Russia’s government" {
			t.Errorf("Quotes(speaker Russia) = %+v, want the quote of Russia's government", qs)
		}
	})

	t.Run("Replace", func(t *testing.T) {
		st := setup(t)
		antonov, err := st.Entity(ctx, "Antonov")
		if err != nil {
			t.Fatal(err)
		}
		again := clone(shifts)
		again.Mentions = again.Mentions[1:] // no Antonov this time
		again.Quotes = nil
		if err := st.PutAnalysis(ctx, again); err != nil {
			t.Fatal(err)
		}
		arts, err := st.EntityArticles(ctx, antonov.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"a1"}, arts); diff != "" {
			t.Errorf("EntityArticles after replacing a2 mismatch (-want +got):\n%s", diff)
		}
		qs, err := st.Quotes(ctx, storyline.QuoteFilter{ArticleID: "a2"})
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != 0 {
			t.Errorf("a2 still has %d quotes after its analysis was replaced without any", len(qs))
		}
		// replacing a3 without Hunter Biden leaves no trace of him
		if err := st.PutAnalysis(ctx, &storyline.Analysis{ArticleID: "a3"}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Entity(ctx, "Hunter Biden"); storyline.ErrorCode(err) != storyline.ENOTFOUND {
			t.Errorf("Entity(Hunter Biden) after his only article was re-analysed = %v, want ENOTFOUND", err)
		}
	})
	// An analysis stored again with the same mentions and quotes but other
	// time expressions and statements (the dating stage's, against an
	// estimate): those change; the entities, their counts and roles, the
	// quotes with their IDs and speakers stay, and the analysis is given
	// them.
	t.Run("Redated", func(t *testing.T) {
		st := setup(t)
		before, err := st.Analysis(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		antonov, err := st.Entity(ctx, "Anatoly Antonov")
		if err != nil {
			t.Fatal(err)
		}
		again := clone(recall)
		again.Timexes = nil
		again.Statements = []storyline.Statement{{ArticleID: "a1", Start: 0, End: 50, Text: "Russia recalled Antonov.",
			Date: storyline.Day(2021, time.March, 18), DateText: storyline.EstimatePrefix + "the week after a report",
			Estimated: true, Actors: []string{"Anatoly Antonov", "Russia"}}}
		if err := st.PutAnalysis(ctx, again); err != nil {
			t.Fatal(err)
		}
		for i, m := range again.Mentions {
			if m.EntityID != before.Mentions[i].EntityID {
				t.Errorf("mention %d (%s) given entity %q, stored before as %q", i, m.Text, m.EntityID, before.Mentions[i].EntityID)
			}
		}
		got, err := st.Analysis(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(again.Statements, got.Statements); diff != "" {
			t.Errorf("statements after storing again mismatch (-want +got):\n%s", diff)
		}
		if len(got.Timexes) != 0 {
			t.Errorf("timexes after storing none: %+v", got.Timexes)
		}
		if diff := cmp.Diff(before.Mentions, got.Mentions); diff != "" {
			t.Errorf("mentions after storing again mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(before.Quotes, got.Quotes); diff != "" {
			t.Errorf("quotes after storing again mismatch (-want +got):\n%s", diff)
		}
		after, err := st.Entity(ctx, "Anatoly Antonov")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(antonov, after); diff != "" {
			t.Errorf("Anatoly Antonov after storing a1 again mismatch (-want +got):\n%s", diff)
		}
	})
}

// clone deep-copies an analysis, so a store that fills IDs in does not
// change the scenario's values.
func clone(a *storyline.Analysis) *storyline.Analysis {
	c := *a
	c.Timexes = slices.Clone(a.Timexes)
	c.Mentions = slices.Clone(a.Mentions)
	c.Quotes = slices.Clone(a.Quotes)
	c.Statements = slices.Clone(a.Statements)
	return &c
}
