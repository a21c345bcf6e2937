package analyze

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
)

// groupStore is a store holding one event of the articles it is given:
// what the dating stage reads and writes.
type groupStore struct {
	DatingStore // not used: calls to it panic
	articles    map[string]*storyline.Article
	order       []string
	datings     map[string]storyline.Dating
	analyses    map[string]*storyline.Analysis
}

func newGroupStore(as ...*storyline.Article) *groupStore {
	st := &groupStore{articles: map[string]*storyline.Article{}, datings: map[string]storyline.Dating{},
		analyses: map[string]*storyline.Analysis{}}
	for _, a := range as {
		st.articles[a.ID] = a
		st.order = append(st.order, a.ID)
	}
	return st
}

func (s *groupStore) Article(_ context.Context, id string) (*storyline.Article, error) {
	a, ok := s.articles[id]
	if !ok {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "no article %s", id)
	}
	b := *a
	return &b, nil
}

func (s *groupStore) SetDating(_ context.Context, id string, d storyline.Dating) error {
	s.datings[id] = d
	return nil
}

func (s *groupStore) SetDatings(_ context.Context, list []storyline.ArticleDating) error {
	for _, ad := range list {
		s.datings[ad.ID] = ad.Dating
	}
	return nil
}

func (s *groupStore) PutAnalysis(_ context.Context, a *storyline.Analysis) error {
	s.analyses[a.ArticleID] = a
	return nil
}

func (s *groupStore) PutAnalyses(ctx context.Context, list []*storyline.Analysis) error {
	for _, a := range list {
		s.PutAnalysis(ctx, a)
	}
	return nil
}

// Analysis returns what PutAnalysis stored, as the analyze stage gave it
// (the dating stage re-dates an article from its stored analysis).
func (s *groupStore) Analysis(_ context.Context, id string) (*storyline.Analysis, error) {
	a, ok := s.analyses[id]
	if !ok {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "article %s has not been analysed", id)
	}
	b := *a
	return &b, nil
}

func (s *groupStore) Entity(context.Context, string) (*storyline.Entity, error) {
	return nil, storyline.Errorf(storyline.ENOTFOUND, "no entity")
}

func (s *groupStore) ArticleEvents(_ context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	for _, id := range ids {
		out[id] = "e1"
	}
	return out, nil
}

func (s *groupStore) Event(_ context.Context, id string) (*storyline.Event, error) {
	ev := &storyline.Event{ID: id}
	for _, a := range s.order {
		ev.Members = append(ev.Members, storyline.Membership{ArticleID: a})
	}
	return ev, nil
}

func (s *groupStore) EventOutline(ctx context.Context, id string) (*storyline.Event, error) {
	return s.Event(ctx, id)
}

