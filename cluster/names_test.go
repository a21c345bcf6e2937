package cluster_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
)

// askCounter is a store for the stage that counts the entities it is asked
// for one at a time (AnalysisStore.Entity). With namer set it also names
// many at once (storyline.EntityNamer), through namer.
type askCounter struct {
	cluster.Store
	storyline.AnalysisStore
	namer storyline.EntityNamer
	asked int
}

func (s *askCounter) Entity(ctx context.Context, nameOrID string) (*storyline.Entity, error) {
	s.asked++
	return s.AnalysisStore.Entity(ctx, nameOrID)
}

type namingCounter struct{ *askCounter }

func (s namingCounter) EntityNames(ctx context.Context, names []string) (map[string]string, error) {
	return s.namer.EntityNames(ctx, names)
}

// TestStoriesNamedAtOnce: a store that names entities at once
// (storyline.EntityNamer) gives stories the key entities, under their
// canonical names, that a store asked one name at a time gives, and is
// asked no name on its own.
func TestStoriesNamedAtOnce(t *testing.T) {
	ctx := context.Background()
	// the recall's reports name the ambassador in full or by surname, the
	// president with or without his given name
	mentions := map[string][]string{
		"a": {"Anatoly Antonov", "Joe Biden", "Russia", "Maria Zakharova"},
		"b": {"Antonov", "Biden", "Russia", "Zakharova"},
		"d": {"Chile"},
	}
	stories := func(t *testing.T, named bool) ([]*storyline.Story, int) {
		st := openStore(t)
		counter := &askCounter{Store: st, AnalysisStore: st}
		var store cluster.Store = counter
		if named {
			counter.namer = st
			store = namingCounter{counter}
		}
		stage := cluster.NewStage(store, cluster.Options{})
		for _, d := range []cluster.Doc{recallA, recallB, quake} {
			a := articleOf(d)
			if _, err := st.PutArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			an := &storyline.Analysis{ArticleID: a.ID}
			for _, name := range mentions[d.ID] {
				at := strings.Index(a.Text, name)
				if at < 0 {
					t.Fatalf("%s does not mention %s", d.ID, name)
				}
				kind := storyline.Person
				if name == "Russia" || name == "Chile" {
					kind = storyline.Place
				}
				an.Mentions = append(an.Mentions, storyline.Mention{Start: at, End: at + len(name), Text: name, Kind: kind, Name: name})
			}
			if err := st.PutAnalysis(ctx, an); err != nil {
				t.Fatal(err)
			}
			if err := stage.Process(ctx, a); err != nil {
				t.Fatalf("process %s: %v", d.ID, err)
			}
		}
		if err := stage.Finish(ctx); err != nil {
			t.Fatal(err)
		}
		out, err := st.Stories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return out, counter.asked
	}
	oneByOne, asked := stories(t, false)
	if asked == 0 {
		t.Fatal("the stage named no key entity; the test needs stories with key entities")
	}
	var named []string
	for _, s := range oneByOne {
		named = append(named, s.Entities...)
	}
	if !strings.Contains(strings.Join(named, "|"), "Anatoly Antonov") {
		t.Errorf("key entities %q, want Anatoly Antonov among them", named)
	}
	atOnce, asked := stories(t, true)
	if asked != 0 {
		t.Errorf("a store that names entities at once was asked %d names one at a time, want none", asked)
	}
	if diff := cmp.Diff(oneByOne, atOnce); diff != "" {
		t.Errorf("stories named one name at a time and at once differ (-one at a time +at once):\n%s", diff)
	}
}
