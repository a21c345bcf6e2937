package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline/sqlite"
)

// TestRejectionsOnceMigration opens a database whose earlier runs stored
// the same rejections again and again: migration 008 keeps the first of
// each and drops the copies, nothing else.
func TestRejectionsOnceMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	// The database as it was before migration 008 (and those after it).
	st, err := sqlite.OpenVersion(ctx, path, 7)
	if err != nil {
		t.Fatal(err)
	}
	db := st.DB()
	rows := [][4]string{
		{"a.jsonl", "line 2", "malformed JSON", "2026-01-01T00:00:00Z"},
		{"b.png", "", "binary (image/png), not text", "2026-01-01T00:00:01Z"},
		{"a.jsonl", "line 2", "malformed JSON", "2026-01-02T00:00:00Z"},
		{"a.jsonl", "line 2", "no article text", "2026-01-02T00:00:01Z"},
		{"b.png", "", "binary (image/png), not text", "2026-01-03T00:00:00Z"},
		{"a.jsonl", "line 2", "malformed JSON", "2026-01-03T00:00:00Z"},
	}
	for _, r := range rows {
		if _, err := db.ExecContext(ctx, `INSERT INTO rejections (origin, item, reason, at) VALUES (?, ?, ?, ?)`, r[0], r[1], r[2], r[3]); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	st, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Rejections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a.jsonl|line 2|malformed JSON|2026-01-01",
		"a.jsonl|line 2|no article text|2026-01-02",
		"b.png||binary (image/png), not text|2026-01-01",
	}
	if len(got) != len(want) {
		t.Fatalf("%d rejections after the migration, want %d: %+v", len(got), len(want), got)
	}
	for i, r := range got {
		if s := r.Origin + "|" + r.Item + "|" + r.Reason + "|" + r.At.Format("2006-01-02"); s != want[i] {
			t.Errorf("rejection %d = %s, want %s", i, s, want[i])
		}
	}
}
