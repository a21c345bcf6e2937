package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// TestEntitiesUpgrade: a database whose entities were written before
// migration 023 (a rowid table) keeps them, their counts and their roles,
// answers as a database made new, and goes on alike under the same
// writes: replaced analyses that leave entities mentioned nowhere delete
// them and, through the roles' foreign key, their roles.
func TestEntitiesUpgrade(t *testing.T) {
	ctx := context.Background()
	arts, ans := upgradeCorpus(t, 30)
	dir := t.TempDir()
	oldPath := filepath.Join(dir, "old.db")
	old, err := sqlite.OpenVersion(ctx, oldPath, 22)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := sqlite.Open(ctx, filepath.Join(dir, "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	for _, st := range []*sqlite.Store{old, ref} {
		if _, err := st.PutArticles(ctx, arts); err != nil {
			t.Fatal(err)
		}
		if err := st.PutAnalyses(ctx, copyAnalyses(ans[:20])); err != nil {
			t.Fatal(err)
		}
	}
	before, err := old.Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	roles := 0
	for _, e := range before {
		roles += len(e.Roles)
	}
	if len(before) < 10 || roles == 0 {
		t.Fatalf("%d entities, %d roles: the test needs more", len(before), roles)
	}
	old.Close()

	up, err := sqlite.Open(ctx, oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	after, err := up.Entities(ctx, storyline.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("entities after the upgrade (-before +after):\n%s", diff)
	}
	sameAnswers(t, "upgraded", ref, up, arts[:20])

	// the same writes to both: analyses replaced by ones without their
	// mentions' last half (some entities then mentioned nowhere), the
	// other articles analysed
	for _, st := range []*sqlite.Store{ref, up} {
		var again []*storyline.Analysis
		for _, an := range copyAnalyses(ans[:10]) {
			an.Mentions = an.Mentions[:len(an.Mentions)/2]
			again = append(again, an)
		}
		if err := st.PutAnalyses(ctx, again); err != nil {
			t.Fatal(err)
		}
		if err := st.PutAnalyses(ctx, copyAnalyses(ans[20:])); err != nil {
			t.Fatal(err)
		}
	}
	sameAnswers(t, "written after upgrading", ref, up, arts)
	for name, st := range map[string]*sqlite.Store{"new": ref, "upgraded": up} {
		var orphans, broken int
		if err := st.DB().QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM entity_roles WHERE entity_id NOT IN (SELECT id FROM entities)),
			(SELECT count(*) FROM pragma_foreign_key_check)`).Scan(&orphans, &broken); err != nil {
			t.Fatal(err)
		}
		if orphans != 0 || broken != 0 {
			t.Errorf("%s database: %d roles of no entity, %d rows breaking a foreign key; want none", name, orphans, broken)
		}
	}
}
