package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
	"github.com/storyline/storyline/storetest"
)

// open returns a new store in a temporary directory, closed at the end of
// the test.
func open(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestStore runs the whole store suite, every part of storyline.Store.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storyline.Store { return open(t) })
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var version int
	if err := st.DB().QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version < 1 {
		t.Errorf("user_version = %d after Open, want the number of the last migration", version)
	}
	var mode string
	if err := st.DB().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	a := &storyline.Article{ID: "x", Origin: "x.txt", Text: "kept across reopening"}
	if _, err := st.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// Reopening applies nothing twice and keeps the data.
	st, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	var again int
	st.DB().QueryRowContext(ctx, "PRAGMA user_version").Scan(&again)
	if again != version {
		t.Errorf("user_version = %d after reopening, want %d", again, version)
	}
	if _, err := st.Article(ctx, "x"); err != nil {
		t.Errorf("article lost on reopening: %v", err)
	}
}
