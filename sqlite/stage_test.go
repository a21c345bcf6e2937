package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// TestStagesUpgrade: stages recorded by article ID (before migration 016)
// read the same once keyed by the article's rowid.
func TestStagesUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sqlite.OpenVersion(ctx, path, 15)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 6 {
		id := fmt.Sprintf("s%d", 5-i) // stored order is not ID order
		if _, err := old.PutArticle(ctx, &storyline.Article{ID: id, Origin: id + ".txt", Text: "Text of " + id}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// as version 15 recorded them
	for _, step := range []struct {
		stage string
		ids   []string
	}{{"analyze", ids[:5]}, {"cluster", ids[1:3]}, {"dating", ids[2:3]}} {
		for _, id := range step.ids {
			if _, err := old.DB().ExecContext(ctx, `INSERT INTO article_stages (article_id, stage) VALUES (?, ?)`, id, step.stage); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := map[string][]string{"s5": {"analyze"}, "s4": {"analyze", "cluster"}, "s3": {"analyze", "cluster", "dating"},
		"s2": {"analyze"}, "s1": {"analyze"}}
	wantUnfinished := []string{"s5", "s2", "s1", "s0"} // in the order stored
	old.Close()
	up, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	got, err := up.ArticleStages(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stages after the upgrade (-want +got):\n%s", diff)
	}
	gotUnfinished, err := up.Unfinished(ctx, []string{"analyze", "cluster"}, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantUnfinished, gotUnfinished); diff != "" {
		t.Errorf("unfinished after the upgrade (-want +got):\n%s", diff)
	}
}
