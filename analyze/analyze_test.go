package analyze

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// The article is made up for this test.
const text = `Ambassador Anatoly Antonov flew back to Moscow on Sunday for consultations at the foreign ministry.

"We want to stop the damage to relations," Antonov told reporters on Monday.

The talks at the ministry lasted more than two hours, officials said.`

func article() *storyline.Article {
	return &storyline.Article{ID: "x1", Source: "Test Wire", Text: text, Published: storyline.Day(2021, time.March, 22)}
}

func TestArticle(t *testing.T) {
	an := Article(article())
	if an.ArticleID != "x1" {
		t.Errorf("ArticleID = %q", an.ArticleID)
	}
	var values []string
	for _, tx := range an.Timexes {
		values = append(values, tx.Value)
	}
	if !slices.Contains(values, "2021-03-21") {
		t.Errorf("timex values = %v, want Sunday resolved to 2021-03-21", values)
	}
	found := false
	for _, m := range an.Mentions {
		if m.Name == "Anatoly Antonov" {
			found = true
		}
	}
	if !found {
		t.Errorf("no mention resolved to Anatoly Antonov in %+v", an.Mentions)
	}
	var dated []string
	for _, s := range an.Statements {
		dated = append(dated, s.Date.String()+" "+strings.Fields(s.Text)[0])
		if text[s.Start:s.End] != s.Text {
			t.Errorf("statement %d-%d does not span its text", s.Start, s.End)
		}
	}
	if !slices.Contains(dated, "2021-03-21 Ambassador") {
		t.Errorf("statements = %v, want the flight dated 2021-03-21", dated)
	}
	for _, q := range an.Quotes {
		if q.ArticleID != "x1" || q.Date.IsZero() {
			t.Errorf("quote %+v lacks its article or date", q)
		}
	}
}

type memStore struct {
	storyline.AnalysisStore
	got []*storyline.Analysis
}

func (m *memStore) PutAnalysis(_ context.Context, a *storyline.Analysis) error {
	m.got = append(m.got, a)
	return nil
}

func TestStage(t *testing.T) {
	st := &memStore{}
	s := Stage(st)
	if s.Name() != "analyze" {
		t.Errorf("Name = %q", s.Name())
	}
	if err := s.Process(context.Background(), article()); err != nil {
		t.Fatal(err)
	}
	if len(st.got) != 1 || st.got[0].ArticleID != "x1" {
		t.Errorf("stored %+v", st.got)
	}
}
