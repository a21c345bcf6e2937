package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// TestPageSize: a database Open makes has 16 KB pages; one made with
// another page size keeps it, and is migrated and written as usual.
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	pageSize := func(st *sqlite.Store) int {
		t.Helper()
		var n int
		if err := st.DB().QueryRowContext(ctx, "PRAGMA page_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	fresh, err := sqlite.Open(ctx, filepath.Join(dir, "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if n := pageSize(fresh); n != 16384 {
		t.Errorf("a new database has %d-byte pages, want 16384", n)
	}

	// a database made with 4 KB pages, as storyline made them before
	oldPath := filepath.Join(dir, "old.db")
	db, err := sql.Open("sqlite", "file:"+oldPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE made_before (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	old, err := sqlite.Open(ctx, oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if n := pageSize(old); n != 4096 {
		t.Errorf("a database made with 4096-byte pages has %d-byte pages after Open", n)
	}
	a := &storyline.Article{ID: "a1", Origin: "a.txt", Title: "Envoy recalled", Text: "The ambassador was recalled for consultations."}
	if _, err := old.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	hits, err := old.Search(ctx, "recalled", 10)
	if err != nil || len(hits) != 1 || hits[0].Article.ID != "a1" {
		t.Errorf("Search(recalled) on the 4 KB database = %v, %v; want a1", hits, err)
	}
}
