package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/shareddata"
)

// TestSeedEntities stores the five seed articles with the mentions package
// entity finds in them and checks that each seed person is one entity,
// found by full name and by surname, in every seed that names him or her.
func TestSeedEntities(t *testing.T) {
	dir := shareddata.Dir(t, "corpus/seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seeds in %s", dir)
	}
	ctx := context.Background()
	st := open(t)
	texts := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		texts[id] = string(b)
		a := &storyline.Article{ID: id, Origin: f, Text: string(b), Raw: b, Format: "text", IngestedAt: time.Now()}
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := st.PutAnalysis(ctx, &storyline.Analysis{ArticleID: id, Mentions: entity.Extract(string(b))}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []struct{ full, surname string }{
		{"Anatoly Antonov", "Antonov"},
		{"Joe Biden", "Biden"},
		{"Vladimir Putin", "Putin"},
		{"Maria Zakharova", "Zakharova"},
		{"Jen Psaki", "Psaki"},
		{"Dmitry Peskov", "Peskov"},
	} {
		t.Run(p.surname, func(t *testing.T) {
			e, err := st.Entity(ctx, p.full)
			if err != nil {
				t.Fatal(err)
			}
			bySurname, err := st.Entity(ctx, p.surname)
			if err != nil {
				t.Fatal(err)
			}
			if e.ID != bySurname.ID || e.Name != p.full {
				t.Errorf("Entity(%q) = %s %q, Entity(%q) = %s %q; want one entity named %q",
					p.full, e.ID, e.Name, p.surname, bySurname.ID, bySurname.Name, p.full)
			}
			got, err := st.EntityArticles(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for id, text := range texts {
				if strings.Contains(text, p.surname) {
					want = append(want, id)
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s is mentioned in %q, want every seed that names %s: %q", p.full, got, p.surname, want)
			}
			var roles []string
			for _, r := range e.Roles {
				roles = append(roles, r.Title+"/"+r.Affiliation)
			}
			t.Logf("%s: %d mentions in %d seeds; aliases %q; roles %q", e.Name, e.Mentions, e.Articles, e.Aliases, roles)
		})
	}
	// no second entity shares a seed person's surname
	people, err := st.Entities(ctx, storyline.EntityFilter{Kind: storyline.Person})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, e := range people {
		f := strings.Fields(entity.Fold(e.Name))
		last := f[len(f)-1]
		switch last {
		case "antonov", "biden", "putin", "zakharova", "psaki", "peskov":
			if other, ok := seen[last]; ok {
				t.Errorf("two entities for %s: %q and %q", last, other, e.Name)
			}
			seen[last] = e.Name
		}
	}
}