// dateTogether runs the analyze and dating stages over the articles of one
// event and returns the datings the store was given.
func dateTogether(t *testing.T, as ...*storyline.Article) map[string]storyline.Dating {
	t.Helper()
	st := newGroupStore(as...)
	analyzer, dater := Stages(st)
	analyzer.(*analyzeStage).now = func() time.Time { return now }
	ctx := context.Background()
	for _, a := range as {
		if err := analyzer.Process(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range as {
		if err := dater.Process(ctx, a); err != nil && !errors.Is(err, pipeline.Deferred) {
			t.Fatal(err)
		}
	}
	if err := dater.(pipeline.Finisher).Finish(ctx); err != nil {
		t.Fatal(err)
	}
	return st.datings
}

// The reports of one happening, written for the tests: a dated one that
// tells the recall and the envoy's journey home, and undated ones.
var (
	wireReport = &storyline.Article{ID: "d0", Source: "Wire Daily", Title: "Envoy meets the ministry after his recall",
		Published: storyline.Day(2021, 3, 22), PublishedFrom: storyline.DateFromHeader,
		Text: "The ambassador arrived at the foreign ministry on Monday, March 22, for consultations that lasted two hours.\n\n" +
			"The ambassador returned to Moscow on March 21 after the recall.\n\n" +
			"The foreign ministry said on March 17 that it had recalled the ambassador from Washington for consultations about relations."}
	// Its own weekday sentence matches the recall (a Wednesday).
	recallReport = &storyline.Article{ID: "u1", Source: "Evening Post", Title: "Moscow recalls its envoy",
		Text: "The foreign ministry said on Wednesday that it had recalled the ambassador from Washington for consultations about relations.\n\n" +
			"The new administration imposed its first sanctions on March 2, 2021, and has taken a harder line since."}
	// A copy with no weekday of its own, but a day of the season before.
	recallCopy = &storyline.Article{ID: "u2", Source: "Mirror Wire", Title: "Envoy withdrawn",
		Text: "Moscow has withdrawn its ambassador from Washington for consultations about relations.\n\n" +
			"The new president took office on January 20, 2021, after a bitter campaign."}
	// A copy that says nothing of its own time but a year.
	vagueCopy = &storyline.Article{ID: "u3", Source: "Daily Echo", Title: "Envoy withdrawn for talks",
		Text: "Moscow has withdrawn its ambassador from Washington for consultations about relations.\n\n" +
			"Relations have soured since the 2020 election."}
	// The envoy's return to Washington months later, clustered with the
	// recall: "returned ... on Sunday" is not the Sunday he flew home.
	returnReport = &storyline.Article{ID: "u4", Source: "Capital News", Title: "Envoy back at his post",
		Text: "The ambassador returned on Sunday to the embassy after the recall by Moscow.\n\n" +
			"The presidents met on June 16 in Geneva and agreed that the envoys would go back."}
	returnToWashington = &storyline.Article{ID: "u5", Source: "Capital News", Title: "Envoy back in Washington",
		Text: "The ambassador returned to Washington on Sunday after the recall by Moscow.\n\n" +
			"The presidents met on June 16 in Geneva and agreed that the envoys would go back."}
)

func TestDateGroup(t *testing.T) {
	cases := []struct {
		name     string
		articles []*storyline.Article
		want     map[string]storyline.Date // earliest day of each estimate; absent: none
	}{
		{"a report's own match, and a copy that agrees in its own words",
			[]*storyline.Article{wireReport, recallReport, recallCopy},
			map[string]storyline.Date{"u1": storyline.Day(2021, 3, 17), "u2": storyline.Day(2021, 3, 17)}},
		{"a copy that agrees only by naming nothing later takes no date",
			[]*storyline.Article{wireReport, recallReport, vagueCopy},
			map[string]storyline.Date{"u1": storyline.Day(2021, 3, 17)}},
		{"a match its own text contradicts dates no one",
			[]*storyline.Article{wireReport, recallReport, recallCopy, returnReport},
			map[string]storyline.Date{"u1": storyline.Day(2021, 3, 17), "u2": storyline.Day(2021, 3, 17)}},
		{"travel to another place is no match",
			[]*storyline.Article{wireReport, recallReport, recallCopy, returnToWashington},
			map[string]storyline.Date{"u1": storyline.Day(2021, 3, 17), "u2": storyline.Day(2021, 3, 17)}},
		{"nothing of the undated reports' own matches: no estimate",
			[]*storyline.Article{wireReport, recallCopy, returnToWashington},
			map[string]storyline.Date{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var as []*storyline.Article
			for _, a := range c.articles {
				b := *a
				as = append(as, &b)
			}
			got := dateTogether(t, as...)
			for _, a := range as {
				want, d := c.want[a.ID], got[a.ID]
				if d.EstimatedEarliest != want {
					t.Errorf("%s estimated from %v, want %v (%s)", a.ID, d.EstimatedEarliest, want, d.EstimatedFrom)
				}
			}
			if d, ok := got["u2"]; ok && !d.EstimatedEarliest.IsZero() {
				// The note names the reports as citations do.
				for _, w := range []string{"Wednesday 17 March 2021", "(Evening Post, “Moscow recalls its envoy”)",
					"(Wire Daily, “Envoy meets the ministry after his recall”, 22 March 2021)"} {
					if !strings.Contains(d.EstimatedFrom, w) {
						t.Errorf("u2's note %q lacks %q", d.EstimatedFrom, w)
					}
				}
			}
		})
	}
}

// TestRedateKeptLikeStored: an article re-dated from the text and analysis
// the analyze stage kept gets the analysis it gets from the stored ones.
func TestRedateKeptLikeStored(t *testing.T) {
	redate := func(keep bool) map[string]*storyline.Analysis {
		var as []*storyline.Article
		for _, a := range []*storyline.Article{wireReport, recallReport, recallCopy, returnReport} {
			b := *a
			as = append(as, &b)
		}
		st := newGroupStore(as...)
		analyzer, dater := Stages(st)
		analyzer.(*analyzeStage).now = func() time.Time { return now }
		ctx := context.Background()
		for _, a := range as {
			if err := analyzer.Process(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		stored := map[string]*storyline.Analysis{}
		for id, an := range st.analyses {
			stored[id] = an
		}
		kept := 0
		for _, u := range dater.(*datingStage).run.undated {
			if u.analysed != nil {
				kept++
			}
			if !keep {
				u.analysed = nil
			}
		}
		if kept == 0 {
			t.Fatal("the run kept no analysis")
		}
		for _, a := range as {
			if err := dater.Process(ctx, a); err != nil && !errors.Is(err, pipeline.Deferred) {
				t.Fatal(err)
			}
		}
		if err := dater.(pipeline.Finisher).Finish(ctx); err != nil {
			t.Fatal(err)
		}
		out := map[string]*storyline.Analysis{}
		for id, an := range st.analyses {
			if an != stored[id] {
				out[id] = an
			}
		}
		return out
	}
	kept, read := redate(true), redate(false)
	if len(kept) == 0 {
		t.Fatal("no article re-dated")
	}
	if !reflect.DeepEqual(kept, read) {
		t.Errorf("re-dated from what the run kept:\n%+v\nfrom the store:\n%+v", kept, read)
	}
}

// TestDaysPastTheBound: a run that keeps none of its articles' day
// statements (past maxDays) reads them from the store, and dates and
// re-analyses the same articles the same way.
func TestDaysPastTheBound(t *testing.T) {
	date := func(bound int) (map[string]storyline.Dating, map[string]*storyline.Analysis) {
		var as []*storyline.Article
		for _, a := range []*storyline.Article{wireReport, recallReport, recallCopy, returnReport} {
			b := *a
			as = append(as, &b)
		}
		st := newGroupStore(as...)
		analyzer, dater := Stages(st)
		analyzer.(*analyzeStage).now = func() time.Time { return now }
		dater.(*datingStage).run.maxDays = bound
		ctx := context.Background()
		for _, a := range as {
			if err := analyzer.Process(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if kept := len(dater.(*datingStage).run.days); bound == 0 && kept > 0 || bound > 0 && kept == 0 {
			t.Fatalf("bound %d: the run kept the day statements of %d articles", bound, kept)
		}
		for _, a := range as {
			if err := dater.Process(ctx, a); err != nil && !errors.Is(err, pipeline.Deferred) {
				t.Fatal(err)
			}
		}
		if err := dater.(pipeline.Finisher).Finish(ctx); err != nil {
			t.Fatal(err)
		}
		return st.datings, st.analyses
	}
	keptDatings, keptAnalyses := date(maxDays)
	readDatings, readAnalyses := date(0)
	if len(keptDatings) == 0 {
		t.Fatal("no article dated")
	}
	if !reflect.DeepEqual(keptDatings, readDatings) {
		t.Errorf("datings from kept day statements:\n%+v\nfrom the store's:\n%+v", keptDatings, readDatings)
	}
	if !reflect.DeepEqual(keptAnalyses, readAnalyses) {
		t.Errorf("analyses from kept day statements differ from those made from the store's")
	}
}
