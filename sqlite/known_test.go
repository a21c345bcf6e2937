package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// TestKnownEntities: a Store remembers the entities its PutAnalyses read
// and wrote from one batch to the next. Whoever writes in between (another
// process, here a second Store on the same file), and whatever fails, the
// answers are those of a store that reads every batch's entities afresh.
func TestKnownEntities(t *testing.T) {
	ctx := context.Background()
	arts, ans := upgradeCorpus(t, 40)
	// five batches of eight, then the first ten analysed again with half
	// their mentions and no quotes (entities lose articles, some are
	// deleted)
	var batches [][]*storyline.Analysis
	for i := 0; i < len(ans); i += 8 {
		batches = append(batches, ans[i:min(i+8, len(ans))])
	}
	var again []*storyline.Analysis
	for _, an := range copyAnalyses(ans[:10]) {
		an.Mentions = an.Mentions[:len(an.Mentions)/2]
		an.Quotes = nil
		again = append(again, an)
	}
	batches = append(batches, again, ans[10:20])
	dir := t.TempDir()
	openAt := func(name string) *sqlite.Store {
		st, err := sqlite.Open(ctx, filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	put := func(st *sqlite.Store, list []*storyline.Analysis) {
		t.Helper()
		if err := st.PutAnalyses(ctx, copyAnalyses(list)); err != nil {
			t.Fatal(err)
		}
	}

	// the reference: a Store of its own for each batch, which knows
	// nothing of the entities but what it reads
	for _, b := range batches {
		ref := openAt("ref.db")
		if _, err := ref.PutArticles(ctx, arts); err != nil {
			t.Fatal(err)
		}
		put(ref, b)
		ref.Close()
	}
	ref := openAt("ref.db")
	defer ref.Close()

	one := openAt("one.db")
	defer one.Close()
	if _, err := one.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for i, b := range batches {
		put(one, b)
		if i == 1 {
			// a batch that fails after resolving some names: what it
			// changed in memory is forgotten with its transaction
			failing := append(copyAnalyses(batches[2][:3]), &storyline.Analysis{ArticleID: "no-such-article"})
			if err := one.PutAnalyses(ctx, failing); storyline.ErrorCode(err) != storyline.ENOTFOUND {
				t.Fatalf("analysis of no article: %v, want ENOTFOUND", err)
			}
		}
	}
	sameAnswers(t, "one store", ref, one, arts)

	// two stores on one file, taking turns
	first, second := openAt("two.db"), openAt("two.db")
	defer first.Close()
	defer second.Close()
	if _, err := first.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for i, b := range batches {
		put([]*sqlite.Store{first, second}[i%2], b)
	}
	sameAnswers(t, "two stores", ref, first, arts)
}

// TestKnownEntitiesOtherWriter: a name a Store met before, under which
// another Store filed an entity since, is resolved among both.
func TestKnownEntitiesOtherWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "test.db")
	first, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	mention := func(name string) storyline.Mention {
		return storyline.Mention{Text: name, Name: name, Kind: storyline.Person, End: len(name)}
	}
	for _, step := range []struct {
		st   *sqlite.Store
		id   string
		name string
	}{
		{first, "a1", "Joe Biden"},
		{second, "a2", "Hunter Biden"},
		{second, "a3", "Hunter Biden"},
		{first, "a4", "Biden"},
	} {
		if _, err := step.st.PutArticle(ctx, &storyline.Article{ID: step.id, Text: step.name + " spoke.", Format: "text"}); err != nil {
			t.Fatal(err)
		}
		if err := step.st.PutAnalysis(ctx, &storyline.Analysis{ArticleID: step.id, Mentions: []storyline.Mention{mention(step.name)}}); err != nil {
			t.Fatal(err)
		}
	}
	an, err := first.Analysis(ctx, "a4")
	if err != nil {
		t.Fatal(err)
	}
	hunter, err := first.Entity(ctx, "Hunter Biden")
	if err != nil {
		t.Fatal(err)
	}
	// Biden alone is the most mentioned Biden now, not the one the first
	// store met
	if got := an.Mentions[0].EntityID; got != hunter.ID {
		t.Errorf("Biden is %s, want %s (Hunter Biden)", got, hunter.ID)
	}
}

// TestRolesReplaced: an analysis stored again without a role drops the
// role it gave (entity_roles has no index by article since migration
// 020: PutAnalyses deletes the rows of the replaced mentions by key).
func TestRolesReplaced(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	text := "Ambassador Anatoly Antonov met Jake Sullivan."
	for _, id := range []string{"a1", "a2"} {
		if _, err := st.PutArticle(ctx, &storyline.Article{ID: id, Text: text, Format: "text", Published: storyline.Day(2021, 3, 17)}); err != nil {
			t.Fatal(err)
		}
	}
	antonov := func(role string) []storyline.Mention {
		return []storyline.Mention{
			{Start: 11, End: 26, Text: "Anatoly Antonov", Name: "Anatoly Antonov", Kind: storyline.Person, Role: role, Affiliation: "Russia"},
			{Start: 31, End: 44, Text: "Jake Sullivan", Name: "Jake Sullivan", Kind: storyline.Person},
		}
	}
	for _, step := range []struct {
		id, role string
		want     []string
	}{
		{"a1", "ambassador", []string{"ambassador"}},
		{"a2", "envoy", []string{"ambassador", "envoy"}},
		{"a1", "", []string{"envoy"}},
		{"a2", "diplomat", []string{"diplomat"}},
	} {
		if err := st.PutAnalysis(ctx, &storyline.Analysis{ArticleID: step.id, Mentions: antonov(step.role)}); err != nil {
			t.Fatal(err)
		}
		e, err := st.Entity(ctx, "Anatoly Antonov")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range e.Roles {
			got = append(got, r.Title)
		}
		if !slices.Equal(got, step.want) {
			t.Errorf("after %s as %q: roles %q, want %q", step.id, step.role, got, step.want)
		}
	}
}

// TestKnownEntitiesConcurrent: PutAnalyses from two goroutines of one
// Store and from a second Store on the same file at the same time, each
// storing some analyses and storing others again with fewer mentions.
// Whatever the order, no count is lost: every entity counts exactly the
// mentions and articles the stored analyses give it, and every mention's
// entity is stored. Run with -race.
func TestKnownEntitiesConcurrent(t *testing.T) {
	ctx := context.Background()
	arts, ans := upgradeCorpus(t, 48)
	path := filepath.Join(t.TempDir(), "test.db")
	stores := make([]*sqlite.Store, 2)
	for i := range stores {
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		stores[i] = st
	}
	if _, err := stores[0].PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	// three writers (two on the first Store), each storing every
	// analysis in batches of four, from its own third of the articles on,
	// and its third again with half their mentions after each batch of
	// it (entities lose mentions and articles, some go, others come back)
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	for w, st := range []*sqlite.Store{stores[0], stores[0], stores[1]} {
		order := append(slices.Clone(ans[w*16:]), ans[:w*16]...)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < len(order); i += 4 {
				b := copyAnalyses(order[i : i+4])
				if i < 16 {
					for _, an := range copyAnalyses(b) {
						an.Mentions = an.Mentions[:len(an.Mentions)/2]
						b = append(b, an)
					}
				}
				for _, list := range [][]*storyline.Analysis{b[:4], b[4:]} {
					if len(list) == 0 {
						continue
					}
					if err := st.PutAnalyses(ctx, list); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	mentions, articles := map[string]int{}, map[string]int{}
	for _, a := range arts {
		an, err := stores[1].Analysis(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, m := range an.Mentions {
			if m.EntityID == "" {
				continue
			}
			mentions[m.EntityID]++
			if !seen[m.EntityID] {
				seen[m.EntityID] = true
				articles[m.EntityID]++
			}
		}
	}
	es, err := stores[0].Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 20 {
		t.Fatalf("only %d entities: the test needs more", len(es))
	}
	stored := map[string]bool{}
	for _, e := range es {
		stored[e.ID] = true
		if e.Mentions != mentions[e.ID] || e.Articles != articles[e.ID] {
			t.Errorf("%s (%s): %d mentions in %d articles, the analyses give %d in %d",
				e.ID, e.Name, e.Mentions, e.Articles, mentions[e.ID], articles[e.ID])
		}
	}
	for id := range mentions {
		if !stored[id] {
			t.Errorf("mentions of %s, which is not stored", id)
		}
	}
}

// TestEntityNamesKnown: EntityNames reads the entities through what the
// Store's PutAnalyses remember when nobody wrote entities since, and from
// the database otherwise; either way each name gets the entity Entity
// finds for it then, batch after batch, after another Store wrote
// entities in between, and through a Store that remembers nothing.
func TestEntityNamesKnown(t *testing.T) {
	ctx := context.Background()
	arts, ans := upgradeCorpus(t, 40)
	path := filepath.Join(t.TempDir(), "test.db")
	one, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	other, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := one.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	var names []string
	check := func(when string, st *sqlite.Store) {
		t.Helper()
		want := map[string]string{}
		for _, n := range names {
			e, err := st.Entity(ctx, n)
			if storyline.ErrorCode(err) == storyline.ENOTFOUND {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			want[n] = e.Name
		}
		got, err := st.EntityNames(ctx, names)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: EntityNames differs from Entity (-Entity +EntityNames):\n%s", when, diff)
		}
	}
	for i := 0; i < len(ans); i += 8 {
		st := one
		if i == 16 {
			st = other // the first Store's memory is not true after this
		}
		batch := copyAnalyses(ans[i:min(i+8, len(ans))])
		if err := st.PutAnalyses(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for _, an := range batch {
			for _, m := range an.Mentions {
				names = append(names, m.Name, strings.ToLower(m.Name), "the "+m.Name)
			}
		}
		check(fmt.Sprintf("after batch %d", i/8+1), one)
	}
	// the counts as written decide: Tobin Quillfeather is in more
	// articles after the first batch, Mara Quillfeather after the
	// second, which resolves her name (reading both) before it counts
	// her mentions
	names = []string{"Quillfeather", "Mara Quillfeather", "Tobin Quillfeather"}
	for _, batch := range [][]string{{"Tobin Quillfeather", "Tobin Quillfeather", "Mara Quillfeather"},
		{"Mara Quillfeather", "Mara Quillfeather", "Mara Quillfeather"}} {
		var list []*storyline.Analysis
		for _, name := range batch {
			id := fmt.Sprintf("quill%d", len(names))
			names = append(names, id)
			if _, err := one.PutArticle(ctx, &storyline.Article{ID: id, Text: name + " spoke.", Format: "text"}); err != nil {
				t.Fatal(err)
			}
			list = append(list, &storyline.Analysis{ArticleID: id,
				Mentions: []storyline.Mention{{Text: name, Name: name, Kind: storyline.Person, End: len(name)}}})
		}
		if err := one.PutAnalyses(ctx, list); err != nil {
			t.Fatal(err)
		}
		check("Quillfeathers", one)
	}
	if got, err := one.EntityNames(ctx, []string{"Quillfeather"}); err != nil || got["Quillfeather"] != "Mara Quillfeather" {
		t.Errorf("EntityNames(Quillfeather) = %v, %v; want Mara Quillfeather, in four articles", got, err)
	}
	fresh, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	check("a Store that remembers nothing", fresh)
}
